import { describe, expect, it } from 'vitest';
import { parseCell } from './cells';

describe('parseCell', () => {
  it('keeps blank markers blank with the raw text', () => {
    for (const raw of ['', '-', '—', '/', '无', '——']) expect(parseCell(raw)).toEqual({ kind: 'blank', raw });
  });
  it('reads numbers as printed, with their unit and without rescaling', () => {
    expect(parseCell(' 5')).toMatchObject({ kind: 'number', value: 5, unit: null });
    expect(parseCell('3件')).toMatchObject({ value: 3, unit: '件' });
    expect(parseCell('251000元')).toMatchObject({ value: 251000, unit: '元' });
    expect(parseCell('0.5万元')).toMatchObject({ value: 0.5, unit: '万元' });
    expect(parseCell('1,234')).toMatchObject({ value: 1234 });
  });
  it('reads negative changes written with a sign or 减', () => {
    expect(parseCell('-185')).toMatchObject({ value: -185 });
    expect(parseCell('减4')).toMatchObject({ value: -4 });
    expect(parseCell('增3')).toMatchObject({ value: 3 });
  });
  it('does not turn text into a number', () => {
    expect(parseCell('约20')).toMatchObject({ kind: 'text' });
    expect(parseCell('1 2')).toMatchObject({ kind: 'text' });
  });
});
