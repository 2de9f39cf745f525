// Save a string as a file. Blob URLs are allowed by the CSP (no network involved).
export function downloadText(fileName: string, text: string, mime = 'text/csv;charset=utf-8'): void {
  // BOM so spreadsheet programs read the Chinese text as UTF-8.
  const blob = new Blob(['\uFEFF', text], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
