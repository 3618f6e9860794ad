import { Box, Text } from 'ink';
import type { AppState } from '../src/tui/app-state.js';
import type { PaneDefinition } from '../src/view/panes.js';

/** A pane with no record at all: its definition says what that usually means and where its records come from. */
export function EmptyPane({ empty, state, height }: { empty: NonNullable<PaneDefinition['empty']>; state: AppState; height: number }) {
  const { theme } = state.options;
  return (
    <Box flexDirection="column" width={state.size.columns} height={height} paddingX={1}>
      <Text {...theme.heading}>{empty.heading}</Text>
      {empty.paragraphs.map((paragraph, index) => (
        <Box key={index} flexDirection="column">
          <Text> </Text>
          <Text wrap="wrap">{paragraph}</Text>
        </Box>
      ))}
    </Box>
  );
}
