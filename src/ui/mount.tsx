// The UI chunk (React, ECharts): rendered once src/main.tsx has started DuckDB and the download.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, type Boot } from './App';
import './styles.css';

export function mount(boot: Boot): void {
  const root = document.getElementById('root');
  if (root) createRoot(root).render(<StrictMode><App boot={boot} /></StrictMode>);
}
