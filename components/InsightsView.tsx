import { Box, Text } from 'ink';
import type { AppState } from '../src/tui/app-state.js';
import { insightsScreen, type InsightLine } from '../src/view/insights-screen.js';
import { bodyHeight } from '../src/view/layout.js';

/**
 * The `i` view: the unusual values first, then the timeline (one bucket per line, windowed) and
 * the top lists, two by two, beside it on wide terminals and below it on narrow ones. All text comes fitted from
 * view/insights-screen; this only places it.
 */
export function InsightsView({ state }: { state: AppState }) {
  const height = bodyHeight(state.size);
  const { theme } = state.options;
  if (!state.insights) return null;
  const screen = insightsScreen(state.insights, state.insights, state.size, height, { ...state.options, partial: state.insights.partial });
  const { layout } = screen;
  const lines = (list: InsightLine[], prefix: string) =>
    list.map((line, index) => (
      <Text key={`${prefix}${index}`} wrap="truncate" {...(line.selected ? theme.selected : {})}>
        {line.text}
      </Text>
    ));
  const listBox = (index: number) => {
    const list = screen.lists[index];
    if (!list) return null;
    return (
      <Box key={index} flexDirection="column" width={layout.listWidth} height={layout.perList + 1}>
        <Text wrap="truncate" {...theme.heading}>
          {list.title}
        </Text>
        {lines(list.lines, `l${index}-`)}
      </Box>
    );
  };
  // Two lists side by side, as many rows as the pane defines lists.
  const pairs = Array.from({ length: Math.ceil(screen.lists.length / 2) }, (_, row) => [2 * row, 2 * row + 1]);
  const lists = (
    <Box flexDirection="column">
      {pairs.map((pair, row) => (
        <Box key={row}>{pair.map(listBox)}</Box>
      ))}
    </Box>
  );
  const timeline = (
    <Box flexDirection="column" width={layout.timelineWidth} height={layout.timelineHeight} overflow="hidden">
      {lines(screen.timeline, 't')}
    </Box>
  );
  // The rare first: what stands out sits above the timeline and the frequency lists.
  const unusual = screen.unusual && (
    <Box flexDirection="column" height={layout.unusualHeight}>
      <Text wrap="truncate" {...theme.heading}>
        {screen.unusual.title}
      </Text>
      {lines(screen.unusual.lines, 'u')}
    </Box>
  );
  return (
    <Box flexDirection="column" width={state.size.columns} height={height + 1}>
      <Text {...theme.activeTab} wrap="truncate">
        {screen.title}
      </Text>
      {unusual}
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
