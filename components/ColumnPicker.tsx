import { Box, Text } from 'ink';
import type { AppState } from '../src/tui/app-state.js';
import { columnPickerInput } from '../src/tui/frame-parts.js';
import { columnPickerLines } from '../src/view/column-picker.js';
import { PANE_DEFINITIONS } from '../src/view/panes.js';
import { pickerTitle } from '../src/view/pickers.js';

/** The `C` picker: the pane's columns to show or hide, and the sort (tui/modes/columns.ts takes the keys). */
export function ColumnPicker({ state }: { state: AppState }) {
  const input = columnPickerInput(state);
  const { theme, symbols } = state.options;
  const width = state.size.columns;
  if (!input || !state.columnPicker) return null;
  const title = `Columns of ${PANE_DEFINITIONS[state.columnPicker.pane].title}: Space shows/hides · s sorts by it (again: reverses) · Enter applies and keeps them in the config file · Esc cancels`;
  return (
    <Box flexDirection="column" width={width}>
      <Text {...theme.activeTab} wrap="truncate">
        {pickerTitle(title, width, symbols)}
      </Text>
      {columnPickerLines(input).map((line) => (
        <Text key={line.key} wrap="truncate" inverse={line.selected}>
          {line.text}
        </Text>
      ))}
    </Box>
  );
}
