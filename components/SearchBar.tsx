import { Box, Text } from 'ink';
import { sanitize } from '../src/text/sanitize.js';
import { truncateToWidth } from '../src/text/width.js';
import type { AppState } from '../src/tui/state.js';
import { statusParts } from '../src/view/chrome.js';
import { styleFor } from './theme.js';

/**
 * The `/` bar: the query being typed (edited by the reducer, see editSearch), and above it either
 * a reminder of the language or the error in a query that did not apply, with its position.
 */
export function SearchBar({ state }: { state: AppState }) {
  const color = state.options.color;
  const error = state.search.error;
  const width = state.size.columns;
  // Keep the end of a long query (where the typing is) in view.
  const shown = sanitize(state.search.draft);
  const room = width - 3;
  const visible = shown.length > room ? shown.slice(shown.length - room) : shown;
  return (
    <Box flexDirection="column" width={width}>
      {error ? (
        <Text {...styleFor('bad', color)} wrap="truncate">
          {truncateToWidth(`${sanitize(error.message)} (at ${error.position + 1})`, width)}
        </Text>
      ) : (
        <Text {...styleFor('hint', color)} wrap="truncate">
          {truncateToWidth(`${statusParts(state).summary} · fuzzy words, field:value (activity: actor: target: ip: corr: status: …), -negates, a|b, since:7d · Enter keeps · Esc undoes`, width)}
        </Text>
      )}
      <Text wrap="truncate">
        <Text bold>/ </Text>
        <Text>{visible}</Text>
        <Text inverse> </Text>
      </Text>
    </Box>
  );
}
