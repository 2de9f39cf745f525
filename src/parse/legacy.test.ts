import { describe, expect, it } from 'vitest';
import { splitAnnualCumulative } from './legacy';

describe('splitAnnualCumulative (pre-2019 年度|历年累计 run together)', () => {
  it('takes equal halves: 2121 = 21|21', () => {
    expect(splitAnnualCumulative('2121')).toEqual({ annual: '21', cumulative: '21' });
    expect(splitAnnualCumulative('00')).toEqual({ annual: '0', cumulative: '0' });
  });
  it('reports an odd-length run with several cuts (206912106) instead of guessing', () => {
    const r = splitAnnualCumulative('206912106');
    expect('candidates' in r && r.candidates).toContainEqual(['2069', '12106']);
    expect('annual' in r).toBe(false);
  });
  it('takes the only cut where the cumulative is at least the annual value', () => {
    expect(splitAnnualCumulative('910')).toEqual({ annual: '9', cumulative: '10' });
  });
});
