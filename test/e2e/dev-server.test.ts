// The README's run command, `npm run dev`: `npm run data` then Vite's dev server. The page must be
// styled (the CSS rules reach the document) with no console error — the strict CSP belongs to the
// build only (vite.config.ts), because the dev server injects styles inline.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import type { BrowserContext } from 'playwright-core';
import { browser, REAL_DATA } from './harness';

let server: ViteDevServer;
let ctx: BrowserContext;
let url: string;

beforeAll(async () => {
  // the first half of `npm run dev` (package.json) is `npm run data`, which `npm run test:e2e` has
  // just run (a second run here took ~5 s and wrote the same files)
  if (!existsSync(REAL_DATA)) throw new Error(`${REAL_DATA} is missing: run \`npm run data\` first (npm run test:e2e does)`);
  // the second half: `vite` with the project's config file, on a free port
  server = await createServer({ logLevel: 'warn', server: { port: 0, host: '127.0.0.1', strictPort: false } });
  await server.listen();
  url = server.resolvedUrls!.local[0];
  ctx = await browser();
});

afterAll(async () => {
  await ctx?.close();
  await server?.close();
});

describe('npm run dev', () => {
  it('serves the styled dashboard with no console error and draws the first chart', async () => {
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`${m.text()} ${m.location().url}`); });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('response', (r) => { if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`); });
    await page.goto(`${url}?anim=0`);
    // the dev server transforms modules on first request: generous, on a loaded machine
    await page.waitForSelector('body[data-chart="ready"]', { timeout: 90_000 });
    await page.waitForTimeout(7000); // the lead's check: errors counted after 7 s
    const rules = await page.evaluate(() => [...document.styleSheets].reduce((n, s) => n + s.cssRules.length, 0));
    expect(rules).toBeGreaterThan(20);
    // styled: the tab list is a flex row without bullets, as in the built app
    const tabs = await page.evaluate(() => { const ul = document.querySelector('.tabs'); return ul ? getComputedStyle(ul).display + '|' + getComputedStyle(ul).listStyleType : null; });
    expect(tabs).toBe('flex|none');
    expect(errors).toEqual([]);
    await page.close();
  });
});
