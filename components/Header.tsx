import { Box, Text } from 'ink';
import { truncateToWidth } from '../src/text/width.js';
import type { AppState } from '../src/tui/state.js';
import { noteLine, paneTabs } from '../src/view/chrome.js';
import { styleFor } from './theme.js';

/** Line 1: the pane tabs, as in the portal. Line 2: what was loaded (or how the load goes) and what is hidden. */
export function Header({ state }: { state: AppState }) {
  const color = state.options.color;
  return (
    <Box flexDirection="column" width={state.size.columns}>
      <Box>
        {paneTabs(state).map((tab) => (
          <Text key={tab.pane} {...styleFor(tab.active ? 'activeTab' : 'tab', color)}>
            {tab.text}
          </Text>
        ))}
      </Box>
      <Text {...styleFor('hint', color)}>{truncateToWidth(noteLine(state, Date.now()), state.size.columns)}</Text>
    </Box>
  );
}
