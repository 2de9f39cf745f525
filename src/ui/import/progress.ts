// Per-file and overall import progress as a reducer, so the panel's progress bars are a pure
// function of the events the worker client reports.
import type { ImportKind } from './file-kind';

export type FileState = 'queued' | 'parsing' | 'done' | 'failed' | 'rejected';

export interface FileProgress {
  name: string;
  kind: ImportKind;
  state: FileState;
  /** 0…1 */
  fraction: number;
  message?: string;
  /** The same message in Chinese, for the zh UI (ingest writes both). */
  messageZh?: string;
}

export type ProgressEvent =
  | { type: 'add'; files: { name: string; kind: ImportKind }[] }
  | { type: 'progress'; index: number; fraction: number }
  | { type: 'done'; index: number }
  | { type: 'failed'; index: number; message: string; messageZh?: string }
  | { type: 'reset' };

export function progressReducer(state: FileProgress[], ev: ProgressEvent): FileProgress[] {
  switch (ev.type) {
    case 'reset':
      return [];
    case 'add':
      return [...state, ...ev.files.map((f): FileProgress => (
        f.kind === 'unsupported' || f.kind === 'too-large'
          ? { name: f.name, kind: f.kind, state: 'rejected', fraction: 1 }
          : { name: f.name, kind: f.kind, state: 'queued', fraction: 0 }))];
    case 'progress':
    case 'done':
    case 'failed': {
      if (ev.index < 0 || ev.index >= state.length) return state;
      const next = state.slice();
      const cur = next[ev.index];
      if (ev.type === 'progress') next[ev.index] = { ...cur, state: 'parsing', fraction: Math.max(cur.fraction, Math.min(1, Math.max(0, ev.fraction))) };
      else if (ev.type === 'done') next[ev.index] = { ...cur, state: 'done', fraction: 1 };
      else next[ev.index] = { ...cur, state: 'failed', fraction: 1, message: ev.message, messageZh: ev.messageZh };
      return next;
    }
  }
}

/** Overall fraction: every file weighs the same (a rejected file counts as finished). */
export function overallFraction(state: FileProgress[]): number {
  if (state.length === 0) return 0;
  return state.reduce((s, f) => s + f.fraction, 0) / state.length;
}
