/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { VitePWA } from 'vite-plugin-pwa';

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

// The UI chunk (React, ECharts, the views) is a dynamic import of src/main.tsx, so the browser
// would ask for it only once main.js has arrived and run: the built index.html asks for it, its
// imports and its CSS at once instead (<link rel="modulepreload">, <link rel="stylesheet">), fetched
// and compiled beside main.js. Vite's loader finds the stylesheet already there and adds no second.
function preloadUi(): Plugin {
  return {
    name: 'nianbao-preload-ui',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle || !/(^|\/)index\.html$/.test(ctx.filename)) return html;
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const ui = chunks.find((c) => c.facadeModuleId?.endsWith('/src/ui/mount.tsx'));
        const prefix = /src="([^"]*?)assets\/main-[^"]*\.js"/.exec(html)?.[1];
        if (!ui || prefix === undefined) throw new Error('nianbao-preload-ui: no UI chunk or entry script in index.html');
        const files: string[] = [];
        const add = (name: string) => {
          if (files.includes(name)) return;
          files.push(name);
          const c = bundle[name];
          if (c?.type === 'chunk') for (const i of c.imports) add(i);
        };
        add(ui.fileName);
        const css = files.flatMap((f) => { const c = bundle[f]; return c?.type === 'chunk' ? [...(c.viteMetadata?.importedCss ?? [])] : []; });
        const links = [
          ...css.map((f) => `<link rel="stylesheet" crossorigin href="${prefix}${f}">`),
          ...files.filter((f) => !html.includes(`${prefix}${f}"`)).map((f) => `<link rel="modulepreload" crossorigin href="${prefix}${f}">`),
        ];
        return html.replace('</head>', `  ${links.join('\n    ')}\n  </head>`);
      },
    },
  };
}

// Repeat visits and offline (Workbox via vite-plugin-pwa): the app shell, the modern duckdb-wasm
// bundle (eh: what every current browser fetches; the mvp fallback is cached on use) and the data
// are cached by a service worker; a new deploy waits for the user's "reload" (registerType
// 'prompt', src/ui/pwa.ts). Registered from a bundled module, never an inline script (CSP). Data
// files are network-first: online the deployed numbers, offline the last ones seen, and
// index.duckdb and snapshot.json always from the same source.
const pwa = VitePWA({
  registerType: 'prompt',
  injectRegister: false,
  manifest: {
    name: '年报 · Nianbao', short_name: '年报', lang: 'zh-CN', start_url: './', scope: './', display: 'standalone',
    background_color: '#ffffff', theme_color: '#0072b2',
    icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
  },
  workbox: {
    // data: the index and the first views' snapshot are precached with the app (versioned together,
    // so new numbers come with the update prompt); detail files are cached when first fetched
    globPatterns: ['**/*.{js,css,html,svg,webmanifest}', 'assets/duckdb-eh-*.wasm', 'data/index.duckdb', 'data/snapshot.json'],
    // on demand only (old browsers, imports, PDFs) — cached at first use below; bare/ is a benchmark page
    globIgnores: ['**/duckdb-mvp-*', '**/duckdb-browser-mvp*', '**/import-worker-*', '**/pdf*', 'bare/**', 'data/detail/**', 'data/*.csv', 'data/nianbao.duckdb'],
    maximumFileSizeToCacheInBytes: 60 * 1024 * 1024,
    ignoreURLParametersMatching: [/.*/], // ?view=…&embed=1 is the same index.html
    navigateFallback: 'index.html',
    navigateFallbackDenylist: [/\/bare\//, /\/data\//],
    cleanupOutdatedCaches: true,
    // the first install controls the open page at once (nothing to replace); an update still waits
    // for the user's reload (no skipWaiting)
    clientsClaim: true,
    runtimeCaching: [
      { urlPattern: ({ url }) => /\/data\/.*\.(duckdb|json|csv)$/.test(url.pathname), handler: 'NetworkFirst',
        options: { cacheName: 'nianbao-data', networkTimeoutSeconds: 10, expiration: { maxEntries: 200 } } },
      { urlPattern: ({ url }) => /\/assets\/.+\.(js|mjs|wasm)$/.test(url.pathname), handler: 'CacheFirst',
        options: { cacheName: 'nianbao-assets', expiration: { maxEntries: 60 } } },
    ],
  },
});

// base './' makes the built app work from any static host and sub-path.
export default defineConfig({
  base: process.env.BASE ?? './',
  plugins: [react(), cspMeta(), preloadUi(), pwa],
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  build: {
    chunkSizeWarningLimit: 2000, sourcemap: false,
    // embed.html: the static embed (ECharts and the chart's numbers only, src/embed/main.ts)
    rolldownOptions: { input: { main: fileURLToPath(new URL('index.html', import.meta.url)), embed: fileURLToPath(new URL('embed.html', import.meta.url)) } },
  },
  preview: { host: '127.0.0.1', strictPort: true },
  worker: { format: 'es' },
});
