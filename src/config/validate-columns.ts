/** The config file's `columns`: per pane, the ids of the table's columns (as `C` writes them). */
import { PANES, type Pane } from '../model/pane.js';
import { PANE_DEFINITIONS } from '../view/panes.js';
import { ConfigChecker, quote } from './config-checker.js';
import { didYouMean } from './closest-name.js';
import type { Config } from './config-types.js';

export function checkColumns(check: ConfigChecker, value: unknown): Config['columns'] {
  const body = check.object(value, ['columns']);
  if (!body) return undefined;
  check.keys(body, PANES, ['columns']);
  const columns: Partial<Record<Pane, string[]>> = {};
  for (const pane of PANES) {
    if (body[pane] === undefined) continue;
    const items = check.list(body[pane], ['columns', pane]);
    if (!items) continue;
    const known = PANE_DEFINITIONS[pane].columns.map((column) => column.id);
    const ids: string[] = [];
    items.forEach((item, index) => {
      const id = check.string(item, ['columns', pane, index]);
      if (id === undefined) return;
      if (!known.includes(id)) check.problem(['columns', pane, index], `unknown column ${quote(id)}${didYouMean(id, known) || `: use ${known.map((k) => quote(k)).join(', ')}`}`);
      else if (!ids.includes(id)) ids.push(id);
    });
    // A table with no column shows nothing: surely not what was meant.
    if (items.length === 0) check.problem(['columns', pane], 'must name at least one column');
    columns[pane] = ids;
  }
  return columns;
}
