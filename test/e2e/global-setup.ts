// One production build of the app per e2e run, shared by every test file (each used to run its
// own `vite build`: four builds per run). Files get their own copy through `buildApp()` in
// ./harness, which puts the dataset they need into it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

export default async function setup(project: TestProject): Promise<() => void> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'nianbao-build-'));
  // vitest sets NODE_ENV=test, which would bundle React's development build; test what ships.
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ logLevel: 'warn', mode: 'production', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = env;
  }
  project.provide('nianbaoBuild', outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    nianbaoBuild: string;
  }
}
