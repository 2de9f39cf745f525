// The dashboard app without data, for `nianbao site` to copy (package.json "files": dist-app/):
// the same build as vite.config.ts, but public/ (the demo's generated data) is left out, and the
// output goes to dist-app/. `nianbao site` adds data/, the title and the base path.
import { defineConfig, mergeConfig } from 'vite';
import base from './vite.config';

export default mergeConfig(base, defineConfig({
  base: './',
  publicDir: false,
  build: { outDir: 'dist-app', emptyOutDir: true },
}));
