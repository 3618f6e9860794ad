import { Box, Text } from 'ink';
import type { AppState } from '../src/tui/app-state.js';
import { selectedDetailLines } from '../src/tui/frame-parts.js';
import { selectedIndex } from '../src/tui/rows.js';
import { detailTabBar } from '../src/view/detail-tab-bar.js';
import type { DetailLine } from '../src/view/details.js';
import { bodyHeight } from '../src/view/layout.js';
import { PANE_DEFINITIONS } from '../src/view/panes.js';
import type { Theme } from '../src/view/theme.js';

function Line({ line, theme }: { line: DetailLine; theme: Theme }) {
  if (line.labelWidth) {
    const label = line.text.slice(0, line.labelWidth);
    return (
      <Text wrap="truncate">
        <Text {...theme.label}>{label}</Text>
        <Text {...theme[line.tone]}>{line.text.slice(line.labelWidth)}</Text>
      </Text>
    );
  }
  return (
    <Text {...theme[line.tone]} wrap="truncate">
      {line.text || ' '}
    </Text>
  );
}

/** One event: a tab bar and the current tab's lines, windowed to the screen. */
export function DetailsView({ state }: { state: AppState }) {
  const height = bodyHeight(state.size);
  const { theme, symbols } = state.options;
  if (selectedIndex(state) === undefined) return <Text>No event selected.</Text>;
  // A record whose file changed since the load comes back as lines saying so, never as an exception.
  const lines = selectedDetailLines(state);
  const window = lines.slice(state.scroll.details, state.scroll.details + height);
  const more = lines.length - state.scroll.details - window.length;
  return (
    <Box flexDirection="column" width={state.size.columns} height={height + 1}>
      <Box>
        {detailTabBar(PANE_DEFINITIONS[state.pane].detailTabs, state.detailTab, state.size.columns).map((item) => (
          // Tabs keep their width; the hint after them is what gives way on a narrow screen.
          <Box key={item.tab} flexShrink={0}>
            <Text {...theme[item.active ? 'activeTab' : 'tab']}>{item.text}</Text>
          </Box>
        ))}
        <Text {...theme.hint} wrap="truncate">
          {more > 0 ? `  ${symbols.more} ${more} more` : ''}
        </Text>
      </Box>
      <Box flexDirection="column" paddingLeft={1}>
        {window.map((line, index) => (
          <Line key={state.scroll.details + index} line={line} theme={theme} />
        ))}
      </Box>
    </Box>
  );
}
