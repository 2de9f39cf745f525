// Makes the Word / PDF fixtures of data/formats/more/ from corpus reports (run by hand, not in CI;
// needs LibreOffice: `apt-get install libreoffice-writer-nogui`; the files it makes are committed):
//
//   npx tsx test/ingest/make-fixtures.ts data/reports/2019_pingtan_zhqsyq.txt …
//
// For each report: its text is parsed, and an HTML document is written in the national template's
// own layout — the title, the report's prose before table 二 and after table 四, and the three tables
// with the template's merged cells (colspan/rowspan as on the agencies' pages) holding the
// report's numbers exactly as parsed; a cell the text leaves undecided (an ambiguous split) is
// blank. LibreOffice then converts that HTML to .docx, .doc and .pdf. The golden test
// (formats.test.ts) reads those files back through src/ingest and compares them with the text.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseText } from '../../src/parse';

import { renderTemplateHtml as render } from './template-html';

const outDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../data/formats/more');
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  const name = path.basename(file, '.txt');
  const parsed = parseText({ sourceFile: path.basename(file), text });
  const work = mkdtempSync(path.join(tmpdir(), 'nianbao-fixture-'));
  const html = path.join(work, `${name}.html`);
  writeFileSync(html, render(parsed, text));
  // The PDF through Writer itself (`HTML (StarWriter)`): the default Writer/Web filter's PDF export
  // draws nothing on page 1, so the title was lost (every more/ PDF had an empty first page).
  for (const [target, filter, infilter] of [['docx', 'docx:MS Word 2007 XML', null], ['doc', 'doc:MS Word 97', null], ['pdf', 'pdf:writer_pdf_Export', 'HTML (StarWriter)']] as const) {
    const args = [`-env:UserInstallation=file://${work}/profile`, '--headless', ...(infilter ? [`--infilter=${infilter}`] : []), '--convert-to', filter, '--outdir', work, html];
    execFileSync('soffice', args, { stdio: 'inherit', timeout: 180_000 });
    renameSync(path.join(work, `${name}.${target}`), path.join(outDir, `${name}.${target}`));
  }
  writeFileSync(path.join(outDir, `${name}.html`), render(parsed, text));
  console.log(`${name}: ${parsed.facts.filter((f) => !f.derived).length} facts → ${outDir}`);
}
