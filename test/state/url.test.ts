import { describe, expect, it } from 'vitest';
import { decode, DEFAULT_STATE, encode, linkTo, type State } from '../../src/state/url';

const full: State = {
  view: 'compare', lang: 'en', metrics: ['received', 'correction_rate'], metric: 'denied_rate',
  agencies: ['湘潭县人民政府办公室', 'A, B & C 局', '<img src=x onerror=alert(1)>'], levels: ['county', 'department'],
  region: '4303', years: [2019, 2024], year: 2023, mode: 'percent', excludeFailing: true,
  report: '2024_xiangtanxian_zfbgs', cell: 'requests:new:natural', embed: true, anim: false,
  q: "SELECT agency, year\nFROM metrics -- 'x' & y\nWHERE agency LIKE '%局%'", rows: 100, term: 'correction_rate',
};

describe('URL state codec', () => {
  it('encodes the default state as an empty query and decodes an empty query to the defaults', () => {
    expect(encode(DEFAULT_STATE)).toBe('');
    expect(decode('')).toEqual(DEFAULT_STATE);
  });

  it('round-trips every field, including agency names with commas, Chinese and HTML metacharacters', () => {
    const q = encode(full);
    expect(decode(q)).toEqual(full);
    expect(encode(decode(q))).toBe(q);
  });

  it('writes only the values that differ from the defaults', () => {
    expect(encode({ ...DEFAULT_STATE, lang: 'en' })).toBe('?lang=en');
    expect(encode({ ...DEFAULT_STATE, view: 'trends', anim: false })).toBe('?view=trends&anim=0');
    expect(encode({ ...DEFAULT_STATE, metrics: ['received'] })).toBe('');
  });

  it('ignores unknown keys and falls back to defaults for malformed values', () => {
    expect(decode('?foo=bar&utm_source=x')).toEqual(DEFAULT_STATE);
    const s = decode('?view=admin&lang=fr&years=2024&year=abc&region=43a&mode=pie&embed=yes&cell=x;drop&metrics=a%20b,received');
    expect(s.view).toBe('overview');
    expect(s.lang).toBe('zh');
    expect(s.years).toBeNull();
    expect(s.year).toBeNull();
    expect(s.region).toBe('');
    expect(s.mode).toBe('absolute');
    expect(s.embed).toBe(false);
    expect(s.cell).toBe('');
    expect(s.metrics).toEqual(['received']);
  });

  it('orders a reversed year range and drops duplicate agencies', () => {
    const s = decode('?years=2024-2019&agency=X&agency=X');
    expect(s.years).toEqual([2019, 2024]);
    expect(s.agencies).toEqual(['X']);
  });

  it('builds a share link from a page URL that already has a query and hash', () => {
    expect(linkTo('https://h.example/some/deep/path/?lang=en#x', { ...DEFAULT_STATE, view: 'appeals' }))
      .toBe('https://h.example/some/deep/path/?view=appeals');
  });

  it('keeps a multi-line SQL query, and drops one with control characters or too long for a link', () => {
    const sql = 'SELECT year,\n\tcount(*) AS n\r\nFROM reports GROUP BY ALL';
    expect(decode(encode({ ...DEFAULT_STATE, view: 'sql', q: sql })).q).toBe(sql);
    expect(decode(`?q=${encodeURIComponent('SELECT 1\u0000')}`).q).toBe('');
    expect(decode(`?q=${encodeURIComponent('SELECT ' + '1,'.repeat(2500) + '1')}`).q).toBe('');
    expect(decode('?rows=5').rows).toBe(DEFAULT_STATE.rows);
    expect(decode('?rows=10000').rows).toBe(10000);
    expect(decode('?term=a%20b').term).toBe('');
  });
});
