// Parser throughput on one core: the .txt corpus repeated to ≥ 50 MB. `npx tsx bench/parse.ts`
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseText } from '../src/parse';

const dir = join(import.meta.dirname, '../data/reports');
const corpus = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));
const bytesOf = (s: string) => Buffer.byteLength(s, 'utf8');
const corpusBytes = corpus.reduce((s, r) => s + bytesOf(r.text), 0);
const target = 50 * 1024 * 1024;
const rounds = Math.ceil(target / corpusBytes);

// warm-up (JIT, OpenCC dictionary)
for (const r of corpus) parseText({ sourceFile: r.name, text: r.text });

const perFile = new Map<string, number>();
let reports = 0;
let facts = 0;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (let i = 0; i < rounds; i++) {
  for (const r of corpus) {
    const s = performance.now();
    facts += parseText({ sourceFile: r.name, text: r.text }).facts.length;
    perFile.set(r.name, (perFile.get(r.name) ?? 0) + performance.now() - s);
    reports++;
  }
}
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
// CPU time of this process: on a shared machine wall time also counts other processes' turns
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const mb = (corpusBytes * rounds) / 1024 / 1024;
console.log(`parsed ${reports} reports (${mb.toFixed(1)} MB, ${facts} facts) in ${seconds.toFixed(2)} s`);
console.log(`wall: ${(reports / seconds).toFixed(0)} reports/s, ${(mb / seconds).toFixed(1)} MB/s (target ≥ 20 MB/s)`);
console.log(`cpu:  ${(reports / cpuSeconds).toFixed(0)} reports/s, ${(mb / cpuSeconds).toFixed(1)} MB/s (${cpuSeconds.toFixed(2)} s CPU, incl. GC threads)`);
console.log('slowest files (ms per parse):');
for (const [name, ms] of [...perFile].sort((a, b) => b[1] - a[1]).slice(0, 5)) {
  const size = bytesOf(corpus.find((c) => c.name === name)!.text);
  console.log(`  ${name.padEnd(48)} ${(ms / rounds).toFixed(3)} ms  ${(size / 1024 / 1024 / (ms / rounds / 1000)).toFixed(1)} MB/s`);
}
