// The forms sweep: every report of data/reports/ in every form users bring, read back through
// src/ingest (the one way in of the CLI and the import worker) and compared, fact by fact, with
// the original's facts and with the figures read by eye (test/fixtures/truth.csv).
//
//   npx tsx scripts/forms-sweep.ts [--fresh] [--only STEM] [--out DIR] [--json FILE]
//
// Makes (once, cached in DIR, default out/forms-sweep/; never committed): the report in the
// national template's layout as HTML (test/ingest/template-html.ts; a report with no 2019/2021
// table — pre-2019, fragments — as its text in paragraphs), then from it: GB18030 with and without
// a charset declaration, a page saved whole with a site's navigation / sidebar table / footer
// table around it (also with the title printed outside the article), the report nested in a
// layout table, Word's "save as web page" markup, table 三 split over two <table>s (also mid-table,
// with its header rows repeated), <thead>/<th> headers, full-width digits, thousands separators, Chromium's innerText (what select-all + paste gives:
// tabs between cells) also with spaces for tabs and of the whole saved page, a Chromium-printed
// PDF, and with LibreOffice (`soffice`, needed only to make the files) .docx, .doc, a PDF from the
// HTML and from the .docx, the split table as PDF and .docx, a .docx made from the PDF (LibreOffice's
// PDF import), and (with poppler's pdftotext) the text copied out of the PDF. More Chromium PDFs
// (CHROMIUM_PDFS): a narrow page (labels wrapped in their cells), narrower with numbers broken
// inside their cells, A5 at scale 1.4, landscape A4, letter-spaced text, row labels spread over
// their cells (分散对齐), the browser's print with its header and footer; and the Chromium,
// LibreOffice and broken-cell PDFs re-written by cairo (poppler's `pdftocairo -pdf`). Pages saved
// as one file: Chromium's MHTML of the saved page, and a Word-style .mht of its GBK form.
// A .txt original is also swept as GB18030 text.
//
// Prints a table report × form: `=` same facts; `D n` n facts differ (the worst: a number that is
// not the report's); `B n` n printed numbers left blank; `F` failed. Then every difference by key.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ingest } from '../src/ingest';
import type { ParsedReport } from '../src/model';
import { readTruthCsv, truthFacts, TRUTH_COLUMNS } from '../test/parse/truth';
import { renderTemplateHtml } from '../test/ingest/template-html';
import { wordMht } from '../test/ingest/mime-forms';

const ROOT = path.join(import.meta.dirname, '..');
const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const OUT = path.resolve(arg('--out') ?? path.join(ROOT, 'out/forms-sweep'));
const ONLY = arg('--only');
if (process.argv.includes('--fresh')) rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

const REPORTS = path.join(ROOT, 'data/reports');
const stems = readdirSync(REPORTS).filter((f) => /\.(txt|pdf)$/.test(f)).map((f) => f).filter((f) => !ONLY || f.startsWith(ONLY)).sort();
const truth = new Map(readTruthCsv(readFileSync(path.join(ROOT, 'test/fixtures/truth.csv'), 'utf8')).map((r) => [r.file.replace(/^reports\//, ''), r.values]));
const read = (file: string) => ingest({ name: path.basename(file), bytes: new Uint8Array(readFileSync(file)) });
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// ---------------------------------------------------------------- making the forms
const FW = '０１２３４５６７８９';
/** A cell's number in another notation: rewrite only `<td>` contents that are plain numbers. */
const cellNumbers = (html: string, f: (n: string) => string) => html.replace(/(<td[^>]*>)(\d+(?:\.\d+)?)(<\/td>)/g, (_, a: string, n: string, b: string) => a + f(n) + b);
const fullWidth = (n: string) => n.replace(/\d/g, (d) => FW[Number(d)]!).replace('.', '．');
const commas = (n: string) => { const [i, d] = n.split('.'); return i!.replace(/\B(?=(\d{3})+$)/g, ',') + (d ? `.${d}` : ''); };

/** A page saved whole from a browser: the site's header, navigation, a sidebar table of links,
 * related reports, the article, a footer table with the site's own numbers. */
function savedPage(html: string, title: string, gbk = false, titleOutside = false): string {
  let body = /<body>([\s\S]*)<\/body>/.exec(html)![1]!;
  // most CMS pages print the title in a header block above the article's own <div>
  if (titleOutside) body = body.replace(/<h1>[\s\S]*?<\/h1>/, '');
  const heading = titleOutside ? `<div class="title"><h1>${esc(title)}</h1></div>` : '';
  const year = /(\d{4})年/.exec(title)?.[1] ?? '2024';
  return `<!DOCTYPE html><html><head>${gbk ? '' : '<meta charset="utf-8">'}<title>${esc(title)}_政府信息公开年报_某某人民政府门户网站</title>
<meta name="SiteName" content="某某人民政府门户网站"><meta name="ColumnName" content="政府信息公开年报">
<script>var _hmt = _hmt || []; (function(){ var a = 1 + 2; })();</script><style>.nav{float:left}</style></head><body>
<div class="top"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/hdjl/">互动交流</a> | <a href="/bsfw/">办事服务</a><form><input name="q" placeholder="请输入关键字"><button>搜索</button></form></div>
<div class="nav"><table class="sidebar"><tr><td><a href="/zn/">政府信息公开指南</a></td></tr><tr><td><a href="/zd/">政府信息公开制度</a></td></tr>
<tr><td><a href="/fd/">法定主动公开内容</a></td></tr><tr><td><a href="/nb/">政府信息公开年报</a></td></tr><tr><td><a href="/ysq/">依申请公开</a></td></tr></table></div>
<div class="main"><div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政府信息公开年报</div>
<div class="info">发布时间：${Number(year) + 1}-01-20 来源：本站 浏览次数：1234 字号：[大 中 小]</div>
${heading}<div class="article">${body}</div>
<div class="related"><h3>相关阅读</h3><ul><li><a href="/nb/1.htm">${Number(year) - 1}年政府信息公开工作年度报告</a> ${Number(year)}-01-18</li><li><a href="/nb/2.htm">${Number(year) - 2}年政府信息公开工作年度报告</a> ${Number(year) - 1}-01-25</li></ul></div></div>
<table class="footer"><tr><td>主办单位：某某人民政府办公室</td><td>网站标识码：3501000001</td></tr><tr><td>闽ICP备05012345号</td><td>联系电话：0591-12345678</td></tr></table>
</body></html>`;
}

/** Word's "save as web page" markup: every cell a MsoNormal paragraph of spans (a number's digits
 * in separate runs), an empty cell a paragraph holding &nbsp;, Office namespaces' empty elements. */
const wordHtml = (html: string) => html.replace(/(<td[^>]*>)([^<]*)(<\/td>)/g, (_, a: string, t: string, b: string) => {
  if (t === '') return `${a}<p class=MsoNormal align=center><span lang=EN-US>&nbsp;<o:p></o:p></span></p>${b}`;
  const runs = /^\d{2,}$/.test(t) ? `<span lang=EN-US>${t.slice(0, 1)}</span><span lang=EN-US style='font-size:9.0pt'>${t.slice(1)}</span>` : `<span style='font-family:宋体'>${t}</span>`;
  return `${a}<p class=MsoNormal align=center style='text-align:center'>${runs}<o:p></o:p></p>${b}`;
}).replace('<body>', '<body lang=ZH-CN style=\'tab-interval:21.0pt\'><div class=WordSection1>').replace('</body>', '</div></body>');

/** The report nested in a site's layout table (pages built with tables, common on older CMSs). */
const nested = (html: string) => html.replace(/<body>([\s\S]*)<\/body>/, (_, b: string) => `<body><table width="100%"><tr><td width="20%"><a href="/">首页</a></td><td>${b}</td></tr><tr><td colspan="2">版权所有</td></tr></table></body>`);

const toGb = (s: string) => execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: s });

type Form = { name: string; file: string };
/** More Chromium-printed PDFs: odd pages and styles that move text about inside the table cells. */
const CHROMIUM_PDFS = [
  // a narrow page: the table squeezed, labels wrapped over 2–3 lines in their cells
  { name: 'pdf-narrow', css: '', pdf: { width: '120mm', height: '297mm' } },
  // … and numbers broken inside their cells too (`word-break: break-all`, as WPS/Word do in narrow columns)
  { name: 'pdf-narrow-break', css: 'td{word-break:break-all}', pdf: { width: '105mm', height: '297mm' } },
  { name: 'pdf-a5-scale', css: '', pdf: { format: 'A5', scale: 1.4 } },
  { name: 'pdf-landscape', css: '', pdf: { format: 'A4', landscape: true } },
  // spaced-out text: a number's digits with gaps between them, prose justified
  { name: 'pdf-spaced', css: 'body{letter-spacing:0.3em}p{text-align:justify}', pdf: { format: 'A4' } },
  // distributed labels (Word's 分散对齐): a row label's characters spread over its cell's width
  { name: 'pdf-distributed', css: 'td:first-child{text-align:justify;text-align-last:justify}', pdf: { format: 'A4' } },
  // the browser's own "print to PDF": its header (date, title) and footer (address, page 1/3) on every page
  { name: 'pdf-headers', css: '', pdf: { format: 'A4', displayHeaderFooter: true, margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' } } },
] as const;
const FORMS = ['html', 'gbk-meta', 'gbk-nometa', 'page', 'page-gbk', 'page-title-out', 'nested', 'word-html', 'split', 'split-mid', 'split-head', 'thead', 'fullwidth', 'commas', 'paste', 'paste-spaces', 'paste-page', 'pdf-chromium', 'docx', 'doc', 'pdf-html', 'pdf-docx', 'pdf-split', 'docx-split', 'docx-from-pdf', 'pdf-text', 'pdf-text-layout', 'pdf-text-order', 'pdf-text-headers', 'txt-gbk', 'mhtml', 'mht-word-gbk', ...CHROMIUM_PDFS.map((c) => c.name), 'pdf-cairo', 'pdf-cairo-lo', 'pdf-cairo-break'] as const;

async function makeForms(stem: string, html: string, title: string, origText: string | null): Promise<Form[]> {
  const dir = path.join(OUT, stem);
  mkdirSync(dir, { recursive: true });
  const f = (name: string, ext: string) => path.join(dir, `${name}.${ext}`);
  const write = (file: string, data: string | Uint8Array) => { if (!existsSync(file)) writeFileSync(file, data); return file; };
  const forms: Form[] = [];
  const add = (name: string, file: string) => forms.push({ name, file });
  add('html', write(f('html', 'html'), html));
  add('gbk-meta', write(f('gbk-meta', 'html'), toGb(html.replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=gbk">'))));
  add('gbk-nometa', write(f('gbk-nometa', 'html'), toGb(html.replace('<meta charset="utf-8">', ''))));
  const page = savedPage(html, title);
  add('page', write(f('page', 'html'), page));
  add('page-gbk', write(f('page-gbk', 'html'), toGb(savedPage(html, title, true))));
  add('page-title-out', write(f('page-title-out', 'html'), savedPage(html, title, false, true)));
  add('nested', write(f('nested', 'html'), nested(html)));
  add('word-html', write(f('word-html', 'html'), wordHtml(html)));
  for (const name of ['split', 'split-mid', 'split-head', 'thead']) if (existsSync(f(name, 'html'))) add(name, f(name, 'html'));
  add('fullwidth', write(f('fullwidth', 'html'), cellNumbers(html, fullWidth)));
  add('commas', write(f('commas', 'html'), cellNumbers(html, commas)));
  if (origText !== null) add('txt-gbk', write(f('txt-gbk', 'txt'), toGb(origText)));
  // Chromium: innerText (what select-all + copy gives) and a printed PDF
  const need = [f('paste', 'txt'), f('paste-page', 'txt'), f('pdf-chromium', 'pdf')].some((x) => !existsSync(x));
  if (need) {
    const b = await chromiumPage();
    await b.setContent(html);
    writeFileSync(f('paste', 'txt'), await b.evaluate(() => document.body.innerText));
    writeFileSync(f('pdf-chromium', 'pdf'), await b.pdf({ format: 'A4' }));
    await b.setContent(page);
    writeFileSync(f('paste-page', 'txt'), await b.evaluate(() => document.body.innerText));
  }
  // a page saved as one file: Chromium's "Webpage, Single File" of the saved page (CDP's
  // captureSnapshot is that command) and Word's "Single File Web Page" of the GBK page (gb2312,
  // quoted-printable, with an image part)
  if (!existsSync(f('mhtml', 'mhtml'))) {
    const b = await chromiumPage();
    await b.setContent(page);
    const cdp = await b.context().newCDPSession(b);
    const { data } = await cdp.send('Page.captureSnapshot', { format: 'mhtml' }) as { data: string };
    await cdp.detach();
    writeFileSync(f('mhtml', 'mhtml'), Buffer.from(data, 'latin1'));
  }
  add('mhtml', f('mhtml', 'mhtml'));
  add('mht-word-gbk', write(f('mht-word-gbk', 'mht'), wordMht(toGb(savedPage(html, title, true)), 'gb2312')));
  add('paste', f('paste', 'txt'));
  add('paste-spaces', write(f('paste-spaces', 'txt'), readFileSync(f('paste', 'txt'), 'utf8').replace(/\t/g, ' ')));
  add('paste-page', f('paste-page', 'txt'));
  add('pdf-chromium', f('pdf-chromium', 'pdf'));
  for (const c of CHROMIUM_PDFS) {
    const file = f(c.name, 'pdf');
    if (!existsSync(file)) {
      const b = await chromiumPage();
      await b.setContent(c.css ? html.replace('</head>', `<style>${c.css}</style></head>`) : html);
      writeFileSync(file, await b.pdf(c.pdf));
    }
    add(c.name, file);
  }
  for (const [name, ext] of [['docx', 'docx'], ['doc', 'doc'], ['pdf-html', 'pdf'], ['pdf-docx', 'pdf'], ['pdf-split', 'pdf'], ['docx-split', 'docx'], ['docx-from-pdf', 'docx']] as const) {
    if (name.endsWith('split') && !existsSync(f('split-head', 'html'))) continue;
    add(name, f(name, ext));
  }

  return forms;
}

let browserPage: import('playwright-core').Page | null = null;
let closeBrowser: (() => Promise<void>) | null = null;
async function chromiumPage() {
  if (browserPage) return browserPage;
  const { chromium } = await import('playwright-core');
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  closeBrowser = () => b.close();
  browserPage = await (await b.newContext()).newPage();
  return browserPage;
}

/** LibreOffice, one process per target over every report that still lacks it (a start costs seconds). */
function soffice(stemsHtml: { dir: string }[]) {
  const profile = path.join(OUT, '.lo-profile');
  const run = (args: string[]) => execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', ...args], { stdio: 'ignore', timeout: 900_000 });
  const batch = (target: string, src: (d: string) => string, conv: string[], out: string, produced: (d: string) => string) => {
    const todo = stemsHtml.filter(({ dir }) => !existsSync(path.join(dir, out)) && existsSync(src(dir)));
    if (todo.length === 0) return;
    const tmp = path.join(OUT, `.lo-${target}`);
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp);
    // each input is copied under its report's name: LibreOffice names its output after the input
    const inputs = todo.map(({ dir }) => { const p = path.join(tmp, `${path.basename(dir)}${path.extname(src(dir))}`); writeFileSync(p, readFileSync(src(dir))); return p; });
    mkdirSync(path.join(tmp, 'o'));
    run([...conv, '--outdir', path.join(tmp, 'o'), ...inputs]);
    for (const { dir } of todo) {
      const made = path.join(tmp, 'o', produced(path.basename(dir)));
      if (existsSync(made)) writeFileSync(path.join(dir, out), readFileSync(made));
    }
  };
  batch('docx', (d) => path.join(d, 'html.html'), ['--convert-to', 'docx:MS Word 2007 XML'], 'docx.docx', (s) => `${s}.docx`);
  batch('doc', (d) => path.join(d, 'html.html'), ['--convert-to', 'doc:MS Word 97'], 'doc.doc', (s) => `${s}.doc`);
  batch('pdfh', (d) => path.join(d, 'html.html'), ['--infilter=HTML (StarWriter)', '--convert-to', 'pdf:writer_pdf_Export'], 'pdf-html.pdf', (s) => `${s}.pdf`);
  batch('pdfd', (d) => path.join(d, 'docx.docx'), ['--convert-to', 'pdf:writer_pdf_Export'], 'pdf-docx.pdf', (s) => `${s}.pdf`);
  // table 三 cut over two tables with its header rows repeated (a page break in Word), as PDF and .docx
  batch('pdfs', (d) => path.join(d, 'split-head.html'), ['--infilter=HTML (StarWriter)', '--convert-to', 'pdf:writer_pdf_Export'], 'pdf-split.pdf', (s) => `${s}.pdf`);
  batch('docxs', (d) => path.join(d, 'split-head.html'), ['--convert-to', 'docx:MS Word 2007 XML'], 'docx-split.docx', (s) => `${s}.docx`);
  // a .docx "saved from the PDF" (LibreOffice's PDF import: every line a text frame)
  batch('p2d', (d) => path.join(d, 'pdf-html.pdf'), ['--infilter=writer_pdf_import', '--convert-to', 'docx:MS Word 2007 XML'], 'docx-from-pdf.docx', (s) => `${s}.docx`);
}

/** A report with no template table (pre-2019 indicator tables, fragments): its text in paragraphs. */
function paragraphsHtml(title: string, text: string): string {
  const body = text.replace(/^[\s\S]*?={5,} 正文 ={5,}\n/, '');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(title)}</title></head><body>
<h1>${esc(title)}</h1>
${body.split(/\n+/).map((l) => l.trim()).filter(Boolean).map((l) => `<p>${esc(l)}</p>`).join('\n')}
</body></html>`;
}

// ---------------------------------------------------------------- comparing
type Verdict = { kind: 'same' } | { kind: 'failed'; why: string } | { kind: 'diff'; differs: string[]; blank: string[]; truth: string[] };

function compare(form: ParsedReport, orig: ParsedReport, want: Record<string, number | null> | undefined): Verdict {
  if (form.status === 'failed') return { kind: 'failed', why: form.findings[0]?.code ?? '?' };
  const ambiguous = new Map<string, string[][]>();
  for (const f of orig.findings) if (f.code === 'ambiguous-split') ambiguous.set(`${String(f.details.table)}.${String(f.details.item)}`, f.details.candidates as string[][]);
  const key = (f: ParsedReport['facts'][number]) => `${f.table}.${f.item}.${f.column}`;
  const o = new Map(orig.facts.filter((f) => !f.derived).map((f) => [key(f), f.value]));
  const g = new Map(form.facts.filter((f) => !f.derived).map((f) => [key(f), f.value]));
  const differs: string[] = [];
  const blank: string[] = [];
  for (const [k, v] of o) {
    const got = g.get(k);
    if (v === null) {
      if (got === undefined || got === null) continue;
      const row = k.split('.').slice(0, 2).join('.');
      if (ambiguous.has(row)) continue; // a form with real cell boundaries may decide a glued row (checked against its candidates below)
      differs.push(`${k}=${got} (report: blank)`);
    } else if (got === undefined || got === null) blank.push(k);
    else if (got !== v) differs.push(`${k}=${got} (report: ${v})`);
  }
  for (const [k, got] of g) if (!o.has(k) && got !== null) differs.push(`${k}=${got} (report: no such cell)`);
  for (const [row, candidates] of ambiguous) {
    const cells = [...g].filter(([k]) => k.startsWith(`${row}.`)).map(([, v]) => v);
    if (cells.length && !cells.every((v) => v === null) && !candidates.some((c) => c.map(Number).join() === cells.join())) differs.push(`${row}=${cells.join('/')} (not one of the report's splits)`);
  }
  const truthBad: string[] = [];
  const truthBlank: string[] = [];
  if (want) {
    const got = truthFacts(form);
    for (const col of TRUTH_COLUMNS) {
      if (want[col] === null || want[col] === undefined || got[col] === want[col]) continue;
      if (got[col] === null || got[col] === undefined) truthBlank.push(col);
      else truthBad.push(`${col}=${got[col]} (truth: ${want[col]})`);
    }
  }
  // a year or template not found is a blank; a different one is a difference
  for (const k of ['year', 'template'] as const) {
    if (form.report[k] === orig.report[k]) continue;
    if (form.report[k] === null) blank.push(k);
    else differs.push(`${k}=${form.report[k]} (report: ${orig.report[k]})`);
  }
  if (differs.length + blank.length + truthBad.length + truthBlank.length === 0) return { kind: 'same' };
  return { kind: 'diff', differs, blank: [...blank, ...truthBlank.map((c) => `truth:${c}`)], truth: truthBad };
}

// ---------------------------------------------------------------- the sweep
const results: { stem: string; form: string; v: Verdict; agency: string }[] = [];
const prepared: { stem: string; dir: string; orig: ParsedReport; forms: Form[] }[] = [];
for (const file of stems) {
  const stem = file.replace(/\.[a-z]+$/, '');
  const orig = await read(path.join(REPORTS, file));
  const text = file.endsWith('.txt') ? readFileSync(path.join(REPORTS, file), 'utf8') : null;
  const title = orig.report.title ?? stem;
  const tables = orig.facts.some((f) => !f.derived && f.table !== 'legacy') && (orig.report.template === '2019' || orig.report.template === '2021');
  const html = tables ? renderTemplateHtml(orig, text ?? '') : paragraphsHtml(title, text ?? '');
  if (tables) {
    mkdirSync(path.join(OUT, stem), { recursive: true });
    for (const [name, o] of [['split', { splitRequests: 'before-outcomes' }], ['split-mid', { splitRequests: 'mid-outcomes' }], ['split-head', { splitRequests: 'mid-outcomes-header', thead: true }], ['thead', { thead: true }]] as const) {
      const file = path.join(OUT, stem, `${name}.html`);
      if (!existsSync(file)) writeFileSync(file, renderTemplateHtml(orig, text ?? '', o));
    }
  }
  const forms = await makeForms(stem, html, title, text);
  prepared.push({ stem, dir: path.join(OUT, stem), orig, forms });
}
await closeBrowser?.();
try { soffice(prepared); } catch (e) { console.error(`LibreOffice: ${e instanceof Error ? e.message : String(e)} (forms it makes are skipped)`); }
// text copied out of a PDF viewer: poppler's pdftotext
for (const { dir, forms } of prepared) {
  // (-raw: the content stream's order, as Chromium's / Edge's PDF viewers copy; the default reading-order
  // mode moves blocks of a table about — labels away from their numbers — and is kept as pdf-text-order)
  // (pdf-text-headers: from Chromium's print with its header and footer — the page's date, title,
  // address and `2/2` — as a user copies it out of the browser-printed PDF)
  for (const [name, args, src] of [['pdf-text', ['-raw'], 'pdf-html.pdf'], ['pdf-text-layout', ['-layout'], 'pdf-html.pdf'], ['pdf-text-order', [], 'pdf-html.pdf'], ['pdf-text-headers', ['-raw'], 'pdf-headers.pdf']] as const) {
    const out = path.join(dir, `${name}.txt`);
    const pdf = path.join(dir, src);
    if (!existsSync(out) && existsSync(pdf)) {
      try { execFileSync('pdftotext', [...args, '-enc', 'UTF-8', pdf, out], { stdio: 'ignore' }); } catch { /* poppler-utils not installed: the form is skipped */ }
    }
    if (existsSync(out)) forms.push({ name, file: out });
  }
}

// a PDF re-written by cairo (`pdftocairo -pdf`, what poppler-based printers and "print to PDF" of
// a viewer do): fonts re-encoded, text re-positioned, runs split differently
for (const { dir, forms } of prepared) {
  for (const [name, src] of [['pdf-cairo', 'pdf-chromium.pdf'], ['pdf-cairo-lo', 'pdf-html.pdf'], ['pdf-cairo-break', 'pdf-narrow-break.pdf']] as const) {
    const out = path.join(dir, `${name}.pdf`);
    if (!existsSync(out) && existsSync(path.join(dir, src))) {
      try { execFileSync('pdftocairo', ['-pdf', path.join(dir, src), out], { stdio: 'ignore' }); } catch { /* poppler-utils not installed: the form is skipped */ }
    }
    if (existsSync(out)) forms.push({ name, file: out });
  }
}

for (const { stem, orig, forms } of prepared) {
  for (const { name, file } of forms) {
    if (!existsSync(file)) { results.push({ stem, form: name, v: { kind: 'failed', why: 'not made' }, agency: '' }); continue; }
    const p = await read(file);
    results.push({ stem, form: name, v: compare(p, orig, truth.get(`${stem}.txt`) ?? truth.get(`${stem}.pdf`)), agency: p.report.agency === orig.report.agency ? '' : `agency=${p.report.agency} (report: ${orig.report.agency})` });
  }
}

const cell = (v: Verdict) => v.kind === 'same' ? '=' : v.kind === 'failed' ? 'F' : [v.differs.length || v.truth.length ? `D${v.differs.length + v.truth.length}` : '', v.blank.length ? `B${v.blank.length}` : ''].filter(Boolean).join(' ');
const formNames = FORMS.filter((f) => results.some((r) => r.form === f));
const W = 7;
console.log(`${'report'.padEnd(36)}${formNames.map((f) => f.slice(0, W - 1).padStart(W)).join('')}`);
for (const { stem } of prepared) console.log(`${stem.slice(0, 35).padEnd(36)}${formNames.map((f) => { const r = results.find((x) => x.stem === stem && x.form === f); return (r ? cell(r.v) : '').padStart(W); }).join('')}`);
console.log('\nper form: same / differs / blank only / failed');
for (const f of formNames) {
  const rs = results.filter((r) => r.form === f);
  const n = (k: (v: Verdict) => boolean) => rs.filter((r) => k(r.v)).length;
  console.log(`  ${f.padEnd(14)} ${n((v) => v.kind === 'same')} / ${n((v) => v.kind === 'diff' && v.differs.length + v.truth.length > 0)} / ${n((v) => v.kind === 'diff' && v.differs.length + v.truth.length === 0)} / ${n((v) => v.kind === 'failed')}`);
}
console.log('\ndetails:');
for (const r of results) {
  const bits: string[] = [];
  if (r.v.kind === 'failed') bits.push(`failed: ${r.v.why}`);
  if (r.v.kind === 'diff') {
    if (r.v.differs.length) bits.push(`differs: ${r.v.differs.join(', ')}`);
    if (r.v.truth.length) bits.push(`truth: ${r.v.truth.join(', ')}`);
    if (r.v.blank.length) bits.push(`blank: ${r.v.blank.length > 8 ? `${r.v.blank.slice(0, 8).join(', ')} … (${r.v.blank.length})` : r.v.blank.join(', ')}`);
  }
  if (r.agency) bits.push(r.agency);
  if (bits.length) console.log(`  ${r.stem} × ${r.form}: ${bits.join('; ')}`);
}
const json = arg('--json');
if (json) writeFileSync(json, JSON.stringify(results, null, 1));
