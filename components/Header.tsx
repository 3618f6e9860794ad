import { Box, Text } from 'ink';
import { truncateToWidth } from '../src/text/width.js';
import type { AppState } from '../src/tui/state.js';
import { filterChips, noteLine, paneTabs } from '../src/view/chrome.js';
import { styleFor } from './theme.js';

/**
 * Line 1: the pane tabs, as in the portal. Line 2: what was loaded (or how the load goes) and what
 * is hidden. Line 3: the active filter, one chip per term.
 */
export function Header({ state }: { state: AppState }) {
  const color = state.options.color;
  const width = state.size.columns;
  const { chips, note } = filterChips(state);
  return (
    <Box flexDirection="column" width={width}>
      <Box>
        {paneTabs(state).map((tab) => (
          <Text key={tab.pane} {...styleFor(tab.active ? 'activeTab' : 'tab', color)}>
            {tab.text}
          </Text>
        ))}
      </Box>
      <Text {...styleFor('hint', color)}>{truncateToWidth(noteLine(state, Date.now()), width)}</Text>
      <Text wrap="truncate">
        {chips.length > 0 ? <Text {...styleFor('label', color)}>Filter: </Text> : null}
        {chips.map((chip, index) => (
          <Text key={index}>
            <Text {...styleFor('chip', color)}>{` ${truncateToWidth(chip, Math.max(8, width - 10))} `}</Text>
            <Text> </Text>
          </Text>
        ))}
        <Text {...styleFor('hint', color)}>{note}</Text>
      </Text>
    </Box>
  );
}
