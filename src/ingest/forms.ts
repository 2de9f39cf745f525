// The forms a report file may take, and the words used when a file is refused: declared once for
// the CLI, the browser import and the docs.

/** File extensions read as reports (lower case, with the dot). The content decides the kind; the
 * extension only tells text from Markdown and is how a folder walk names what it lists. */
export const REPORT_EXTENSIONS = ['.pdf', '.docx', '.doc', '.html', '.htm', '.shtml', '.xhtml', '.mht', '.mhtml', '.txt', '.md'] as const;

/** Web pages, also saved as one file: read as a page whenever the bytes are text (other names only
 * when the text looks like HTML; a .mht/.mhtml that is not MIME is a page saved under that name). */
export const PAGE_EXTENSIONS: readonly string[] = ['.html', '.htm', '.shtml', '.xhtml', '.mht', '.mhtml'];

/** The text form a report is read as, by its name alone (parseText without a format): a page is
 * html, Markdown md, anything else txt. */
export function textFormatOfName(name: string): 'html' | 'md' | 'txt' {
  const ext = extensionOf(name);
  return PAGE_EXTENSIONS.includes(ext) ? 'html' : ext === '.md' ? 'md' : 'txt';
}

/** The form a report is read as, by its name alone (a failed file's `format`): Word files go
 * through HTML like pages. */
export function formatOfName(name: string): 'pdf' | 'csv' | 'html' | 'md' | 'txt' {
  const ext = extensionOf(name);
  return ext === '.pdf' ? 'pdf' : ext === '.csv' ? 'csv' : ext === '.docx' || ext === '.doc' ? 'html' : textFormatOfName(name);
}

/** Largest file read: the corpus's biggest PDF is a few MB; 50 MB stops a mistaken video or dump. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export const ACCEPTED_ZH = 'PDF（有文字层）、Word（.docx、.doc）、网页（.html、.htm、.shtml，包括浏览器保存的页面；单个文件网页 .mhtml、.mht）、文本（.txt、.md；UTF-8、GBK/GB18030 或 UTF-16）';
export const ACCEPTED_EN = 'PDF with a text layer, Word (.docx, .doc), web pages (.html, .htm, .shtml, also pages saved from a browser; single-file pages .mhtml, .mht), text (.txt, .md; UTF-8, GBK/GB18030 or UTF-16)';

/** Lower-case extension with its dot ('' for none; a leading dot alone, `.pdf`, is a name). */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

export const isReportExtension = (name: string) => (REPORT_EXTENSIONS as readonly string[]).includes(extensionOf(name));

/** Why a file is not read as a report: machine-readable, stable (finding details.reason). */
export type RefusalReason =
  | 'empty' | 'whitespace' | 'binary' | 'too-large' | 'unsupported-kind'
  | 'not-found' | 'unreadable' | 'special-file' | 'symlink-loop' | 'word-unreadable' | 'not-a-report' | 'no-text'
  | 'mhtml-no-page' | 'mhtml-truncated' | 'mhtml-unreadable';

export interface Refusal { reason: RefusalReason; messageZh: string; messageEn: string; details?: Record<string, unknown> }

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** What a kind of file that is not a report is called, for the message. */
const KIND_NAMES: Record<string, [string, string, string, string]> = {
  // kind: [zh name, en name, zh what to do, en what to do]
  xlsx: ['Excel 表格（.xlsx）', 'an Excel workbook (.xlsx)', '请使用报告本身（PDF、Word 或网页）', 'use the report itself (PDF, Word or web page)'],
  xls: ['Excel 表格（.xls）', 'an Excel workbook (.xls)', '请使用报告本身（PDF、Word 或网页）', 'use the report itself (PDF, Word or web page)'],
  pptx: ['PowerPoint 演示文稿', 'a PowerPoint presentation', '请使用报告本身（PDF、Word 或网页）', 'use the report itself (PDF, Word or web page)'],
  ppt: ['PowerPoint 演示文稿', 'a PowerPoint presentation', '请使用报告本身（PDF、Word 或网页）', 'use the report itself (PDF, Word or web page)'],
  odt: ['OpenDocument 文档（.odt）', 'an OpenDocument text (.odt)', '请在 LibreOffice/Word 中另存为 .docx 或 PDF', 'save it as .docx or PDF in LibreOffice or Word'],
  rtf: ['RTF 文档', 'an RTF document', '请在 Word/LibreOffice 中另存为 .docx 或 PDF', 'save it as .docx or PDF in Word or LibreOffice'],
  wps: ['WPS 文档', 'a WPS document', '请在 WPS 中另存为 .docx 或 PDF', 'save it as .docx or PDF in WPS'],
  ole: ['Office 二进制文件（不是 Word 文档）', 'an Office binary file that is not a Word document', '请使用报告本身（PDF、Word 或网页）', 'use the report itself (PDF, Word or web page)'],
  zip: ['压缩包', 'an archive', '请先解压，再导入其中的报告文件', 'extract it and import the report files inside'],
  archive: ['压缩包', 'an archive', '请先解压，再导入其中的报告文件', 'extract it and import the report files inside'],
  image: ['图片', 'an image', '图片中的数字无法读取；请找报告的网页、Word 或有文字层的 PDF，或先做 OCR', 'numbers in an image cannot be read; find the report\'s web page, Word file or a PDF with a text layer, or run OCR first'],
  data: ['数据文件（CSV/JSON/XML 等）', 'a data file (CSV, JSON, XML…)', '本工具读取报告本身；导出的事实表（facts CSV）请在看板的导入页导入', 'this reads the reports themselves; a facts CSV is imported in the dashboard\'s Import view'],
  media: ['音视频文件', 'an audio or video file', '请使用报告文件', 'use the report file'],
  executable: ['程序文件', 'a program file', '请使用报告文件', 'use the report file'],
};

/** Text extensions that hold data, not a report: refused by name even though the bytes are text. */
const DATA_EXTENSIONS = new Set(['.csv', '.tsv', '.json', '.xml', '.yaml', '.yml', '.js', '.css', '.sql']);
/** A corpus folder's own files (README, manifest, licence): listed, never read as a report. */
const FOLDER_FILES = /^(readme|manifest|license|licence|changelog|notice|truth)$/i;

/** Extensions of forms that are not reports: a file so named whose bytes look like text is most
 * likely broken or mislabelled, and parsing it as a report would only give misleading findings.
 * (Word extensions are not here: sites do post HTML or plain text named .doc — that is read.) */
const OTHER_EXTENSIONS: Record<string, string> = {
  '.xlsx': 'xlsx', '.xlsm': 'xlsx', '.xls': 'xls', '.et': 'xls', '.pptx': 'pptx', '.ppt': 'ppt', '.odt': 'odt', '.rtf': 'rtf', '.wps': 'wps',
  '.zip': 'zip', '.rar': 'archive', '.7z': 'archive', '.gz': 'archive', '.tgz': 'archive', '.tar': 'archive', '.bz2': 'archive', '.xz': 'archive',
  '.png': 'image', '.jpg': 'image', '.jpeg': 'image', '.gif': 'image', '.bmp': 'image', '.tif': 'image', '.tiff': 'image', '.webp': 'image', '.svg': 'image', '.heic': 'image',
  '.mp4': 'media', '.mov': 'media', '.mp3': 'media', '.wav': 'media', '.avi': 'media', '.exe': 'executable', '.dll': 'executable',
};
export const kindOfExtension = (name: string): string | null => OTHER_EXTENSIONS[extensionOf(name)] ?? null;

/** A refusal decided by the name alone (before the bytes are looked at), or null. */
export function refuseByName(name: string): Refusal | null {
  const base = name.split(/[\\/]/).pop() ?? '';
  // only as text (a PDF or Word file named manifest.pdf is whatever its content is)
  if (FOLDER_FILES.test(base.replace(/\.[^.]*$/, '')) && ['', '.md', '.txt', '.csv', '.tsv', '.json', '.rst'].includes(extensionOf(name))) {
    return {
      reason: 'not-a-report',
      messageZh: `这是文件夹自带的说明或清单文件（${base}），不是报告：已列出，未解析`,
      messageEn: `This is a folder's own README/manifest-type file (${base}), not a report: listed, not parsed`,
    };
  }
  return DATA_EXTENSIONS.has(extensionOf(name)) ? refuseKind('data') : null;
}

export function refuseKind(kind: string): Refusal {
  const [zh, en, doZh, doEn] = KIND_NAMES[kind] ?? KIND_NAMES.ole!;
  return {
    reason: 'unsupported-kind',
    messageZh: `不支持的文件：这是${zh}，不是年度报告。${doZh}。可以读取：${ACCEPTED_ZH}`,
    messageEn: `Unsupported file: this is ${en}, not a report. ${doEn[0]!.toUpperCase()}${doEn.slice(1)}. Accepted: ${ACCEPTED_EN}`,
    details: { kind },
  };
}

export const REFUSALS = {
  empty: (): Refusal => ({ reason: 'empty', messageZh: '文件为空（0 字节）：请检查下载是否完整', messageEn: 'The file is empty (0 bytes): check that the download completed' }),
  whitespace: (): Refusal => ({ reason: 'whitespace', messageZh: '文件只有空白，没有文字', messageEn: 'The file holds only whitespace, no text' }),
  binary: (): Refusal => ({
    reason: 'binary',
    messageZh: `文件是二进制内容，不是报告（也不是可识别编码的文本）。可以读取：${ACCEPTED_ZH}`,
    messageEn: `The file is binary, not a report (nor text in an encoding that can be recognised). Accepted: ${ACCEPTED_EN}`,
  }),
  tooLarge: (size: number): Refusal => ({
    reason: 'too-large',
    messageZh: `文件太大（${mb(size)}，上限 ${mb(MAX_FILE_BYTES)}）：一份年度报告通常不到 5 MB，请确认选对了文件`,
    messageEn: `The file is too large (${mb(size)}; the limit is ${mb(MAX_FILE_BYTES)}): an annual report is usually under 5 MB — check that this is the right file`,
    details: { bytes: size, limit: MAX_FILE_BYTES },
  }),
  wordNoText: (): Refusal => ({
    reason: 'no-text',
    messageZh: '这个 Word 文件里没有文字（只有图片？可能是扫描件）：其中的数字无法读取。请找这份报告的网页或有文字层的 PDF，或先做 OCR',
    messageEn: 'This Word file holds no text (only pictures? perhaps a scan): its numbers cannot be read. Find the report\'s web page or a PDF with a text layer, or run OCR first',
  }),
  /** A single-file page (MHTML) not read: `why` from mhtml.ts; `detail` its part types or encoding. */
  mhtml: (why: 'no-boundary' | 'no-page' | 'truncated' | 'encoding', detail?: string): Refusal => why === 'no-page' ? {
    reason: 'mhtml-no-page',
    messageZh: `这个单个文件网页（MHTML）里没有网页部分（只有：${detail || '无'}），没有可读的报告。请在浏览器中打开报告网页，另存为「网页，单个文件」或「网页，全部」再试`,
    messageEn: `This single-file page (MHTML) holds no web page part (only: ${detail || 'nothing'}), so no report to read. Open the report's page in a browser, save it as "Webpage, Single File" or "Webpage, Complete" and try again`,
    details: { parts: detail ?? '' },
  } : why === 'truncated' ? {
    reason: 'mhtml-truncated',
    messageZh: '这个单个文件网页（MHTML）不完整：网页部分在文件结尾处被截断（下载或复制未完成？），为免读出错误的数字，未解析。请重新保存或下载该文件',
    messageEn: 'This single-file page (MHTML) is incomplete: its page part is cut off by the end of the file (an unfinished download or copy?), so it is not read rather than risk wrong numbers. Save or download it again',
  } : {
    reason: 'mhtml-unreadable',
    messageZh: `无法读取这个单个文件网页（MHTML）${why === 'encoding' ? `：网页部分的编码方式不支持（${detail}）` : '：MIME 结构不完整（缺少 boundary）'}。请在浏览器中打开它，另存为「网页，全部」（.html）再试`,
    messageEn: `This single-file page (MHTML) cannot be read${why === 'encoding' ? `: its page part uses a transfer encoding that is not supported (${detail})` : ': its MIME structure is incomplete (no boundary)'}. Open it in a browser, save it as "Webpage, Complete" (.html) and try again`,
    details: why === 'encoding' ? { encoding: detail } : {},
  },
  wordUnreadable: (form: string, why: string): Refusal => ({
    reason: 'word-unreadable',
    messageZh: `无法读取这个 Word 文件（${form}：${why}）：请在 Word/LibreOffice 中打开后另存为 .docx 或 PDF 再试`,
    messageEn: `This Word file cannot be read (${form}: ${why}): open it in Word or LibreOffice, save it as .docx or PDF and try again`,
    details: { error: why },
  }),
};
