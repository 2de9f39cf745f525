export { ingest, refusedReport, type IngestInput } from './ingest';
export { decodeText, type Decoded } from './decode';
export { assignReportIds, reportIdOf } from './ids';
export { ACCEPTED_EN, ACCEPTED_ZH, extensionOf, isReportExtension, MAX_FILE_BYTES, REFUSALS, REPORT_EXTENSIONS, refuseKind, type Refusal, type RefusalReason } from './forms';
