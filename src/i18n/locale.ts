// What depends on the language besides text: the BCP 47 tags handed to the browser. Declared once
// so no module has to ask which language it is in; all user-facing text is in strings.ts.
import type { Lang } from '../model/types';

export const LANGS: readonly Lang[] = ['zh', 'en'];

/** A value from a URL or an embed payload is a language only if it is one of LANGS. */
export const isLang = (v: unknown): v is Lang => (LANGS as readonly unknown[]).includes(v);

/** The language the switch button goes to. */
export const otherLang = (lang: Lang): Lang => ({ zh: 'en', en: 'zh' } as const)[lang];

/** `<html lang>`, `lang` attributes and string collation. */
export const htmlLang = (lang: Lang): string => ({ zh: 'zh-CN', en: 'en' })[lang];

/** Intl.NumberFormat locale of counts, percents and rates. */
export const numberLocale = (lang: Lang): string => ({ zh: 'zh-CN', en: 'en-GB' })[lang];
