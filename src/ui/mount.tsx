// The UI chunk (React, ECharts): rendered beside src/main.tsx's start of DuckDB and the download.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, type Boot } from './App';
import './styles.css';

/** Renders the app; returns its unmount (src/main.tsx mounts again without a stale snapshot). */
export function mount(boot: Boot): () => void {
  const el = document.getElementById('root');
  if (!el) return () => {};
  const root = createRoot(el);
  root.render(<StrictMode><App boot={boot} /></StrictMode>);
  return () => root.unmount();
}
