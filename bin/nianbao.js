#!/usr/bin/env node
// The `nianbao` command: the compiled CLI (dist-cli/, built by `npm run build:package`, which
// `npm ci`/`npm install` in a checkout runs as `prepare`, and which the package ships).
import { existsSync } from 'node:fs';

const main = new URL('../dist-cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('nianbao: the compiled command (dist-cli/) is missing; in a checkout run `npm run build:package`\n');
  process.exit(1);
}
await import(main.href);
