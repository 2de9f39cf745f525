// Save a string as a file, through the app's one download helper. Blob URLs are allowed by the CSP.
import { csvFileText, downloadBlob } from '../download';

export function downloadText(fileName: string, text: string, mime = 'text/csv;charset=utf-8'): void {
  downloadBlob(fileName, new Blob([csvFileText(text)], { type: mime }));
}
