// UI strings in Chinese and English. Report text (agency names, labels as printed) is never
// translated: it is shown as printed.
import type { Lang, View } from '../state/url';

const zh = {
  title: '年报 · 政府信息公开年度报告数据',
  subtitle: '把各地政府信息公开工作年度报告变成可比较的数字，并核对每一条勾稽关系。',
  views: { overview: '总览', trends: '年度趋势', compare: '机关比较', regions: '地区', outcomes: '办理结果', appeals: '复议与诉讼', quality: '数据质量', source: '来源', import: '导入报告' } as Record<View, string>,
  lang: 'English', langLabel: '切换语言',
  loading: '正在加载数据…', instantiating: '正在启动 DuckDB…', downloading: '正在下载数据', attaching: '正在打开数据文件…',
  errorTitle: '数据无法加载',
  errors: {
    'wasm-failed': 'DuckDB 无法启动：浏览器或页面的安全策略（CSP）阻止了 WebAssembly。',
    timeout: '加载超时。页面可能阻止了 WebAssembly（CSP 需包含 \'wasm-unsafe-eval\'），或网络过慢。',
    'not-found': '找不到数据文件（data/index.duckdb）。请先运行 npm run data 生成数据。',
    http: '数据文件请求失败。', network: '网络错误，无法获取数据文件。',
    corrupt: '数据文件已损坏或不是 DuckDB 文件。', query: '查询失败。',
  } as Record<string, string>,
  synthetic: '合成数据（SYNTHETIC）：此数据集为测试生成，不是真实年报。',
  detailLoading: (parts: number, bytes: number) => `正在下载逐份报告明细（${parts} 个省级文件，${(bytes / 1e6).toFixed(1)} MB）…`,
  detailTooLarge: '此视图需要全国逐份报告明细，数据量较大。请先在筛选中选择一个省份，或：',
  detailLoadAll: '加载全部明细',
  filters: '筛选', agencySearch: '搜索机关（部分名称）', agencies: '已选机关', remove: '移除', level: '层级', anyLevel: '全部层级',
  region: '地区代码前缀', yearFrom: '起始年份', yearTo: '截止年份', allYears: '全部', excludeFailing: '排除勾稽关系不成立的报告',
  metric: '指标', metrics: '指标（可多选）', year: '年份', latest: '最新年份', mode: '显示方式', absolute: '绝对数', percent: '百分比（100%）',
  chart: '图表', table: '表格', showTable: '显示表格', showChart: '显示图表',
  downloadPng: '下载 PNG', downloadSvg: '下载 SVG', downloadCsv: '下载 CSV', share: '分享 / 嵌入', close: '关闭',
  link: '链接', embedCode: '嵌入代码', copy: '复制',
  noData: '无数据', noRows: '当前筛选下没有数据。', smallN: '分母少于 10 件，比率仅供参考',
  denominator: '分母', yoy: '同比', prevYear: '上一年',
  reasons: '不予公开等 20 类原因', applicants: '申请人类型', flow: '申请人 → 办理结果 → 复议 → 诉讼',
  correctionRate: '纠错率',
  quality: { report: '报告', checks: '勾稽关系', passed: '通过', failed: '不成立', skipped: '无法核对', findings: '发现', blanks: '空白单元格', lhs: '左边', rhs: '右边', status: '结果', pick: '选择报告查看详情' },
  source: { pick: '选择报告', file: '文件', origin: '来源', table: '表', row: '行（原文）', column: '列（原文）', raw: '原始单元格', value: '数值', derived: '推算', provenance: '数据来源清单', downloadData: '下载整个数据集' },
  importPlaceholder: '“导入您的报告”面板正在开发中，稍后将在此处提供。',
  embedOpen: '在年报中打开',
  // exports and embeds (src/ui/download.ts, ChartPanel, ShareDialog, embed.html)
  exp: {
    source: '数据来源：各机关政府信息公开工作年度报告，经 Nianbao（年报）整理', allAgencies: '全部机关', allYears: '全部年份', failingExcluded: '已排除勾稽关系不成立的报告',
    filtersLabel: '筛选', unit: '单位', metricId: '指标代码',
    fields: { year: '年份', metric: '指标', value: '数值', numerator: '分子', denominator: '分母', prev_year: '比较年份', prev_value: '比较年份数值', yoy: '同比变化', n_data: '有数据的报告数', n_reports: '报告数', agency: '机关', report_id: '报告编号', rank: '排名', level: '层级', region_code: '地区代码', highlighted: '已选中', item: '项目', upheld: '结果维持', corrected: '结果纠正', other: '其他结果', pending: '尚未审结', total: '总计', correction_numerator: '纠错率分子', correction_denominator: '纠错率分母', correction_rate: '纠错率', code: '地区代码', name: '地区', key: '项目', group: '组', source: '起点', target: '终点', stage: '阶段' } as Record<string, string>,
    preview: '预览', size: '尺寸', live: '实时嵌入（在浏览器中查询数据）', staticEmbed: '静态嵌入（自带数字，不加载数据库）', filters: '显示筛选与控件', showFilters: '筛选', hideFilters: '收起筛选',
    update: '有新版本。', reload: '刷新', offlineReady: '已可离线使用。',
  },
};

export type Strings = typeof zh;

const en: Strings = {
  title: 'Nianbao · Government information disclosure annual reports',
  subtitle: "China's government information disclosure annual reports as comparable numbers, with every template identity checked.",
  views: { overview: 'Overview', trends: 'Trends', compare: 'Compare agencies', regions: 'Regions', outcomes: 'Outcomes', appeals: 'Reconsideration & litigation', quality: 'Data quality', source: 'Source', import: 'Import reports' },
  lang: '中文', langLabel: 'Switch language',
  loading: 'Loading data…', instantiating: 'Starting DuckDB…', downloading: 'Downloading data', attaching: 'Opening the data file…',
  errorTitle: 'The data could not be loaded',
  errors: {
    'wasm-failed': 'DuckDB could not start: the browser or the page security policy (CSP) blocks WebAssembly.',
    timeout: "Loading timed out. The page may block WebAssembly (the CSP needs 'wasm-unsafe-eval') or the network is too slow.",
    'not-found': 'The data file (data/index.duckdb) was not found. Run npm run data to build it.',
    http: 'The data file request failed.', network: 'Network error: the data file could not be fetched.',
    corrupt: 'The data file is damaged or not a DuckDB file.', query: 'A query failed.',
  },
  synthetic: 'SYNTHETIC data: this dataset was generated for testing; it is not real reports.',
  detailLoading: (parts: number, bytes: number) => `Downloading per-report detail (${parts} province file${parts === 1 ? '' : 's'}, ${(bytes / 1e6).toFixed(1)} MB)…`,
  detailTooLarge: 'This view needs per-report detail for the whole country, a large download. Pick a province in the filters, or:',
  detailLoadAll: 'Load all detail',
  filters: 'Filters', agencySearch: 'Search agencies (part of the name)', agencies: 'Selected agencies', remove: 'Remove', level: 'Level', anyLevel: 'All levels',
  region: 'Region code prefix', yearFrom: 'From year', yearTo: 'To year', allYears: 'All', excludeFailing: 'Exclude reports whose identities fail',
  metric: 'Metric', metrics: 'Metrics (several)', year: 'Year', latest: 'Latest year', mode: 'Display', absolute: 'Absolute', percent: 'Percent (100%)',
  chart: 'Chart', table: 'Table', showTable: 'Show table', showChart: 'Show chart',
  downloadPng: 'Download PNG', downloadSvg: 'Download SVG', downloadCsv: 'Download CSV', share: 'Share / embed', close: 'Close',
  link: 'Link', embedCode: 'Embed code', copy: 'Copy',
  noData: 'no data', noRows: 'No data for this selection.', smallN: 'fewer than 10 cases: read this rate with care',
  denominator: 'denominator', yoy: 'year over year', prevYear: 'previous year',
  reasons: '20 reasons for not disclosing', applicants: 'Applicant types', flow: 'Applicant → outcome → reconsideration → lawsuit',
  correctionRate: 'Correction rate',
  quality: { report: 'Report', checks: 'Identity checks', passed: 'pass', failed: 'fail', skipped: 'cannot check', findings: 'Findings', blanks: 'Blank cells', lhs: 'Left side', rhs: 'Right side', status: 'Result', pick: 'Pick a report for details' },
  source: { pick: 'Pick a report', file: 'File', origin: 'Origin', table: 'Table', row: 'Row (as printed)', column: 'Column (as printed)', raw: 'Raw cell', value: 'Value', derived: 'derived', provenance: 'Provenance of the dataset', downloadData: 'Download the whole dataset' },
  importPlaceholder: 'The "Import your reports" panel is being built and will appear here.',
  embedOpen: 'Open in Nianbao',
  exp: {
    source: "Source: the agencies' government information disclosure annual reports, compiled by Nianbao", allAgencies: 'all agencies', allYears: 'all years', failingExcluded: 'reports whose identities fail are excluded',
    filtersLabel: 'Filters', unit: 'Unit', metricId: 'Metric id',
    fields: { year: 'Year', metric: 'Metric', value: 'Value', numerator: 'Numerator', denominator: 'Denominator', prev_year: 'Year compared', prev_value: 'Value in year compared', yoy: 'Change', n_data: 'Reports with data', n_reports: 'Reports', agency: 'Agency', report_id: 'Report id', rank: 'Rank', level: 'Level', region_code: 'Region code', highlighted: 'Selected', item: 'Item', upheld: 'Upheld', corrected: 'Corrected', other: 'Other result', pending: 'Pending', total: 'Total', correction_numerator: 'Correction rate numerator', correction_denominator: 'Correction rate denominator', correction_rate: 'Correction rate', code: 'Region code', name: 'Region', key: 'Item', group: 'Group', source: 'From', target: 'To', stage: 'Stage' },
    preview: 'Preview', size: 'Size', live: 'Live embed (queries the data in the browser)', staticEmbed: 'Static embed (carries its own numbers, no database)', filters: 'Show filters and controls', showFilters: 'Filters', hideFilters: 'Hide filters',
    update: 'A new version is available.', reload: 'Reload', offlineReady: 'Ready to work offline.',
  },
};

export const STRINGS: Record<Lang, Strings> = { zh, en };
export const t = (lang: Lang): Strings => STRINGS[lang];
