// Word 2007+ (.docx) → HTML through mammoth (maintained, pure JS; its package.json maps the zip
// reader to a browser build, so the import worker bundles it without Node's fs/Buffer).
// mammoth renders tables with merged cells as HTML spans (gridSpan → colspan, vMerge → rowspan),
// which src/parse/html.ts expands into one slot per column. It drops what a report's numbers do
// not need: styles, headers/footers, text boxes; images are skipped here (never read or inlined).
import mammoth from 'mammoth';

export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  // Node's build reads `buffer`, the browser build `arrayBuffer`; JSZip accepts a Uint8Array for both
  const input = { buffer: bytes, arrayBuffer: bytes } as unknown as { arrayBuffer: ArrayBuffer };
  const result = await mammoth.convertToHtml(input, { convertImage: mammoth.images.imgElement(async () => ({ src: '' })), ignoreEmptyParagraphs: true });
  return `<html><body>${result.value}</body></html>`;
}
