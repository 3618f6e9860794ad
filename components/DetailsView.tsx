import { Box, Text } from 'ink';
import { bodyHeight, detailOptions, selectedEvent, type AppState } from '../src/tui/state.js';
import { DETAIL_TAB_LABELS, DETAIL_TABS, detailLines, type DetailLine } from '../src/view/details.js';
import { symbols } from '../src/text/symbols.js';
import { styleFor } from './theme.js';

function Line({ line, color }: { line: DetailLine; color: boolean }) {
  if (line.labelWidth) {
    const label = line.text.slice(0, line.labelWidth);
    return (
      <Text wrap="truncate">
        <Text {...styleFor('label', color)}>{label}</Text>
        <Text {...styleFor(line.tone, color)}>{line.text.slice(line.labelWidth)}</Text>
      </Text>
    );
  }
  return (
    <Text {...styleFor(line.tone, color)} wrap="truncate">
      {line.text || ' '}
    </Text>
  );
}

/** One event: a tab bar and the current tab's lines, windowed to the screen. */
export function DetailsView({ state }: { state: AppState }) {
  const loaded = selectedEvent(state);
  const height = bodyHeight(state.size);
  const color = state.options.color;
  if (!loaded) return <Text>No event selected.</Text>;
  const lines = detailLines(loaded, state.detailTab, detailOptions(state));
  const window = lines.slice(state.scroll.details, state.scroll.details + height);
  const more = lines.length - state.scroll.details - window.length;
  return (
    <Box flexDirection="column" width={state.size.columns} height={height + 1}>
      <Box>
        {DETAIL_TABS.map((tab) => (
          <Text key={tab} {...styleFor(tab === state.detailTab ? 'activeTab' : 'tab', color)}>
            {` ${DETAIL_TAB_LABELS[tab]} `}
          </Text>
        ))}
        <Text {...styleFor('hint', color)}>{more > 0 ? `  ${symbols().more} ${more} more` : ''}</Text>
      </Box>
      <Box flexDirection="column" paddingLeft={1}>
        {window.map((line, index) => (
          <Line key={state.scroll.details + index} line={line} color={color} />
        ))}
      </Box>
    </Box>
  );
}
