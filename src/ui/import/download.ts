// Save a string as a file, through the app's one download helper. Blob URLs are allowed by the CSP.
import { downloadBlob } from '../download';

export function downloadText(fileName: string, text: string, mime = 'text/csv;charset=utf-8'): void {
  // BOM so spreadsheet programs read the Chinese text as UTF-8.
  downloadBlob(fileName, new Blob(['\uFEFF', text], { type: mime }));
}
