// What makes an agency findable beyond its printed names: full pinyin, pinyin initials and the
// traditional form (src/dataset/identity.ts searchText). One module for the build (src/cli) and
// the browser's import (src/data/importer.ts, loaded there only when a file is imported: the
// pinyin and OpenCC tables are large), so an imported report is found like a bundled one.
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';

let toTraditional: ((s: string) => string) | undefined;

export function searchExtras(name: string): string[] {
  toTraditional ??= OpenCC.Converter({ from: 'cn', to: 'tw' });
  const full = pinyin(name, { toneType: 'none', type: 'array' }).join('');
  const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join('');
  return [full, initials, toTraditional(name)];
}
