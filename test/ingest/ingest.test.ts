// src/ingest on hostile and odd inputs: kind by content, text decodings, and an honest reason for
// every file that is not read (issue: reasons that mislead).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assignReportIds, decodeText, ingest, MAX_FILE_BYTES } from '../../src/ingest';
import { declaredCharset } from '../../src/ingest/decode';
import { docToHtml } from '../../src/ingest/doc';
import { sniff } from '../../src/ingest/sniff';

const ROOT = join(__dirname, '../..');
const TXT = readFileSync(join(ROOT, 'data/reports/2024_xiangtanxian_zfbgs.txt'), 'utf8');
const bytes = (s: string) => new TextEncoder().encode(s);
const reason = async (name: string, b: Uint8Array) => {
  const p = await ingest({ name, bytes: b });
  return { status: p.status, reason: p.findings[0]?.details.reason, en: p.findings[0]?.messageEn ?? '', zh: p.findings[0]?.messageZh ?? '' };
};
const utf16 = (s: string, be: boolean, bom: boolean) => {
  const out = new Uint8Array(s.length * 2 + (bom ? 2 : 0));
  let o = 0;
  if (bom) { out[0] = be ? 0xfe : 0xff; out[1] = be ? 0xff : 0xfe; o = 2; }
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[o + 2 * i] = be ? c >> 8 : c & 0xff;
    out[o + 2 * i + 1] = be ? c & 0xff : c >> 8;
  }
  return out;
};

describe('decodeText', () => {
  const gbk = new Uint8Array([0xd5, 0xfe, 0xb8, 0xae, 0xd0, 0xc5, 0xcf, 0xa2, 0xb9, 0xab, 0xbf, 0xaa]); // 政府信息公开 in GBK
  it('reads UTF-8 (with and without BOM), GB18030, UTF-16LE/BE with a BOM and without one', () => {
    expect(decodeText(bytes('政府信息公开'))).toEqual({ text: '政府信息公开', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('年报')]))?.text).toBe('年报');
    expect(decodeText(gbk)).toEqual({ text: '政府信息公开', encoding: 'gb18030' });
    for (const be of [false, true]) {
      expect(decodeText(utf16('报告 2024 report', be, true))?.text).toBe('报告 2024 report');
      expect(decodeText(utf16('Annual report 2024: 平潭 218 件', be, false))).toEqual({ text: 'Annual report 2024: 平潭 218 件', encoding: be ? 'utf-16be' : 'utf-16le' });
    }
  });
  it('follows a declared charset for bytes that are not UTF-8, and maps gb2312/gbk to GB18030', () => {
    expect(declaredCharset(bytes('<html><head><meta charset="gb2312" name="viewport">'))).toBe('gb18030');
    expect(declaredCharset(bytes('<meta http-equiv="Content-Type" content="text/html; charset=GBK">'))).toBe('gb18030');
    expect(declaredCharset(bytes('<meta charset=big5>'))).toBe('big5');
    const big5 = new Uint8Array([...bytes('<meta charset="big5"><p>'), 0xa6, 0x7e, 0xb3, 0xf8]); // 年報
    expect(decodeText(big5)?.text).toContain('年報');
    // valid UTF-8 stays UTF-8 even when an old meta says gb2312 (re-saved pages keep the tag)
    expect(decodeText(bytes('<meta charset="gb2312"><p>年报</p>'))?.encoding).toBe('utf-8');
  });
  it('calls NUL-ridden or control-character bytes binary', () => {
    expect(decodeText(new Uint8Array([0x41, 0, 0x42, 0x43, 0, 0, 0, 0x44]))).toBeNull();
    expect(decodeText(new Uint8Array(Array.from({ length: 100 }, () => 0x01)))).toBeNull();
  });
});

describe('sniff: the kind by content', () => {
  const files = (f: string) => new Uint8Array(readFileSync(join(ROOT, 'data/formats', f)));
  it('tells PDF, docx, doc and text apart whatever the name says', async () => {
    expect(sniff(files('2024_pingtan_zhqsyq.pdf')).kind).toBe('pdf');
    expect(sniff(files('2024_pingtan_zhqsyq.docx')).kind).toBe('docx');
    expect(sniff(files('2024_pingtan_zhqsyq.doc')).kind).toBe('doc');
    expect(sniff(files('2024_pingtan_zhqsyq_page.html')).kind).toBe('text');
    // a Word file named .txt and a PDF named .doc are read as what they are
    const asTxt = await ingest({ name: 'renamed.txt', bytes: files('2024_pingtan_zhqsyq.docx') });
    expect(asTxt.report.agency).toBe('平潭综合实验区');
    const asDoc = await ingest({ name: 'renamed.doc', bytes: files('2024_pingtan_zhqsyq.pdf') });
    expect(asDoc.report.format).toBe('pdf');
    // sites post HTML named .doc: read as the page it is
    const htmlDoc = await ingest({ name: 'report.doc', bytes: files('2024_pingtan_zhqsyq_page.html') });
    expect(htmlDoc.status).toBe('ok');
  });
});

describe('ingest: an honest reason for every file not read', () => {
  it('empty, whitespace only, binary, too large', async () => {
    expect(await reason('a.txt', new Uint8Array())).toMatchObject({ status: 'failed', reason: 'empty' });
    expect(await reason('a.txt', bytes(' \n\t\u3000\n'))).toMatchObject({ reason: 'whitespace' });
    expect(await reason('a.txt', utf16('   \n ', false, true))).toMatchObject({ reason: 'whitespace' });
    const junk = new Uint8Array(4000).map((_, i) => (i * 7919) % 256);
    expect(await reason('junk.txt', junk)).toMatchObject({ reason: 'binary', en: expect.stringMatching(/binary, not a report.*Accepted: PDF/) });
    const big = await reason('big.txt', new Uint8Array(MAX_FILE_BYTES + 1));
    expect(big).toMatchObject({ reason: 'too-large', en: expect.stringMatching(/too large \(50 MB; the limit is 50 MB\)/) });
  });
  it('names what a file is when it is not a report, and lists the accepted forms (zh + en)', async () => {
    const zip = (name: string) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes(`....${name}....`)]);
    const cases: [string, Uint8Array, RegExp][] = [
      ['book.xlsx', zip('xl/workbook.xml'), /an Excel workbook/],
      ['slides.pptx', zip('ppt/presentation.xml'), /PowerPoint/],
      ['bundle.zip', zip('reports/a.pdf'), /an archive, not a report\. Extract it/],
      ['photo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), /an image, not a report\. Numbers in an image cannot be read/],
      ['scan.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), /an image/],
      ['a.gz', new Uint8Array([0x1f, 0x8b, 8, 0]), /an archive/],
      ['report.rtf', bytes('{\\rtf1\\ansi 2024年报告}'), /an RTF document, not a report\. Save it as \.docx or PDF/],
      ['facts.csv', bytes('a,b\n1,2'), /a data file.*Import view/],
      ['README.md', bytes('# corpus'), /README\/manifest-type file \(README\.md\), not a report: listed, not parsed/],
      ['given.xlsx', bytes('PK'), /an Excel workbook \(\.xlsx\)/], // text bytes under a spreadsheet's name
    ];
    for (const [name, b, re] of cases) {
      const r = await reason(name, b);
      expect(r.status, name).toBe('failed');
      expect(r.en, name).toMatch(re);
      if (r.reason === 'unsupported-kind') {
        expect(r.en, name).toMatch(/Accepted: PDF with a text layer, Word \(\.docx, \.doc\), web pages/);
        expect(r.zh, name).toMatch(/可以读取：PDF（有文字层）、Word（\.docx、\.doc）/);
      }
    }
  });
  it('a README or manifest is listed, not parsed — unless its content is a PDF or Word file', async () => {
    expect(await reason('corpus/manifest.csv', bytes('file,agency\n'))).toMatchObject({ reason: 'not-a-report' });
    expect(await reason('LICENSE', bytes('MIT'))).toMatchObject({ reason: 'not-a-report' });
    const pdf = await ingest({ name: 'README.pdf', bytes: new Uint8Array(readFileSync(join(ROOT, 'data/formats/2024_pingtan_zhqsyq.pdf'))) });
    expect(pdf.status).not.toBe('failed');
  });
  it('a scanned PDF (no text layer), whatever its name, says so and what to do', async () => {
    const content = '0 0 1 rg 10 10 100 100 re f'; // a filled square: a page with no text
    const objs = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>', `<< /Length ${content.length} >>\nstream\n${content}\nendstream`];
    let pdf = '%PDF-1.4\n';
    const offsets: number[] = [];
    objs.forEach((o, i) => { offsets.push(pdf.length); pdf += `${i + 1} 0 obj\n${o}\nendobj\n`; });
    const xref = pdf.length;
    pdf += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    const p = await ingest({ name: 'scan.doc', bytes: bytes(pdf) });
    expect(p.status).toBe('failed');
    expect(p.findings.map((f) => f.code)).toEqual(['no-text-layer']);
    expect(p.findings[0]!.messageEn).toMatch(/looks like a scanned PDF with no text layer \(1 page\).*OCR/);
    expect(p.findings[0]!.messageZh).toMatch(/没有文字层的扫描版 PDF.*OCR/);
  }, 30_000);
  it('a Word file with pictures only says it holds no text (a scan?) and what to do', async () => {
    for (const f of ['picture-only.docx', 'picture-only.doc']) { // LibreOffice 7.4: one image, no text
      const r = await reason(f, new Uint8Array(readFileSync(join(ROOT, 'test/fixtures/ingest', f))));
      expect(r, f).toMatchObject({ status: 'failed', reason: 'no-text', en: expect.stringMatching(/holds no text \(only pictures\? perhaps a scan\).*run OCR/) });
    }
  });
  it('a broken Word file says so and what to do', async () => {
    const bad = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes('word/document.xml but no zip')]);
    const r = await reason('broken.docx', bad);
    expect(r).toMatchObject({ status: 'failed', reason: 'word-unreadable', en: expect.stringMatching(/This Word file cannot be read \(\.docx: .*save it as \.docx or PDF/) });
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await reason('broken.doc', ole)).status).toBe('failed');
  });
  it('UTF-16 and GB18030 reports parse like their UTF-8 text', async () => {
    const want = await ingest({ name: 'x.txt', bytes: bytes(TXT) });
    for (const b of [utf16(TXT, false, true), utf16(TXT, true, true), utf16(TXT, false, false)]) {
      const p = await ingest({ name: 'x.txt', bytes: b });
      expect(p.status).toBe(want.status);
      expect(p.facts.map((f) => f.value)).toEqual(want.facts.map((f) => f.value));
    }
  });
});

describe('the .doc reader', () => {
  it('keeps a cell of several paragraphs in its cell (also the first of a row), empty cells in their columns, rows apart', () => {
    // test/fixtures/ingest/cells.doc: LibreOffice 7.4 "MS Word 97" of a 3×2 table whose first cell has two paragraphs
    const html = docToHtml(new Uint8Array(readFileSync(join(ROOT, 'test/fixtures/ingest/cells.doc'))));
    expect(html).toContain('<p>before</p>\n<table><tr><td><p>first para</p><p>second para</p></td><td><p>B1</p></td></tr><tr><td></td><td><p>B2</p></td></tr><tr><td><p>A3</p></td><td></td></tr></table>\n<p>after</p>');
  });
});

describe('assignReportIds: the one id rule (CLI and import)', () => {
  it('names a report after its file, tells same-named files apart by path, and numbers a clash with a taken id', () => {
    expect(assignReportIds(['a/x.txt', 'b/x.html', 'y.pdf'])).toEqual(['a/x', 'b/x', 'y']);
    const taken = new Set(['2024_x']);
    expect(assignReportIds(['dir/2024_x.pdf'], taken)).toEqual(['2024_x~2']);
    expect(assignReportIds(['2024_x.txt'], taken)).toEqual(['2024_x~3']);
  });
});

describe('saved pages: the article, not the site around it', () => {
  it('reads the report inside a page whose navigation lists other years\' reports, with title and agency from the metadata', async () => {
    const { docxToHtml } = await import('../../src/ingest/word');
    const article = (await docxToHtml(new Uint8Array(readFileSync(join(ROOT, 'data/formats/2024_pingtan_zhqsyq.docx')))))
      .replace(/^<html><body>/, '').replace(/<\/body><\/html>$/, '').replace(/<h1>[^<]*<\/h1>/, ''); // no title in the article
    const page = `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta name="ArticleTitle" content="平潭综合实验区2024年度政府信息公开工作年度报告"><meta name="ContentSource" content="平潭综合实验区管委会办公室">
<title>平潭综合实验区2024年度政府信息公开工作年度报告_政府信息公开年报_平潭综合实验区党工委管委会</title><script>var x = "<table>";</script></head>
<body><div class="nav"><ul><li><a href="/a">平潭综合实验区2023年度政府信息公开工作年度报告</a></li><li><a href="/b">平潭综合实验区2022年度政府信息公开工作年度报告</a></li></ul></div>
<div class="main"><div class="article_content">${article}</div></div>
<div class="related"><ul><li>某某局2021年政府信息公开工作年度报告</li></ul></div></body></html>`;
    const p = await ingest({ name: 'saved.html', bytes: bytes(page) });
    expect(p.report).toMatchObject({ year: 2024, agency: '平潭综合实验区', title: '平潭综合实验区2024年度政府信息公开工作年度报告' });
    expect(truthNew(p)).toBe(218);
    // without metadata the title comes from nowhere: no agency rather than a guess from the site's lists
    const bare = await ingest({ name: 'saved.html', bytes: bytes(page.replace(/<meta name="(ArticleTitle|ContentSource)"[^>]*>/g, '').replace(/<title>[^<]*<\/title>/, '')) });
    expect(bare.report.year).toBe(2024); // the statistics period sentence
    expect(bare.report.agency).toBeNull();
  });
});

describe('saved pages nested thousands deep', () => {
  it('still finds the article (the walks are iterative, not depth-limited)', async () => {
    const page = readFileSync(join(ROOT, 'data/formats/2024_pingtan_zhqsyq_page.html'), 'utf8');
    const open = '<div class="article_content article_content_01 font_family_cn">';
    expect(page).toContain(open);
    const deep = page.replace(open, open + '<div>'.repeat(5000)).replace('<div class="article_attachment"', '</div>'.repeat(5000) + '<div class="article_attachment"');
    const p = await ingest({ name: 'deep.html', bytes: bytes(deep) });
    expect(p.status).toBe('ok');
    expect(truthNew(p)).toBe(218);
  });
});

const truthNew = (p: Awaited<ReturnType<typeof ingest>>) => p.facts.find((f) => f.item === 'new' && f.column === 'total')?.value;
