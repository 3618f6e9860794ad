import { Box, Text } from 'ink';
import type { ReactElement } from 'react';
import { isSubstrateWriteBack } from '../src/model/accessors.js';
import { fitToWidth } from '../src/text/width.js';
import { bodyHeight, type AppState } from '../src/tui/state.js';
import { columnHeader, EVENT_COLUMNS, layoutColumns, type CellOptions } from '../src/view/columns.js';
import { CustomSecurityEmpty } from './CustomSecurityEmpty.js';
import { styleFor, type Role } from './theme.js';

/**
 * The event list. Only the rows in the window are built, so a frame costs the same for 1,000
 * events as for 1,000,000.
 */
export function EventTable({ state }: { state: AppState }) {
  const { columns } = state.size;
  const height = bodyHeight(state.size);
  const rows = state.rows[state.pane];
  const cursor = state.cursor[state.pane];
  const widths = layoutColumns(EVENT_COLUMNS, columns);
  const cellOptions: CellOptions = { timeZone: state.options.timeZone };
  const line = (cells: string[]) => cells.map((cell, i) => fitToWidth(cell, widths[i])).join(' ');

  if (state.totals[state.pane] === 0 && state.pane === 'custom-security') {
    return <CustomSecurityEmpty state={state} height={height + 1} />;
  }
  const visible: ReactElement[] = [];
  for (let offset = 0; offset < height; offset++) {
    const position = cursor.top + offset;
    if (position >= rows.length) break;
    const loaded = state.events[rows[position]];
    const role: Role =
      position === cursor.selected
        ? 'selected'
        : loaded.event.result === 'failure' || loaded.event.result === 'timeout'
          ? 'failure'
          : isSubstrateWriteBack(loaded.event)
            ? 'writeBack'
            : 'plain';
    visible.push(
      <Text key={position} {...styleFor(role, state.options.color)} wrap="truncate">
        {line(EVENT_COLUMNS.map((column) => column.cell(loaded, cellOptions)))}
      </Text>,
    );
  }
  return (
    <Box flexDirection="column" width={columns} height={height + 1}>
      <Text {...styleFor('header', state.options.color)} wrap="truncate">
        {line(EVENT_COLUMNS.map((column) => columnHeader(column, cellOptions)))}
      </Text>
      {visible.length > 0 ? visible : <Text {...styleFor('dim', state.options.color)}>No events in this pane.</Text>}
    </Box>
  );
}
