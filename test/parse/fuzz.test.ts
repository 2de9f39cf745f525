import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse';

// Thousands of randomly mutated corpus reports (seeded, so a failure reproduces): the parser must
// never throw and must always return a ParsedReport with an identity and sane facts.

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dir = join(__dirname, '../../data/reports');
const corpus = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));
const TAGS = ['<table>', '</table>', '<tr>', '<td colspan="99999">', '<td rowspan="-3">', '</td>', '<br>', '&nbsp;', '<script>x</script>', '<p>', '<td>', '<th rowspan="40">'];

type Rand = () => number;
const pick = <T,>(r: Rand, xs: T[]): T => xs[Math.floor(r() * xs.length)]!;

const MUTATIONS: ((t: string, r: Rand) => string)[] = [
  (t, r) => { const l = t.split('\n'); l.splice(Math.floor(r() * l.length), 1 + Math.floor(r() * 5)); return l.join('\n'); },
  (t, r) => { const l = t.split('\n'); const i = Math.floor(r() * l.length); l.splice(i, 0, ...l.slice(i, i + 1 + Math.floor(r() * 4))); return l.join('\n'); },
  (t, r) => t.slice(0, Math.floor(r() * t.length)),
  (t, r) => { // swap two cells/lines
    const l = t.split(/(\n|\|)/); const i = Math.floor(r() * l.length); const j = Math.floor(r() * l.length);
    [l[i], l[j]] = [l[j]!, l[i]!]; return l.join('');
  },
  (t, r) => { // random bytes, control characters and lone surrogates
    let s = '';
    for (let k = 0; k < 1 + r() * 40; k++) s += String.fromCharCode(Math.floor(r() * 0xffff));
    const at = Math.floor(r() * t.length); return t.slice(0, at) + s + t.slice(at);
  },
  (t, r) => t.replace(/\d+/g, (m) => (r() < 0.05 ? '1' + '0'.repeat(30) : r() < 0.02 ? '9'.repeat(200) : m)),
  (t, r) => { const at = Math.floor(r() * t.length); return t.slice(0, at) + pick(r, TAGS) + t.slice(at); },
  (t, r) => t.replace(/\d/g, (d) => (r() < 0.1 ? String.fromCharCode(0xff10 + Number(d)) : r() < 0.03 ? '-' : d)),
  (t, r) => t.replace(/\n/g, () => (r() < 0.3 ? '' : '\n')),
  (t, r) => t.replace(/[|\t]/g, () => pick(r, ['|', '\t', ' ', '', '||'])),
];

describe('fuzz: mutated corpus reports', () => {
  it('never throws and always yields a ParsedReport with an identity (3000 seeded mutants)', () => {
    const r = mulberry32(20261125);
    let failed = 0;
    for (let n = 0; n < 3000; n++) {
      const base = corpus[n % corpus.length]!;
      let text = base.text;
      const k = 1 + Math.floor(r() * 4);
      for (let m = 0; m < k; m++) text = pick(r, MUTATIONS)(text, r);
      const format = pick(r, ['txt', 'html', 'md', undefined] as const);
      let p;
      try {
        p = parseText({ sourceFile: base.name, text, format });
      } catch (e) {
        throw new Error(`mutant ${n} of ${base.name} threw: ${String(e)}`, { cause: e });
      }
      expect(p.report.reportId).toBe(base.name.replace(/\.txt$/, ''));
      expect(['ok', 'findings', 'failed']).toContain(p.status);
      for (const f of p.facts) {
        if (f.value !== null && !Number.isFinite(f.value)) throw new Error(`mutant ${n}: non-finite value ${f.value}`);
      }
      if (p.status === 'failed') failed++;
    }
    expect(failed).toBeLessThan(3000);
  });

  it('returns a failed ParsedReport for empty, binary and non-string input', () => {
    const empty = parseText({ sourceFile: 'empty.txt', text: '' });
    expect(empty.status).toBe('failed');
    expect(empty.findings.map((f) => f.code)).toContain('parse-failed');
    const binary = parseText({ sourceFile: 'x.bin', text: String.fromCharCode(...Array.from({ length: 4000 }, (_, i) => (i * 7919) % 65535)) });
    expect(binary.report.reportId).toBe('x');
    expect(binary.facts.every((f) => f.value === null || Number.isFinite(f.value))).toBe(true);
    const odd = parseText({ sourceFile: 'odd.txt', text: undefined as unknown as string });
    expect(odd.status).toBe('failed');
  });
});
