import { Box, Text } from 'ink';
import { PANES, PANE_LABELS } from '../src/model/pane.js';
import { sanitize } from '../src/text/sanitize.js';
import { truncateToWidth } from '../src/text/width.js';
import type { AppState } from '../src/tui/state.js';
import { symbols } from '../src/text/symbols.js';
import { styleFor } from './theme.js';

/** Line 1: the pane tabs, as in the portal. Line 2: what was loaded and what is hidden. */
export function Header({ state }: { state: AppState }) {
  const { columns } = state.size;
  const color = state.options.color;
  const sources = state.sources.length === 0 ? '(none)' : state.sources.map((s) => sanitize(s)).join(', ');
  const notes = [`Sources: ${sources}`];
  if (state.hideSubstrate) notes.push('Substrate write-backs hidden (s)');
  return (
    <Box flexDirection="column" width={columns}>
      <Box>
        {PANES.map((pane, index) => (
          <Text key={pane} {...styleFor(pane === state.pane ? 'activeTab' : 'tab', color)}>
            {`${index === 0 ? '' : ' '} ${index + 1} ${PANE_LABELS[pane]} (${state.totals[pane].toLocaleString('en-US')}) `}
          </Text>
        ))}
      </Box>
      <Text {...styleFor('hint', color)}>{truncateToWidth(notes.join(symbols().separator), columns)}</Text>
    </Box>
  );
}
