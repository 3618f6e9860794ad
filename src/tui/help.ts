/**
 * The `?` overlay's lines, built from the keymap so they always tell the truth, then the query
 * language's reference (built from the parser's own field list, so it cannot drift either).
 */
import { queryReference } from '../query/reference.js';
import { keyLabel, type Binding, type Mode } from './keymap.js';

export interface HelpLine {
  keys: string;
  help: string;
  /** Section headings have no keys. */
  heading?: boolean;
}

const SECTIONS: Array<[string, Mode]> = [
  ['Event list', 'table'],
  ['Details', 'details'],
  ['Problems list', 'problems'],
  ['Filter menu (f)', 'menu'],
  ['Questions (:)', 'palette'],
  ['Insights (i)', 'insights'],
  ['Columns (C)', 'columns'],
  ['Export (e)', 'export'],
  ['Find prompt (F)', 'find'],
];

/** The help for `keymap` (the one in force, so remapped keys show as they are). */
export function helpLines(keymap: readonly Binding[]): HelpLine[] {
  const lines: HelpLine[] = [];
  const shown = new Set<string>();
  for (const [title, mode] of SECTIONS) {
    const bindings = keymap.filter((b) => b.modes.includes(mode) && !shown.has(`${b.help}|${b.keys.join()}`));
    if (bindings.length === 0) continue;
    lines.push({ keys: '', help: title, heading: true });
    for (const binding of bindings) {
      shown.add(`${binding.help}|${binding.keys.join()}`);
      lines.push({ keys: binding.keys.map(keyLabel).join(' '), help: binding.help });
    }
  }
  for (const line of queryReference()) lines.push({ keys: line.term, help: line.meaning, heading: line.heading });
  return lines;
}
