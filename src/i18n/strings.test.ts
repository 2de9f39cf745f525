import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STRINGS } from './strings';
import { htmlLang, isLang, numberLocale, otherLang } from './locale';

const SRC = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

// `lang === 'zh'`, `p.lang !== "en"`, `'zh' === lang` …: a module deciding the language itself
// instead of looking its text up in strings.ts (or its locale tag up in locale.ts).
const LANG_TEST = /\blang\s*[!=]==?\s*['"](?:zh|en)['"]|['"](?:zh|en)['"]\s*[!=]==?\s*[\w.]*\blang\b/;

/** Every leaf of a string table as [path, value]. */
function leaves(v: unknown, path = ''): [string, unknown][] {
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => leaves(x, path ? `${path}.${k}` : k));
  return [[path, v]];
}

describe('one string table per language', () => {
  it('no source file outside src/i18n compares a language to a literal', () => {
    const offenders = sources(SRC).flatMap((file) =>
      readFileSync(file, 'utf8').split('\n').flatMap((line, i) => (LANG_TEST.test(line) ? [`${relative(SRC, file)}:${i + 1}: ${line.trim()}`] : [])));
    expect(offenders).toEqual([]);
  });

  it('the guard catches the forms it is meant to catch', () => {
    for (const bad of ["lang === 'zh' ? 'a' : 'b'", 'o.lang === "en"', "p.lang !== 'zh'", "'zh' === state.lang"]) expect(LANG_TEST.test(bad), bad).toBe(true);
    for (const ok of ["if (s.lang !== d.lang) p.set('lang', s.lang);", "m[lang]", "label: s.cols.agency"]) expect(LANG_TEST.test(ok), ok).toBe(false);
  });

  it('en has exactly the keys of zh, every text non-empty, every function of the same arity', () => {
    const zh = leaves(STRINGS.zh);
    const en = new Map(leaves(STRINGS.en));
    expect([...en.keys()].sort()).toEqual(zh.map(([k]) => k).sort());
    for (const [k, z] of zh) {
      const e = en.get(k);
      expect(typeof e, k).toBe(typeof z);
      if (typeof z === 'string') {
        expect(z.trim(), `zh ${k}`).not.toBe('');
        expect((e as string).trim(), `en ${k}`).not.toBe('');
      } else {
        expect(typeof z, k).toBe('function');
        expect((e as (...a: unknown[]) => unknown).length, k).toBe((z as (...a: unknown[]) => unknown).length);
      }
    }
  });

  it('texts with numbers say them in both languages', () => {
    expect(STRINGS.zh.regionsView.unplaced(3)).toBe(' 另有 3 份报告无法定位到行政区划，未计入。');
    expect(STRINGS.en.regionsView.unplaced(3)).toBe(' 3 reports could not be placed in a division and are not included.');
    expect(STRINGS.zh.charts.smallN('50.0%（4/8）', 10)).toBe('50.0%（4/8） 样本少于10件');
    expect(STRINGS.en.charts.sankey.reviewResult('Corrected')).toBe('Reconsideration: corrected');
    expect(STRINGS.zh.yearRange(2020, 2023)).toBe('2020–2023 年');
    expect(STRINGS.en.yearRange(2020, 2023)).toBe('2020–2023');
  });
});

describe('locale tags', () => {
  it('maps each language to its tags and validates untrusted values', () => {
    expect([htmlLang('zh'), htmlLang('en'), numberLocale('zh'), numberLocale('en')]).toEqual(['zh-CN', 'en', 'zh-CN', 'en-GB']);
    expect([otherLang('zh'), otherLang('en')]).toEqual(['en', 'zh']);
    expect(['zh', 'en', 'fr', '', null, 'ZH'].map(isLang)).toEqual([true, true, false, false, false, false]);
  });
});
