// Regenerates test/fixtures/expected/<report_id>.json from the parser: `npx tsx test/parse/update-golden.ts`.
// Review every diff against the report by eye before committing — these files are the spec.
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseText } from '../../src/parse';
import { parseReport } from '../../src/parse/parse-report';
import { toGolden } from './golden';

const reports = join(import.meta.dirname, '../../data/reports');
const out = join(import.meta.dirname, '../fixtures/expected');
mkdirSync(out, { recursive: true });
for (const name of readdirSync(reports).filter((f) => f.endsWith('.txt')).sort()) {
  const parsed = parseText({ sourceFile: name, text: readFileSync(join(reports, name), 'utf8') });
  writeFileSync(join(out, `${parsed.report.reportId}.json`), JSON.stringify(toGolden(parsed), null, 1) + '\n');
  console.log(`${parsed.report.reportId}: ${parsed.facts.length} facts, ${parsed.findings.length} findings, ${parsed.status}`);
}
// PDFs go through the PDF front end (src/parse/pdf) into the same pipeline.
for (const name of readdirSync(reports).filter((f) => f.endsWith('.pdf')).sort()) {
  const parsed = await parseReport({ sourceFile: name, bytes: new Uint8Array(readFileSync(join(reports, name))) });
  writeFileSync(join(out, `${parsed.report.reportId}.json`), JSON.stringify(toGolden(parsed), null, 1) + '\n');
  console.log(`${parsed.report.reportId}: ${parsed.facts.length} facts, ${parsed.findings.length} findings, ${parsed.status}`);
}
