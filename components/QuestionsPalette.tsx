import { Box, Text } from 'ink';
import type { AppState } from '../src/tui/app-state.js';
import { listHeight } from '../src/tui/list-filter.js';
import { paletteShown } from '../src/tui/modes/palette.js';
import { paletteLines, pickerTitle } from '../src/view/pickers.js';
import { ListFilterLine } from './ListFilterLine.js';

/** The `:` palette: each question with its count in this pane, and the query it stands for. */
export function QuestionsPalette({ state }: { state: AppState }) {
  const palette = state.palette;
  const { theme, symbols } = state.options;
  const width = state.size.columns;
  if (!palette) return null;
  const shown = paletteShown(palette);
  const lines = paletteLines(shown, palette, listHeight(state.size, palette.filter), width, state.pane, symbols);
  return (
    <Box flexDirection="column" width={width}>
      <Text {...theme.activeTab} wrap="truncate">
        {pickerTitle(`Questions (counts unfiltered, in this pane unless marked${palette.partial ? '; PARTIAL: counted during the load' : ''}): Enter applies the query as the filter, / type to narrow, Esc closes`, width, symbols)}
      </Text>
      {palette.filter ? <ListFilterLine filter={palette.filter} matched={shown.length} total={palette.entries.length} width={width} options={state.options} /> : null}
      {shown.length === 0 ? <Text>No question matches what is typed.</Text> : null}
      {lines.map((line, offset) => (
        <Text key={offset} wrap="truncate" inverse={line.selected}>
          {line.text}
          {line.query !== null ? <Text {...(line.selected ? {} : theme.hint)}>{line.query}</Text> : null}
        </Text>
      ))}
    </Box>
  );
}
