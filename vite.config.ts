/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

/** The policy the built app runs under (test/e2e/harness.ts checks the same string). */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data: blob:";

// The strict CSP goes into the built HTML only: the dev server injects each CSS import as an inline
// <style> and React's refresh preamble as an inline script, which `style-src 'self'` / `script-src
// 'self'` block (the README's `npm run dev` showed an unstyled page). Built files have neither.
function cspMeta(): Plugin {
  return {
    name: 'nianbao-csp',
    apply: 'build',
    // as text, right after <meta charset>, with the quotes as written (no &#39; entities)
    transformIndexHtml: (html) => html.replace(/<meta charset="UTF-8" \/>/, `$&\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
  };
}

// base './' makes the built app work from any static host and sub-path (stack-probe §5).
export default defineConfig({
  base: process.env.BASE ?? './',
  plugins: [react(), cspMeta()],
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  build: {
    chunkSizeWarningLimit: 2000, sourcemap: false,
    // embed.html: the static embed (ECharts and the chart's numbers only, src/embed/main.ts)
    rolldownOptions: { input: { main: fileURLToPath(new URL('index.html', import.meta.url)), embed: fileURLToPath(new URL('embed.html', import.meta.url)) } },
  },
  preview: { host: '127.0.0.1', strictPort: true },
  worker: { format: 'es' },
});
