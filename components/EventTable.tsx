import { Box, Text } from 'ink';
import type { AppState } from '../src/tui/app-state.js';
import { tableInput } from '../src/tui/frame-parts.js';
import { isFailure, isInterrupted } from '../src/view/columns.js';
import { highlightNeedles, splitMatches } from '../src/view/highlight.js';
import { bodyHeight } from '../src/view/layout.js';
import { PANE_DEFINITIONS } from '../src/view/panes.js';
import type { StyleName } from '../src/view/style-names.js';
import { tableLines } from '../src/view/table-lines.js';
import { EmptyPane } from './EmptyPane.js';

/**
 * The event list. Only the rows in the window are built, so a frame costs the same for 1,000
 * events as for 1,000,000.
 */
export function EventTable({ state }: { state: AppState }) {
  const { columns } = state.size;
  const height = bodyHeight(state.size);
  const { theme } = state.options;
  const definition = PANE_DEFINITIONS[state.pane];
  if (state.totals[state.pane] === 0 && definition.empty && !state.loading) return <EmptyPane empty={definition.empty} state={state} height={height + 1} />;
  const { header, rows } = tableLines(tableInput(state));
  const selected = state.cursor[state.pane].selected;
  // The find's words are marked as the filter's are: where its hits are, among every row.
  const needles = highlightNeedles(state.filter.active?.query, state.find.active?.filter.query);
  return (
    <Box flexDirection="column" width={columns} height={height + 1}>
      <Text {...theme.header} wrap="truncate">
        {header}
      </Text>
      {rows.map(({ position, text, summary }) => {
        const role: StyleName = position === selected ? 'selected' : isFailure(summary) ? 'failure' : isInterrupted(summary) ? 'interrupted' : summary.writeBack ? 'writeBack' : 'plain';
        return (
          <Text key={position} {...theme[role]} wrap="truncate">
            {splitMatches(text, needles).map((segment, index) =>
              segment.match ? (
                <Text key={index} {...theme.match}>
                  {segment.text}
                </Text>
              ) : (
                segment.text
              ),
            )}
          </Text>
        );
      })}
      {rows.length === 0 ? <Text {...theme.dim}>{emptyText(state)}</Text> : null}
    </Box>
  );
}

/** Why no row shows: still loading, nothing in the pane, or the filter and lenses leave none of them. */
function emptyText(state: AppState): string {
  if (state.loading) return 'Loading…';
  const total = state.totals[state.pane];
  if (total === 0) return 'No events in this pane.';
  return `None of this pane's ${total.toLocaleString('en-US')} events match the filter and lenses (Backspace undoes the filter, x clears it).`;
}
