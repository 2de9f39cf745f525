// Web pages saved as one file (MHTML): each form gives exactly what the same page gives as .html —
// facts (keys and values), findings, title, agency, year — or is refused with a reason; never
// numbers from another part. The Chromium files are data/formats/*.mhtml (test/ingest/make-mhtml.ts);
// the Word-style .mht and the broken forms are built here from the fixture bytes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText, ingest } from '../../src/ingest';
import { readMhtml } from '../../src/ingest/mhtml';
import { sniff } from '../../src/ingest/sniff';
import type { ParsedReport } from '../../src/model';
import { ascii, IMAGE, mime, wordMht, type MimePart } from './mime-forms';

const FORMATS = join(__dirname, '../../data/formats');
const file = (rel: string) => new Uint8Array(readFileSync(join(FORMATS, rel)));
const PAGE = file('2024_pingtan_zhqsyq_page.html');
const GBK = file('2024_pingtan_zhqsyq_gbk.html');
const OTHER = file('more/2022_pingtan_zhqsyq.html');

/** What must not differ between two forms of one page. */
function summary(p: ParsedReport) {
  return {
    status: p.status,
    template: p.report.template, title: p.report.title, agency: p.report.agency, year: p.report.year,
    facts: p.facts.map((f) => `${f.table}.${f.item}.${f.column}${f.derived ? ' (derived)' : ''} = ${f.value === null ? 'blank' : f.value}`).sort(),
    findings: p.findings.map((f) => JSON.stringify({ code: f.code, severity: f.severity, details: { ...f.details, sourceFile: undefined } })).sort(),
  };
}
const read = async (name: string, bytes: Uint8Array) => summary(await ingest({ name, bytes }));

describe('a page saved as one file (MHTML) gives what the page gives as .html', () => {
  it('the Chromium snapshots (UTF-8 and GBK pages): same facts, findings, title, agency, year', async () => {
    for (const [html, mhtml] of [['2024_pingtan_zhqsyq_page.html', '2024_pingtan_zhqsyq_page.mhtml'], ['2024_pingtan_zhqsyq_gbk.html', '2024_pingtan_zhqsyq_gbk.mhtml']] as const) {
      const bytes = file(mhtml);
      // the snapshot holds the page and its two frames as text/html parts: the page must be chosen
      expect(Buffer.from(bytes).toString('latin1').match(/^Content-Type: text\/html/gm)?.length, mhtml).toBe(3);
      expect(sniff(bytes)).toEqual({ kind: 'mhtml' });
      const want = await read(html, file(html));
      expect(want.facts.length).toBeGreaterThan(100);
      expect(await read(mhtml, bytes), mhtml).toEqual(want);
      // by content, not by name
      expect(await read('saved-page.txt', bytes)).toEqual(want);
    }
  }, 60_000);

  it('a Word-style .mht of the GBK page (charset="gb2312", quoted-printable, an image part)', async () => {
    const mht = wordMht(GBK, 'gb2312');
    expect(Buffer.from(mht).toString('latin1')).toMatch(/=[0-9A-F]{2}=\r\n/); // a soft break inside a GBK character
    expect(await read('2024_pingtan_zhqsyq.mht', mht)).toEqual(await read('2024_pingtan_zhqsyq_gbk.html', GBK));
    // the same with the UTF-8 page labelled utf-8, and 8bit
    expect(await read('page.mht', wordMht(PAGE, 'utf-8'))).toEqual(await read('page.html', PAGE));
    const eight = mime([{ type: 'text/html', encoding: '8bit', body: GBK }, IMAGE]);
    expect(await read('page.mht', eight)).toEqual(await read('page.html', GBK));
  }, 60_000);

  it('an HTML part in base64', async () => {
    const m = mime([{ type: 'text/html; charset=gbk', encoding: 'base64', body: GBK }, IMAGE]);
    expect(await read('page.mhtml', m)).toEqual(await read('page.html', GBK));
  }, 60_000);

  it('two HTML parts: the root is read, never the other page', async () => {
    const want2024 = await read('page.html', PAGE);
    const want2022 = await read('page.html', OTHER);
    expect(want2022.facts).not.toEqual(want2024.facts);
    // no start parameter: the first HTML part
    expect(await read('page.mhtml', mime([{ type: 'text/html', encoding: 'quoted-printable', body: PAGE }, { type: 'text/html', encoding: 'quoted-printable', body: OTHER }]))).toEqual(want2024);
    // start names the second part (an image before both): that one
    const parts: MimePart[] = [IMAGE, { type: 'text/html', encoding: 'quoted-printable', body: PAGE, id: 'frame-1@mhtml.blink' }, { type: 'text/html', encoding: 'base64', body: OTHER, id: 'page-2@x' }];
    expect(await read('page.mhtml', mime(parts, { start: 'page-2@x' }))).toEqual(want2022);
    expect(await read('page.mhtml', mime(parts, { start: 'frame-1@mhtml.blink' }))).toEqual(want2024);
    // Snapshot-Content-Location names the page among the parts
    const snap = ascii(Buffer.from(mime([{ ...parts[2]!, location: 'https://a.example/frame' }, { ...parts[1]!, location: 'https://a.example/report' }])).toString('latin1').replace('MIME-Version', 'Snapshot-Content-Location: https://a.example/report\r\nMIME-Version'));
    expect(await read('page.mhtml', snap)).toEqual(want2024);
  }, 60_000);

  it('a truncated file: exact when the page part is whole, refused when the page is cut', async () => {
    const full = file('2024_pingtan_zhqsyq_page.mhtml');
    const s = Buffer.from(full).toString('latin1');
    const boundary = /boundary="([^"]+)"/.exec(s)![1]!;
    const second = s.indexOf(`--${boundary}`, s.indexOf(`--${boundary}`) + 1);
    const want = await read('page.html', PAGE);
    // cut inside a later part (a style sheet), the closing boundary missing: the page is whole
    expect(await read('cut.mhtml', full.subarray(0, second + 200))).toEqual(want);
    // cut inside the page part, in its tables: refused, no fact
    const inTable = s.indexOf('=E6=9C=AC=E5=B9=B4=E6=96=B0=E6=94=B6'); // 本年新收 in the page
    expect(inTable).toBeGreaterThan(0);
    for (const at of [inTable + 500, second - 3]) {
      const p = await ingest({ name: 'cut.mhtml', bytes: full.subarray(0, at) });
      expect(p.status).toBe('failed');
      expect(p.facts).toEqual([]);
      expect(p.findings[0]!.details.reason).toBe('mhtml-truncated');
      expect(p.findings[0]!.messageZh).toMatch(/截断.*重新保存/);
      expect(p.findings[0]!.messageEn).toMatch(/cut off.*again/);
    }
  }, 60_000);

  it('no HTML part, an unknown transfer encoding, a page with no report: refused or failed, with a reason', async () => {
    const noPage = await ingest({ name: 'x.mht', bytes: mime([IMAGE, { type: 'text/css', encoding: '8bit', body: ascii('p{}') }]) });
    expect(noPage.status).toBe('failed');
    expect(noPage.facts).toEqual([]);
    expect(noPage.findings[0]!.details).toMatchObject({ reason: 'mhtml-no-page', parts: 'image/png, text/css' });
    expect(noPage.findings[0]!.messageZh).toMatch(/没有网页部分.*另存为/);
    expect(noPage.findings[0]!.messageEn).toMatch(/no web page part.*save it/);
    const uu = ascii(Buffer.from(mime([{ type: 'text/html', encoding: '8bit', body: PAGE }])).toString('latin1').replace('Content-Transfer-Encoding: 8bit', 'Content-Transfer-Encoding: x-uuencode'));
    const p = await ingest({ name: 'x.mht', bytes: uu });
    expect(p.findings[0]!.details).toMatchObject({ reason: 'mhtml-unreadable', encoding: 'x-uuencode' });
    expect(p.facts).toEqual([]);
    const none = await ingest({ name: 'x.mht', bytes: mime([{ type: 'text/html', encoding: 'quoted-printable', body: ascii('<html><body><p>网站首页 · 联系我们</p></body></html>') }]) });
    expect(none.status).toBe('failed');
    expect(none.facts).toEqual([]);
  }, 60_000);

  it('a text file that only mentions MIME is not taken for one; readMhtml gives the part\'s charset', () => {
    expect(sniff(ascii('Content-Type: multipart/related\r\n\r\n政府信息公开')).kind).toBe('text'); // no boundary
    expect(sniff(ascii('报告\nContent-Type: multipart/related; boundary="x"\n')).kind).toBe('text'); // not a header block
    // (quoted-printable's hard line breaks are CRLF: the page's LF line ends come back as CRLF)
    const r = readMhtml(wordMht(GBK, 'gb2312'));
    expect(r.kind === 'page' && { charset: r.charset, location: r.location, same: Buffer.from(r.bytes).toString('latin1') === Buffer.from(GBK).toString('latin1').replace(/\r?\n/g, '\r\n') }).toEqual({ charset: 'gb2312', location: 'file:///C:/report.htm', same: true });
    // a charset from outside the bytes ranks as the <meta> does: for a non-GB page it decides
    expect(decodeText(ascii('caf\xe9 2024'), 'windows-1252')?.text).toBe('café 2024');
    expect(decodeText(ascii('caf\xe9 2024'))?.text).not.toBe('café 2024');
  });

  it('a saved page named .shtml / .xhtml / without an extension reads as the .html', async () => {
    const want = await read('page.html', PAGE);
    for (const name of ['t20250310_97791.shtml', 'page.xhtml', 'page']) expect(await read(name, PAGE), name).toEqual(want);
  }, 60_000);
});
