// The one module that talks to pdf.js (pdfjs-dist): PDF bytes → positioned text items per page.
// Runs in Node (CLI, tests) and in a browser Web Worker (import panel); the browser caller sets
// the self-hosted pdf.js worker URL with setPdfWorkerSrc (no CDN). pdf.js 6 has no eval code path
// at all (its old isEvalSupported option is gone), so it runs under script-src without 'unsafe-eval'.
import type { PdfTextItem } from './layout';

// pdfjs-dist 6 calls Promise.withResolvers (Node ≥ 22); Node 20 lacks it, and without it
// getDocument throws at once. A spec-equivalent polyfill, installed only where missing.
type Resolvers<T> = { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void };
const P = Promise as unknown as { withResolvers?: <T>() => Resolvers<T> };
if (typeof P.withResolvers !== 'function') {
  P.withResolvers = function withResolvers<T>(): Resolvers<T> {
    let resolve!: (v: T) => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise<T>((a, b) => { resolve = a; reject = b; });
    return { promise, resolve, reject };
  };
}

let workerSrc: string | undefined;
/** Browser only: URL of the self-hosted pdf.worker.min.mjs (a Vite `?url` import). */
export function setPdfWorkerSrc(url: string): void {
  workerSrc = url;
}

export interface PdfText {
  pages: number;
  items: PdfTextItem[];
}

export async function readPdfText(bytes: Uint8Array): Promise<PdfText> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  if (workerSrc) pdfjs.GlobalWorkerOptions.workerSrc = workerSrc;
  // pdf.js transfers (detaches) the buffer it is given: hand it a copy so callers keep theirs.
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  const doc = await task.promise;
  try {
    const items: PdfTextItem[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      for (const it of content.items) {
        if (!('str' in it)) continue;
        const [a, b, , , e, f] = it.transform as number[];
        items.push({
          str: it.str,
          x: e,
          y: f,
          width: it.width,
          height: it.height || Math.hypot(a, b),
          page: p,
          fontName: it.fontName,
        });
      }
      page.cleanup();
    }
    return { pages: doc.numPages, items };
  } finally {
    await task.destroy();
  }
}
