/**
 * The first frame as plain text, written before React and Ink are even loaded: on a cold start
 * Ink's first render costs ~100 ms of JIT warm-up, and the user should see rows at once. Ink then
 * draws the same frame, with styles, over it. Built from the same pure pieces as the components.
 */
import { truncateToWidth } from '../text/width.js';
import { hintLine, noteLine, paneTabs, statusParts } from '../view/chrome.js';
import { tableLines } from '../view/table-lines.js';
import { bodyHeight, frameHeight, isTooSmall, type AppState } from './state.js';

const HOME = '\u001b[H';

export function firstPaint(state: AppState, now: number): string {
  if (isTooSmall(state.size)) return '';
  const width = state.size.columns;
  const fit = (text: string) => truncateToWidth(text, width);
  const table = tableLines(state);
  const lines = [fit(paneTabs(state).map((tab) => tab.text).join('')), fit(noteLine(state, now)), fit(table.header)];
  for (const row of table.rows) lines.push(row.text);
  while (lines.length < 3 + bodyHeight(state.size)) lines.push('');
  while (lines.length < frameHeight(state.size) - 2) lines.push('');
  const { summary, problems } = statusParts(state);
  lines.push(fit(summary + problems), fit(hintLine(state)));
  // Back to the top-left corner, where Ink writes its first frame.
  return lines.join('\n') + HOME;
}
