import { describe, expect, it } from 'vitest';
import { escapeHtml, formatChange, formatNumber, formatPercent, formatRate } from '../../src/charts/format';

describe('format', () => {
  it('escapes every HTML metacharacter', () => {
    expect(escapeHtml(`<img src=x onerror=alert(1)>&"'\``)).toBe('&lt;img src=x onerror=alert(1)&gt;&amp;&quot;&#39;&#96;');
    expect(escapeHtml(null)).toBe('');
  });
  it('formats blanks as no data, never 0', () => {
    expect(formatNumber(null, 'zh')).toBe('无数据');
    expect(formatPercent(null, 'en')).toBe('no data');
    expect(formatRate(null, null, null, 'en')).toBe('no data');
    expect(formatNumber(0, 'en')).toBe('0');
  });
  it('formats numbers and rates per locale, with the denominator and a small-n flag', () => {
    expect(formatNumber(12345, 'en')).toBe('12,345');
    expect(formatRate(0.5, 4, 8, 'en')).toBe('50.0% (4/8) fewer than 10 cases');
    expect(formatRate(0.25, 5, 20, 'zh')).toBe('25.0%（5/20）');
    expect(formatChange(0.123, 'en')).toBe('+12.3%');
    expect(formatChange(-0.5, 'en')).toBe('−50.0%');
  });
});
