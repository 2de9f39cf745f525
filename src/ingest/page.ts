// A web page, possibly saved whole from a browser (navigation, search box, scripts, lists of other
// reports, footer): find the report inside it and read what the page's metadata says about it.
//
// The article is the smallest element that holds every table that looks like a report table (the
// 2019/2021 templates' anchors); a page with no such table is read whole, as before. The metadata
// (the CMS fields most government sites emit: ArticleTitle, ContentSource, else <title> up to the
// site-name separator) becomes parseText hints, used only when the article text names no title /
// agency itself. The publish date is not used for the year: a report is published the year after
// the one it covers, usually but not always, and a guessed year is worse than none.
import { parse, serializeOuter } from 'parse5';
import type { Node } from '../parse/html';
import type { IdentityHints } from '../parse/identity';

export interface PageRead {
  /** The article's HTML, or the whole page when no report table was found. */
  html: string;
  hints: IdentityHints;
  /** True when an article was cut out of a larger page. */
  cut: boolean;
}

const REPORT_TABLE = /申请人情况|第二十条|行政复议|本年新收|信息内容|本年制发件数|申请情况/;
const attr = (n: Node, name: string) => n.attrs?.find((a) => a.name === name)?.value;

// Walks are iterative: a hostile page may nest elements thousands deep (a recursive walk would
// stop at a depth limit or overflow the stack and miss the article).
function textOf(root: Node): string {
  let s = '';
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeName === '#text') s += n.value ?? '';
    else if (n.tagName !== 'script' && n.tagName !== 'style') for (let i = (n.childNodes?.length ?? 0) - 1; i >= 0; i--) stack.push(n.childNodes![i]!);
  }
  return s;
}

export function readPage(html: string): PageRead {
  let doc: Node;
  try { doc = parse(html) as unknown as Node; } catch { return { html, hints: {}, cut: false }; }
  const metas: Record<string, string> = {};
  let title = '';
  const tables: Node[] = [];
  const stack: Node[] = [doc];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.tagName === 'meta') {
      const name = (attr(n, 'name') ?? attr(n, 'property') ?? '').toLowerCase();
      const content = attr(n, 'content')?.trim();
      if (name && content) metas[name] = content;
    } else if (n.tagName === 'title' && !title) title = textOf(n).trim();
    else if (n.tagName === 'table' && REPORT_TABLE.test(textOf(n))) { tables.push(n); continue; }
    for (let i = (n.childNodes?.length ?? 0) - 1; i >= 0; i--) stack.push(n.childNodes![i]!);
  }
  const pageTitle = metas['articletitle'] || metas['og:title'] || title.split(/\s*(?:_|\||–|—|-{1,2})\s*/)[0] || '';
  const hints: IdentityHints = {};
  if (pageTitle) hints.title = pageTitle.slice(0, 200);
  const source = metas['contentsource'] || metas['source'];
  if (source) hints.agency = source.slice(0, 100);

  const article = commonAncestor(tables);
  if (!article || article.tagName === 'body' || article.tagName === 'html' || article.nodeName === '#document') return { html, hints, cut: false };
  return { html: serializeOuter(article as never), hints, cut: true };
}

function ancestors(n: Node): Node[] {
  const out: Node[] = [];
  for (let p: Node | null | undefined = n; p; p = p.parentNode) out.unshift(p);
  return out;
}

/** The deepest element holding every node (the node itself when there is one). */
function commonAncestor(nodes: Node[]): Node | null {
  if (nodes.length === 0) return null;
  let path = ancestors(nodes[0]!);
  for (const n of nodes.slice(1)) {
    const other = ancestors(n);
    let k = 0;
    while (k < path.length && k < other.length && path[k] === other[k]) k++;
    path = path.slice(0, k);
  }
  // a single table (or tables side by side in one cell) is not the article: take its container
  let node: Node | null = path[path.length - 1] ?? null;
  while (node && (node.tagName === 'table' || node.tagName === 'tbody' || node.tagName === 'tr' || node.tagName === 'td' || node.tagName === 'p')) node = node.parentNode ?? null;
  return node;
}
