import { Box, Text } from 'ink';
import { ASCII_SYMBOLS, symbols } from '../src/text/symbols.js';
import { insightsScreen, type InsightLine } from '../src/tui/insights.js';
import { bodyHeight, type AppState } from '../src/tui/state.js';
import { styleFor } from './theme.js';

/**
 * The `i` view: the timeline (one bucket per line, windowed) and the four top lists, two by two,
 * beside it on wide terminals and below it on narrow ones. All text comes fitted from
 * tui/insights; this only places it.
 */
export function InsightsView({ state }: { state: AppState }) {
  const height = bodyHeight(state.size);
  const color = state.options.color;
  if (!state.insights) return null;
  const screen = insightsScreen(state.insights, state.size, height, { timeZone: state.options.timeZone, ascii: symbols() === ASCII_SYMBOLS });
  const { layout } = screen;
  const lines = (list: InsightLine[], prefix: string) =>
    list.map((line, index) => (
      <Text key={`${prefix}${index}`} wrap="truncate" {...(line.selected ? styleFor('selected', color) : {})}>
        {line.text}
      </Text>
    ));
  const listBox = (index: number) => {
    const list = screen.lists[index];
    return (
      <Box key={index} flexDirection="column" width={layout.listWidth} height={layout.perList + 1}>
        <Text wrap="truncate" {...styleFor('heading', color)}>
          {list.title}
        </Text>
        {lines(list.lines, `l${index}-`)}
      </Box>
    );
  };
  const lists = (
    <Box flexDirection="column">
      <Box>{[0, 1].map(listBox)}</Box>
      <Box>{[2, 3].map(listBox)}</Box>
    </Box>
  );
  const timeline = (
    <Box flexDirection="column" width={layout.timelineWidth} height={layout.timelineHeight} overflow="hidden">
      {lines(screen.timeline, 't')}
    </Box>
  );
  return (
    <Box flexDirection="column" width={state.size.columns} height={height + 1}>
      <Text {...styleFor('activeTab', color)} wrap="truncate">
        {screen.title}
      </Text>
      {layout.wide ? (
        <Box>
          {timeline}
          <Box width={2} />
          {lists}
        </Box>
      ) : (
        <>
          {timeline}
          {lists}
        </>
      )}
    </Box>
  );
}
