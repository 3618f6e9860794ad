import { Box, Text } from 'ink';
import type { ListFilter, ViewOptions } from '../src/tui/app-state.js';
import { listFilterView } from '../src/view/pickers.js';
import { LineField } from './LineField.js';

/**
 * The `/` line of a picker's list (filter menu values, questions), under its title: the text the
 * list is narrowed by, its cursor shown while it is typed into, and how many lines match.
 */
export function ListFilterLine({ filter, matched, total, width, options }: { filter: ListFilter; matched: number; total: number; width: number; options: ViewOptions }) {
  const view = listFilterView(filter.editor, filter.typing, matched, total, width, options.symbols);
  return (
    <Box width={width}>
      <Text bold>{'/ '}</Text>
      <LineField line={view.line} focused={filter.typing} />
      <Text {...options.theme.hint} wrap="truncate">
        {view.note}
      </Text>
    </Box>
  );
}
