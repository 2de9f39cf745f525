// Stage — identity: title, agency, year and template signals from the text.
// Title forms in the corpus: a title line `湘潭县人民政府办公室2024年政府信息公开工作年度报告`, a crawl
// header `标题: 平潭综合实验区2024年度政府信息公开工作年度报告`, and none at all in some excerpts.
// Department reports name themselves in many ways (pingtan-departments/): `…政府信息公开年度工作报告`,
// `…政府信息公开情况总结`, `…政务公开工作年度报告`, `…工作公开年度报告`, `…2011年度政府信息公开` (no
// 报告 at all), `关于报送《平潭综合实验区公安局 2015年政府信息公开年度报告》的函`. A crawl header is
// the page's own title, so any header naming a year and 公开 is taken; a line of the text must look
// like a whole title (it ends with 报告/总结 and little follows), so prose is not read as one.
// The statistics-period sentence confirms the year; its end year may carry a typo (`202020年12月31日`,
// 2020_zibo_zhongbuzhen.txt), so only its start year is used.

export interface IdentityGuess {
  title: string | null;
  agency: string | null;
  year: number | null;
  titleLine: number | null;
  /** Year of the statistics period (统计期限 … 年1月1日), when printed. */
  periodYear: number | null;
  /** Bidi control characters were removed from the title / agency (they reorder text on screen). */
  bidiRemoved?: boolean;
}

// year, then a name of the report: 政府信息公开 / 政务公开 / 信息公开 / 工作公开 (+ 工作, 年度, 报告 …)
const TITLE = /([^\s\n:：,，。;；|]{0,60}?)\s*((?:19|20)\d{2})\s*年度?\s*(?:政府信息|政府\s*信息\s*工作|政务|信息|工作)?\s*公开\s*(?:工作)?\s*(?:年度)?\s*(?:工作)?\s*(报告|情况总结|总结|情况)?/;
// (`2020 年 1 月 1 日`: text copied out of a PDF viewer spaces digits from CJK)
const PERIOD = /(?:统计期限|统计时限|统计期间|数据统计)[^\n。]{0,12}?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日/;
const HEADER_TITLE = /^标题\s*[:：]\s*(.+)$/;
const HEADER_PUBLISHER = /^发布机构\s*[:：]\s*(\S.*)$/;
/** Bidi embedding/override/isolate controls and LRM/RLM: invisible, but they reorder a name on screen. */
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f]/g;
/** A cover letter's wrapper around the report's name: `关于报送《…》的函`. */
const LETTER_PREFIX = /^(?:关于)?(?:报送|上报|印发|公布|发布)?[《<"“]*/;

/** What a page's metadata says (src/ingest/page.ts): used only where the text itself names nothing. */
export interface IdentityHints { title?: string; agency?: string; year?: number }

export function findIdentity(text: string, lines: string[], hints?: IdentityHints): IdentityGuess {
  let title: string | null = null;
  let agency: string | null = null;
  let year: number | null = null;
  let titleLine: number | null = null;
  let publisher: string | null = null;
  const limit = Math.min(lines.length, 60);
  // a crawl header names the title explicitly (and comes before `==== 正文 ====`)
  for (let i = 0; i < Math.min(limit, 20) && title === null; i++) {
    const line = lines[i]!.trim();
    const pub = HEADER_PUBLISHER.exec(line);
    if (pub) publisher = pub[1]!.trim();
    const header = HEADER_TITLE.exec(line);
    if (!header) continue;
    const candidate = header[1]!.trim();
    const m = candidate.length <= 160 ? TITLE.exec(candidate) : null;
    if (!m) continue;
    title = candidate;
    agency = agencyOf(candidate.slice(0, m.index) + m[1]!);
    year = Number(m[2]);
    titleLine = i + 1;
  }
  if (title !== null && agency === null) {
    // `标题: 2016年度政府信息公开` without a name: the header's publisher names the agency
    for (let i = titleLine!; i < Math.min(limit, 20) && publisher === null; i++) {
      const pub = HEADER_PUBLISHER.exec(lines[i]!.trim());
      if (pub) publisher = pub[1]!.trim();
    }
    if (publisher) agency = agencyOf(publisher);
  }
  for (let i = 0; i < limit && title === null; i++) {
    let candidate = lines[i]!.trim();
    if (candidate.length > 120) continue;
    // a title wrapped in a narrow PDF column: `…2024年度政府信息公开工作年` / `度报告`, also inside
    // the word (`…工作年度报` / `告`, a Chromium-printed page's large heading)
    let wrapped = false;
    if (!/报告|总结/.test(candidate) && i + 1 < lines.length && /公开/.test(candidate)) {
      const next = lines[i + 1]!.trim();
      if (next.length > 0 && next.length <= 10 && /报告|总结/.test(candidate + next)) {
        candidate += next;
        wrapped = true;
      }
    }
    if (!/报告|总结/.test(candidate)) continue;
    const m = TITLE.exec(candidate);
    if (!m || !m[3] || m[3] === '情况') continue;
    // a title line is (almost) only the title: reject prose such as `现将2020年度政府信息公开工作报告公布如下`
    if (candidate.length - (m.index + m[0].length) > 6) continue;
    title = candidate.slice(m.index).replace(/\s+$/, '');
    agency = m[1] ? m[1].replace(/^[\s>》]+/, '') || null : null;
    // A title wrapped over two lines puts the agency alone on the line before the year
    // (PDF title pages: `淮安市人民政府` / `2024 年政府信息公开工作年度报告`, data/reports/2024_huaian_szf.pdf).
    const prev = i > 0 ? lines[i - 1]!.trim() : '';
    if (agency === null && m.index === 0 && /^[^\s:：,，。;；|、（）()]{2,30}$/.test(prev)) {
      agency = prev;
      title = prev + title;
    }
    year = Number(m[2]);
    titleLine = i + 1;
    if (wrapped) i++;
  }
  const pm = PERIOD.exec(text.length > 400_000 ? text.slice(0, 400_000) : text);
  const periodYear = pm ? Number(pm[1]) : null;
  if (year === null && periodYear !== null) year = periodYear;
  const hm = title === null && hints?.title ? TITLE.exec(hints.title) : null;
  if (hm) {
    title = hints!.title!.slice(hm.index).trim();
    agency = hm[1] || null;
    if (year === null) year = Number(hm[2]);
  }
  if (agency === null && hints?.agency) agency = hints.agency;
  if (year === null && hints?.year) year = hints.year;
  if (agency !== null && (agency.length < 2 || /^(关于|本|我)/.test(agency))) agency = null;
  let bidiRemoved = false;
  const clean = (s: string | null): string | null => {
    if (s === null) return null;
    const c = s.replace(BIDI, '');
    if (c !== s) bidiRemoved = true;
    return c || null;
  };
  return { title: clean(title), agency: clean(agency), year, titleLine, periodYear, bidiRemoved };
}

/** The agency named before the year: a cover letter's `关于报送《` and stray spaces dropped. */
function agencyOf(s: string): string | null {
  const a = s.replace(/\s+/g, '').replace(LETTER_PREFIX, '').replace(/^[>》]+/, '');
  return a.length >= 2 ? a : null;
}
