import { Box, Text } from 'ink';
import { sanitize } from '../src/text/sanitize.js';
import { truncateToWidth, wrapToWidth } from '../src/text/width.js';
import { bodyHeight, type AppState } from '../src/tui/state.js';
import { styleFor } from './theme.js';

/** Where OSC 52 cannot copy: the text itself (sanitised, wrapped), to select by hand. */
export function CopyFallbackView({ state }: { state: AppState }) {
  const fallback = state.copyFallback;
  const color = state.options.color;
  const width = state.size.columns;
  if (!fallback) return null;
  const height = bodyHeight(state.size);
  const lines = fallback.lines.flatMap((line) => wrapToWidth(sanitize(line), width));
  return (
    <Box flexDirection="column" width={width} height={height + 1}>
      <Text {...styleFor('activeTab', color)} wrap="truncate">
        {truncateToWidth(` Not copied (${fallback.reason}): here is ${fallback.what} to copy by hand `, width)}
      </Text>
      {lines.slice(state.scroll.copy, state.scroll.copy + height).map((line, index) => (
        <Text key={index} wrap="truncate">
          {line}
        </Text>
      ))}
    </Box>
  );
}
