import { chromium } from 'playwright-core';
import { preview } from 'vite';
const [,, query, name, ...waitFor] = process.argv;
const server = await preview({ logLevel: 'warn', build: { outDir: 'dist' }, preview: { port: 0, host: '127.0.0.1', strictPort: false } });
const url = server.resolvedUrls!.local[0];
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const w of [1280, 390]) {
  const p = await b.newPage({ viewport: { width: w, height: 900 } });
  const errs: string[] = []; p.on('pageerror', (e) => errs.push(e.message)); p.on('console', (m) => { if (m.type() === 'error') errs.push(m.text()); });
  await p.goto(url + query);
  await p.waitForSelector(waitFor[0] ?? 'main', { timeout: 60000 });
  await p.waitForTimeout(800);
  await p.screenshot({ path: `/tmp/${name}-${w}.png`, fullPage: !process.env.VIEWPORT });
  console.log(w, errs);
}
await b.close(); server.httpServer.close();
