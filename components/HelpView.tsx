import { Box, Text } from 'ink';
import type { AppState } from '../src/tui/app-state.js';
import { helpLines } from '../src/tui/help.js';
import { bodyHeight } from '../src/view/layout.js';
import { helpKeys } from '../src/view/text-views.js';

/** The `?` overlay, drawn from the keymap in force. */
export function HelpView({ state }: { state: AppState }) {
  const height = bodyHeight(state.size);
  const { theme, symbols, keymap } = state.options;
  const lines = helpLines(keymap).slice(state.scroll.help, state.scroll.help + height);
  return (
    <Box flexDirection="column" width={state.size.columns} height={height + 1}>
      <Text {...theme.activeTab}> Keys (Esc, q or ? to close), then the query language </Text>
      {lines.map((line, index) =>
        line.heading ? (
          <Text key={index} {...theme.heading}>
            {line.help}
          </Text>
        ) : (
          <Text key={index} wrap="truncate">
            <Text {...theme.label}>{helpKeys(line.keys, symbols)}</Text>
            <Text>{line.help}</Text>
          </Text>
        ),
      )}
    </Box>
  );
}
