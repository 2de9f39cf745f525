// Once per e2e run, shared by every test file: one production build of the app and the same build
// with dataset-small in its data/ folder (each file used to run its own `vite build`, then each
// wrote the small dataset again). Files get their own copy through `buildApp()` in ./harness.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { writeSmallData } from './harness';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const t0 = Date.now();
  // every temp folder of the run (build, copies, Chromium profiles: harness tempDir) lives below
  // this one, removed at the end
  const root = mkdtempSync(path.join(tmpdir(), 'nianbao-e2e-'));
  project.provide('nianbaoTmp', root);
  const outDir = mkdtempSync(path.join(root, 'build-'));
  // vitest sets NODE_ENV=test, which would bundle React's development build; test what ships.
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ logLevel: 'warn', mode: 'production', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = env;
  }
  const small = await writeSmallData(outDir, root); // provide() reaches the test files, not this process
  project.provide('nianbaoBuild', outDir);
  project.provide('nianbaoSmall', small);
  console.log(`e2e global setup: build and dataset-small ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return async () => {
    rmSync(root, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    nianbaoBuild: string;
    nianbaoSmall: string;
    nianbaoTmp: string;
  }
}
