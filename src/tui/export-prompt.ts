/**
 * The `e` export prompt, as data: where to write, whether only the marked events, and what came
 * of it. The writing itself (a side effect) is done by the app (components/use-side-effects.ts)
 * through src/export/export-events.ts, the same code as `query --output`.
 */
export interface ExportPrompt {
  /** As typed; empty means `defaultPath`. */
  path: string;
  defaultPath: string;
  onlyMarks: boolean;
  /** Events of the view when the prompt opened (counted once, not on every keystroke). */
  viewCount: number;
  /** Set after a first Enter found the file there: a second Enter overwrites it. */
  confirmOverwrite: boolean;
  writing: boolean;
  /** After writing: the receipt (file and source hashes), as sha256sum lines. */
  receipt: string[] | null;
  error: string | null;
}

/** A default file name that sorts by time and never collides with an earlier export. */
export function defaultExportPath(now: number): string {
  const stamp = new Date(now).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `entra-audit-${stamp}.csv`;
}

export const newExportPrompt = (now: number, hasMarks: boolean, viewCount: number): ExportPrompt => ({
  viewCount,
  path: '',
  defaultPath: defaultExportPath(now),
  onlyMarks: hasMarks,
  confirmOverwrite: false,
  writing: false,
  receipt: null,
  error: null,
});

/** A side effect the reducer asks the app to perform (the reducer itself stays pure). */
export type Effect =
  | { id: number; kind: 'copy'; text: string; what: string }
  | { id: number; kind: 'export'; path: string; indices: Int32Array; force: boolean };

export const exportPath = (prompt: ExportPrompt): string => prompt.path.trim() || prompt.defaultPath;
