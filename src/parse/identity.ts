// Stage — identity: title, agency, year and template signals from the text.
// Title forms in the corpus: a title line `湘潭县人民政府办公室2024年政府信息公开工作年度报告`, a crawl
// header `标题: 平潭综合实验区2024年度政府信息公开工作年度报告`, and none at all in some excerpts.
// The statistics-period sentence confirms the year; its end year may carry a typo (`202020年12月31日`,
// 2020_zibo_zhongbuzhen.txt), so only its start year is used.

export interface IdentityGuess {
  title: string | null;
  agency: string | null;
  year: number | null;
  titleLine: number | null;
  /** Year of the statistics period (统计期限 … 年1月1日), when printed. */
  periodYear: number | null;
}

const TITLE = /([^\s\n:：,，。;；|]{0,60}?)\s*((?:19|20)\d{2})\s*年度?\s*(?:政府)?信息公开(?:工作)?(?:年度)?报告/;
const PERIOD = /(?:统计期限|统计时限|统计期间|数据统计)[^\n。]{0,12}?((?:19|20)\d{2})年\s*1\s*月\s*1\s*日/;

/** What a page's metadata says (src/ingest/page.ts): used only where the text itself names nothing. */
export interface IdentityHints { title?: string; agency?: string; year?: number }

export function findIdentity(text: string, lines: string[], hints?: IdentityHints): IdentityGuess {
  let title: string | null = null;
  let agency: string | null = null;
  let year: number | null = null;
  let titleLine: number | null = null;
  // a crawl header names the title explicitly
  const limit = Math.min(lines.length, 60);
  for (let i = 0; i < limit && title === null; i++) {
    const line = lines[i]!.trim();
    const header = /^标题\s*[:：]\s*(.+)$/.exec(line);
    const candidate = header ? header[1]!.trim() : line;
    if (candidate.length > 120 || !candidate.includes('报告')) continue;
    const m = TITLE.exec(candidate);
    if (!m) continue;
    // a title line is (almost) only the title: reject prose such as `现将2020年度政府信息公开工作报告公布如下`
    if (!header && candidate.length - (m.index + m[0].length) > 6) continue;
    title = candidate.slice(m.index).replace(/\s+$/, '');
    agency = m[1] ? m[1].replace(/^[\s>》]+/, '') || null : null;
    // A title wrapped over two lines puts the agency alone on the line before the year
    // (PDF title pages: `淮安市人民政府` / `2024 年政府信息公开工作年度报告`, data/reports/2024_huaian_szf.pdf).
    const prev = i > 0 ? lines[i - 1]!.trim() : '';
    if (!header && agency === null && m.index === 0 && /^[^\s:：,，。;；|、（）()]{2,30}$/.test(prev)) {
      agency = prev;
      title = prev + title;
    }
    year = Number(m[2]);
    titleLine = i + 1;
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
  return { title, agency, year, titleLine, periodYear };
}
