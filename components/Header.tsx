import { Box, Text } from 'ink';
import type { AppState } from '../src/tui/app-state.js';
import { noteInput } from '../src/tui/frame-parts.js';
import { filterChips, noteLine, paneTabs } from '../src/view/chrome.js';

/**
 * Line 1: the pane tabs, as in the portal. Line 2: what was loaded (or how the load goes) and what
 * is hidden. Line 3: the active filter, one chip per term.
 */
export function Header({ state, now }: { state: AppState; now: number }) {
  const { theme, symbols } = state.options;
  const width = state.size.columns;
  const { chips, note } = filterChips(state.filter.active?.query ?? null, width, symbols);
  return (
    <Box flexDirection="column" width={width}>
      <Box>
        {paneTabs(state.totals, state.pane, state.size.columns).map((tab) => (
          <Text key={tab.pane} {...theme[tab.active ? 'activeTab' : 'tab']}>
            {tab.text}
          </Text>
        ))}
      </Box>
      <Text {...theme.hint}>{noteLine(noteInput(state), now, width, symbols)}</Text>
      <Text wrap="truncate">
        {chips.length > 0 ? <Text {...theme.label}>Filter: </Text> : null}
        {chips.map((chip, index) => (
          <Text key={index}>
            <Text {...theme.chip}>{` ${chip} `}</Text>
            <Text> </Text>
          </Text>
        ))}
        <Text {...theme.hint}>{note}</Text>
      </Text>
    </Box>
  );
}
