import { Box, Text } from 'ink';
import { truncateToWidth } from '../src/text/width.js';
import type { AppState } from '../src/tui/state.js';
import { hintLine, statusParts } from '../src/view/chrome.js';
import { styleFor } from './theme.js';

/** `<shown> of <total> events`, the problem count, and what the keys do here. */
export function StatusBar({ state }: { state: AppState }) {
  const color = state.options.color;
  const { summary, problems } = statusParts(state);
  return (
    <Box flexDirection="column" width={state.size.columns}>
      <Text wrap="truncate">
        <Text bold>{summary}</Text>
        <Text {...styleFor('warning', color)}>{problems}</Text>
      </Text>
      {state.message ? (
        <Text {...styleFor(state.message.tone === 'bad' ? 'bad' : 'label', color)} wrap="truncate">
          {truncateToWidth(state.message.text, state.size.columns)}
        </Text>
      ) : (
        <Text {...styleFor('hint', color)}>{truncateToWidth(hintLine(state), state.size.columns)}</Text>
      )}
    </Box>
  );
}
