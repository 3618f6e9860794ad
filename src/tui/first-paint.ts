/**
 * The first frame as plain text, written before React and Ink are even loaded: on a cold start
 * Ink's first render costs ~100 ms of JIT warm-up, and the user should see rows at once. Ink then
 * draws the same frame, with styles, over it. Built from the same view functions as the components.
 */
import { fitToWidth } from '../text/width.js';
import { chipLineText, hintLine, noteLine, paneTabs, statusParts } from '../view/chrome.js';
import { frameHeight, isTooSmall } from '../view/layout.js';
import { tableLines } from '../view/table-lines.js';
import { messageLine } from '../view/text-views.js';
import type { AppState } from './app-state.js';
import { noteInput, statusInput, tableInput } from './frame-parts.js';
import { hintsFor } from './hints.js';

const HOME = '\u001b[H';
const INVERSE = '\u001b[7m';
const INVERSE_OFF = '\u001b[27m';

export function firstPaint(state: AppState, now: number): string {
  if (isTooSmall(state.size)) return '';
  const width = state.size.columns;
  const { symbols } = state.options;
  // Every line is padded to the full width: a repaint (see early-keys) must cover the last one.
  const fit = (text: string) => fitToWidth(text, width, symbols.ellipsis);
  const table = tableLines(tableInput(state));
  const selected = state.cursor[state.pane].selected;
  const lines = [
    fit(paneTabs(state.totals, state.pane, state.size.columns).map((tab) => tab.text).join('')),
    fit(noteLine(noteInput(state), now, width, symbols)),
    fit(chipLineText(state.filter.active?.query ?? null, width, symbols)),
    fit(table.header),
  ];
  for (const row of table.rows) lines.push(row.position === selected ? INVERSE + fit(row.text) + INVERSE_OFF : fit(row.text));
  while (lines.length < frameHeight(state.size) - 2) lines.push(fit(''));
  const { summary, problems } = statusParts(statusInput(state), symbols);
  // The status line's message when there is one (q again quits…), as the Ink frame draws it.
  const last = state.message ? messageLine(state.message.text, width, symbols) : hintLine(hintsFor(state), width, symbols);
  lines.push(fit(summary + problems), fit(last));
  // Back to the top-left corner, where Ink writes its first frame.
  return lines.join('\n') + HOME;
}
