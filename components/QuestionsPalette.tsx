import { Box, Text } from 'ink';
import { sanitize } from '../src/text/sanitize.js';
import { fitToWidth, truncateToWidth } from '../src/text/width.js';
import { pickerHeight, type AppState } from '../src/tui/state.js';
import { styleFor } from './theme.js';

/** The `:` palette: each question with its count in this pane, and the query it stands for. */
export function QuestionsPalette({ state }: { state: AppState }) {
  const palette = state.palette;
  const color = state.options.color;
  const width = state.size.columns;
  if (!palette) return null;
  const height = pickerHeight(state);
  const visible = palette.entries.slice(palette.top, palette.top + height);
  // Titles first; the query column only where there is room for it (the chip shows it once applied).
  const longest = Math.max(20, ...palette.entries.map((entry) => entry.title.length + 9));
  const titleWidth = Math.min(longest, Math.max(20, width - 14 - (width >= 120 ? 30 : 0)));
  return (
    <Box flexDirection="column" width={width}>
      <Text {...styleFor('activeTab', color)} wrap="truncate">
        {truncateToWidth(' Questions (counts unfiltered, in this pane unless marked): Enter applies the query as the filter, Esc closes ', width)}
      </Text>
      {palette.error ? (
        <Text {...styleFor('bad', color)} wrap="truncate">
          {truncateToWidth(sanitize(palette.error), width)}
        </Text>
      ) : null}
      {visible.map((entry, offset) => {
        const selected = palette.top + offset === palette.cursor;
        const count = entry.count === null ? '(error)' : entry.count.toLocaleString('en-US');
        const where = entry.pane && entry.pane !== state.pane ? (entry.pane === 'directory' ? ' (pane 1)' : ' (pane 2)') : '';
        return (
          <Text key={offset} wrap="truncate" inverse={selected}>
            {`${selected ? '> ' : '  '}${fitToWidth(sanitize(entry.title + where), titleWidth)} ${count.padStart(9)}${width >= 120 ? '  ' : ''}`}
            {width >= 120 ? <Text {...(selected ? {} : styleFor('hint', color))}>{truncateToWidth(sanitize(entry.query), Math.max(10, width - titleWidth - 14))}</Text> : null}
          </Text>
        );
      })}
    </Box>
  );
}
