/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// base './' makes the built app work from any static host and sub-path.
export default defineConfig({
  base: process.env.BASE ?? './',
  plugins: [react()],
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  build: { chunkSizeWarningLimit: 2000, sourcemap: false },
  preview: { host: '127.0.0.1', strictPort: true },
  worker: { format: 'es' },
});
