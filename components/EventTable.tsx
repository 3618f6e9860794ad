import { Box, Text } from 'ink';
import { bodyHeight, type AppState } from '../src/tui/state.js';
import { isFailure } from '../src/view/columns.js';
import { tableLines } from '../src/view/table-lines.js';
import { highlightNeedles, splitMatches } from '../src/view/highlight.js';
import { CustomSecurityEmpty } from './CustomSecurityEmpty.js';
import { styleFor, type Role } from './theme.js';
import { trace } from '../src/trace.js';

let firstRowsTraced = false;

/**
 * The event list. Only the rows in the window are built, so a frame costs the same for 1,000
 * events as for 1,000,000.
 */
export function EventTable({ state }: { state: AppState }) {
  const { columns } = state.size;
  const height = bodyHeight(state.size);
  const color = state.options.color;
  if (state.totals[state.pane] === 0 && state.pane === 'custom-security' && !state.loading) {
    return <CustomSecurityEmpty state={state} height={height + 1} />;
  }
  const { header, rows } = tableLines(state);
  if (rows.length > 0 && !firstRowsTraced) {
    firstRowsTraced = true;
    trace(`explorer: first rows rendered (${state.rows[state.pane].length})`);
  }
  const selected = state.cursor[state.pane].selected;
  const needles = highlightNeedles(state.filter.active?.query);
  return (
    <Box flexDirection="column" width={columns} height={height + 1}>
      <Text {...styleFor('header', color)} wrap="truncate">
        {header}
      </Text>
      {rows.map(({ position, text, summary }) => {
        const role: Role = position === selected ? 'selected' : isFailure(summary) ? 'failure' : summary.writeBack ? 'writeBack' : 'plain';
        return (
          <Text key={position} {...styleFor(role, color)} wrap="truncate">
            {splitMatches(text, needles).map((segment, index) =>
              segment.match ? (
                <Text key={index} {...styleFor('match', color)}>
                  {segment.text}
                </Text>
              ) : (
                segment.text
              ),
            )}
          </Text>
        );
      })}
      {rows.length === 0 ? <Text {...styleFor('dim', color)}>{state.loading ? 'Loading…' : 'No events in this pane.'}</Text> : null}
    </Box>
  );
}
