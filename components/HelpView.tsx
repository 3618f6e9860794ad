import { Box, Text } from 'ink';
import { helpLines } from '../src/tui/help.js';
import { bodyHeight, type AppState } from '../src/tui/state.js';
import { fitToWidth } from '../src/text/width.js';
import { styleFor } from './theme.js';

/** The `?` overlay, drawn from the keymap table. */
export function HelpView({ state }: { state: AppState }) {
  const height = bodyHeight(state.size);
  const color = state.options.color;
  const lines = helpLines().slice(state.scroll.help, state.scroll.help + height);
  return (
    <Box flexDirection="column" width={state.size.columns} height={height + 1}>
      <Text {...styleFor('activeTab', color)}> Keys (Esc, q or ? to close) </Text>
      {lines.map((line, index) =>
        line.heading ? (
          <Text key={index} {...styleFor('heading', color)}>
            {line.help}
          </Text>
        ) : (
          <Text key={index} wrap="truncate">
            <Text {...styleFor('label', color)}>{`  ${fitToWidth(line.keys, 24)}`}</Text>
            <Text>{line.help}</Text>
          </Text>
        ),
      )}
    </Box>
  );
}
