// UI text of the import panel, zh and en. Kept here until the shell's i18n (src/i18n/) offers a
// way to add keys; the panel takes the language as a prop.
import type { Lang } from '../../model/types';
export type { Lang }; // declared in src/model/types.ts

const S = {
  title: { zh: '导入您自己的报告', en: 'Import your own reports' },
  privacy: { zh: '文件只在您的浏览器中处理，不会上传', en: 'Files are processed in your browser and never uploaded' },
  drop: { zh: '把报告（PDF、Word、网页、TXT、MD）或事实表 CSV 拖到这里，或', en: 'Drop reports (PDF, Word, web pages, TXT, MD) or a facts CSV here, or' },
  choose: { zh: '选择文件', en: 'choose files' },
  overall: { zh: '总进度', en: 'Overall progress' },
  source: { zh: '数据来源', en: 'Data source' },
  bundled: { zh: '仅内置数据', en: 'Bundled only' },
  imported: { zh: '仅导入数据', en: 'Imported only' },
  both: { zh: '两者', en: 'Both' },
  importedMark: { zh: '导入', en: 'imported' },
  exportFacts: { zh: '下载导入的数据 (CSV)', en: 'Download imported data (CSV)' },
  exportFindings: { zh: '下载我的核查结果 (CSV)', en: 'Download my findings (CSV)' },
  clear: { zh: '清除导入数据', en: 'Clear imported data' },
  template: { zh: '模板', en: 'Template' },
  noTemplate: { zh: '未识别', en: 'not detected' },
  checks: { zh: '勾稽关系', en: 'Identity checks' },
  findings: { zh: '发现的问题', en: 'Findings' },
  none: { zh: '无', en: 'none' },
  showTable: { zh: '查看解析出的表格与原始单元格', en: 'Show the table as parsed, with the raw cells' },
  rowLabel: { zh: '行标签', en: 'Row label' },
  columnLabel: { zh: '列标签', en: 'Column label' },
  raw: { zh: '原文', en: 'Raw text' },
  value: { zh: '数值', en: 'Value' },
  csvErrors: { zh: 'CSV 错误', en: 'CSV errors' },
  line: { zh: '行', en: 'Line' },
  column: { zh: '列', en: 'Column' },
  message: { zh: '说明', en: 'Message' },
  rowsLoaded: { zh: '已载入的行', en: 'Rows loaded' },
  loading: { zh: '正在把导入数据加入数据库…', en: 'Adding imported data to the database…' },
  dbUnavailable: { zh: '数据库尚未就绪，导入的数据暂不能显示在图表中', en: 'The database is not ready; imported data cannot be shown in the charts yet' },
  unsupported: { zh: '不支持的文件类型', en: 'Unsupported file type' },
  tooLarge: { zh: '文件过大', en: 'File too large' },
  passed: { zh: '通过', en: 'passed' },
  failed: { zh: '不符', en: 'failed' },
  skipped: { zh: '跳过（有空白）', en: 'skipped (blank cells)' },
  queued: { zh: '等待', en: 'queued' },
  parsing: { zh: '解析中', en: 'parsing' },
  done: { zh: '完成', en: 'done' },
  error: { zh: '失败', en: 'failed' },
  moreCards: { zh: '显示更多报告', en: 'Show more reports' },
  replacedTitle: { zh: '导入的报告取代了这些内置报告（同一报告只计一次，数字不变）', en: 'Your import replaced these bundled reports (one report is counted once; no number changes)' },
  replacedBy: { zh: '由导入的报告取代：', en: 'replaced by the import' },
  keepBundled: { zh: '撤销：保留内置报告', en: 'Undo: keep the bundled report' },
} as const;

export type StringKey = keyof typeof S;
export function t(lang: Lang, key: StringKey): string {
  return S[key][lang];
}
