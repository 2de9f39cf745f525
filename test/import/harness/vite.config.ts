import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Test harness for the import panel (test/e2e/import.test.ts, bench/import.ts): the panel mounted
// on the real duckdb-wasm adapter and the query builders of src/data/queries, built like the app (base './', ES workers).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  build: { chunkSizeWarningLimit: 4000, sourcemap: false, emptyOutDir: true },
  preview: { host: '127.0.0.1' },
  worker: { format: 'es' },
  logLevel: 'warn',
});
