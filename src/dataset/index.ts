export { CHECK_COLUMNS, FACT_COLUMNS, FINDING_COLUMNS, MANIFEST_COLUMNS, REPORT_COLUMNS, TABLE_COLUMNS } from './columns';
export { datasetToCsv, manifestToCsv, readFactsCsv, readManifestCsv, type CsvError, type DatasetCsvName, type CsvResult } from './csv';
export { failedReport, locationText, manifestLookup, reportRow, toDataset, type ToDatasetOptions } from './to-dataset';
