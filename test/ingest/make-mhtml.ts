// Makes the MHTML fixtures of data/formats/ (run by hand, not in CI; needs /usr/bin/chromium; the
// files it makes are committed):
//
//   npx tsx test/ingest/make-mhtml.ts
//
// Chrome's "Save as → Webpage, Single File" is the DevTools call Page.captureSnapshot({ format:
// 'mhtml' }): the same serializer. Each saved page of data/formats/ is served to headless Chromium
// under the agency's own URL (so every Content-Location in the file is that site's, never a path
// of this machine), every other request (the site's scripts, styles, the weather iframe) is
// aborted, as offline, and the snapshot is written next to the page as `.mhtml`. The GBK page is
// served as `text/html` without a charset, so Chromium decodes it by its `<meta charset="gb2312">`.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const FORMATS = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../data/formats');
const URL_OF_PAGE = 'https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202503/t20250310_97791.htm';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
try {
  for (const stem of ['2024_pingtan_zhqsyq_page', '2024_pingtan_zhqsyq_gbk']) {
    const page = await browser.newPage();
    const body = readFileSync(path.join(FORMATS, `${stem}.html`));
    await page.route('**/*', (route) => (route.request().url() === URL_OF_PAGE
      ? route.fulfill({ status: 200, contentType: 'text/html', body })
      : route.abort()));
    await page.goto(URL_OF_PAGE, { waitUntil: 'load', timeout: 60_000 });
    const cdp = await page.context().newCDPSession(page);
    const { data } = await cdp.send('Page.captureSnapshot', { format: 'mhtml' }) as { data: string };
    if (/file:\/\/|\/work\/|\/root\/|\/tmp\//.test(data)) throw new Error(`${stem}: a local path in the snapshot`);
    // CDP returns the file as a string of its bytes (each char one byte: the MHTML is ASCII)
    writeFileSync(path.join(FORMATS, `${stem}.mhtml`), Buffer.from(data, 'latin1'));
    console.log(`${stem}.mhtml: ${data.length} bytes`);
    await page.close();
  }
} finally {
  await browser.close();
}
