// PDF parse speed in Node: `npx tsx bench/pdf.ts [rounds]` — per page and per report, for each real
// PDF in data/reports/ (pdf.js text extraction + row layout + the text pipeline).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '../src/parse/parse-report';
import { readPdfText } from '../src/parse/pdf/pdfjs';

const rounds = Number(process.argv[2] ?? 10);
const dir = join(import.meta.dirname, '../data/reports');
const files = readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort();
let allMs = 0;
let allPages = 0;
await parseReport({ sourceFile: files[0]!, bytes: new Uint8Array(readFileSync(join(dir, files[0]!))) }); // warm-up (module load)
for (const f of files) {
  const bytes = new Uint8Array(readFileSync(join(dir, f)));
  const { pages } = await readPdfText(bytes);
  const t0 = performance.now();
  for (let i = 0; i < rounds; i++) await parseReport({ sourceFile: f, bytes });
  const ms = (performance.now() - t0) / rounds;
  allMs += ms;
  allPages += pages;
  console.log(`${f}: ${pages} pages, ${(bytes.length / 1024).toFixed(0)} KiB — ${ms.toFixed(1)} ms/report, ${(ms / pages).toFixed(1)} ms/page`);
}
console.log(`all ${files.length} PDFs: ${(allMs / files.length).toFixed(1)} ms/report, ${(allMs / allPages).toFixed(1)} ms/page (mean of ${rounds} rounds, one core)`);
