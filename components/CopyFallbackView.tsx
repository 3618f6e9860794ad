import { Box, Text } from 'ink';
import type { AppState } from '../src/tui/app-state.js';
import { bodyHeight } from '../src/view/layout.js';
import { copyLines, copyTitle } from '../src/view/text-views.js';

/** Where OSC 52 cannot copy: the text itself (sanitised, wrapped), to select by hand. */
export function CopyFallbackView({ state }: { state: AppState }) {
  const fallback = state.copyFallback;
  const { theme, symbols } = state.options;
  const width = state.size.columns;
  if (!fallback) return null;
  const height = bodyHeight(state.size);
  const lines = copyLines(fallback.lines, width, symbols);
  return (
    <Box flexDirection="column" width={width} height={height + 1}>
      <Text {...theme.activeTab} wrap="truncate">
        {copyTitle(fallback.reason, fallback.what, width, symbols)}
      </Text>
      {lines.slice(state.scroll.copy, state.scroll.copy + height).map((line, index) => (
        <Text key={index} wrap="truncate">
          {line}
        </Text>
      ))}
    </Box>
  );
}
