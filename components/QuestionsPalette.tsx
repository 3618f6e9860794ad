import { Box, Text } from 'ink';
import type { AppState } from '../src/tui/app-state.js';
import { pickerHeight } from '../src/view/layout.js';
import { paletteLines, pickerTitle } from '../src/view/pickers.js';

/** The `:` palette: each question with its count in this pane, and the query it stands for. */
export function QuestionsPalette({ state }: { state: AppState }) {
  const palette = state.palette;
  const { theme, symbols } = state.options;
  const width = state.size.columns;
  if (!palette) return null;
  const lines = paletteLines(palette.entries, palette, pickerHeight(state.size), width, state.pane, symbols);
  return (
    <Box flexDirection="column" width={width}>
      <Text {...theme.activeTab} wrap="truncate">
        {pickerTitle(`Questions (counts unfiltered, in this pane unless marked${palette.partial ? '; PARTIAL: counted during the load' : ''}): Enter applies the query as the filter, Esc closes`, width, symbols)}
      </Text>
      {lines.map((line, offset) => (
        <Text key={offset} wrap="truncate" inverse={line.selected}>
          {line.text}
          {line.query !== null ? <Text {...(line.selected ? {} : theme.hint)}>{line.query}</Text> : null}
        </Text>
      ))}
    </Box>
  );
}
