import { Box, Text } from 'ink';
import { truncateToWidth } from '../src/text/width.js';
import type { AppState } from '../src/tui/state.js';
import { symbols } from '../src/text/symbols.js';
import { styleFor } from './theme.js';

const HINTS: Record<AppState['mode'], string[]> = {
  table: ['j/k move', 'Enter details', 'Tab/1/2 pane', 's write-backs', 'P problems', '? help', 'q quit'],
  details: ['h/l tabs', 'j/k scroll', 'Esc/q back', '? help', 'Ctrl-C quit'],
  help: ['Esc/q/? close'],
  problems: ['j/k scroll', 'Esc/q back'],
};

/** `<shown> of <total> events`, the problem count, and what the keys do here. */
export function StatusBar({ state }: { state: AppState }) {
  const color = state.options.color;
  const shown = state.rows[state.pane].length;
  const total = state.totals[state.pane];
  const position = shown > 0 ? `${symbols().separator}row ${(state.cursor[state.pane].selected + 1).toLocaleString('en-US')}` : '';
  const summary = `${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} events${position}`;
  const separator = symbols().separator;
  const problems = state.problemCount > 0 ? `${separator}${state.problemCount.toLocaleString('en-US')} load problem${state.problemCount === 1 ? '' : 's'} (P)` : '';
  return (
    <Box flexDirection="column" width={state.size.columns}>
      <Text wrap="truncate">
        <Text bold>{summary}</Text>
        <Text {...styleFor('warning', color)}>{problems}</Text>
      </Text>
      <Text {...styleFor('hint', color)}>{truncateToWidth(HINTS[state.mode].join(symbols().separator), state.size.columns)}</Text>
    </Box>
  );
}
