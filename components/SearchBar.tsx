import { Box, Text } from 'ink';
import type { AppState } from '../src/tui/app-state.js';
import { statusInput } from '../src/tui/frame-parts.js';
import { HINTS } from '../src/tui/hints.js';
import { statusParts } from '../src/view/chrome.js';
import { PANE_DEFINITIONS } from '../src/view/panes.js';
import { searchBarView } from '../src/view/prompts.js';
import { LineField } from './LineField.js';

/**
 * The `/` bar: the query being typed (edited by the reducer's line editor, key by key), and above
 * it the error in a draft that did not apply, with its position, or what its terms found nothing
 * of (`no status contains "failed" — did you mean "failure"?`), or a reminder of the language.
 */
export function SearchBar({ state }: { state: AppState }) {
  const { theme, symbols } = state.options;
  const width = state.size.columns;
  const { summary } = statusParts(statusInput(state), symbols);
  const notes = state.filter.notes?.pane === state.pane ? state.filter.notes.lines : [];
  const view = searchBarView(state.search.editor, state.search.error, summary, { query: PANE_DEFINITIONS[state.pane].queryHint, keys: HINTS.search }, width, symbols, notes);
  return (
    <Box flexDirection="column" width={width}>
      <Text {...theme[view.note.tone]} wrap="truncate">
        {view.note.text}
      </Text>
      <Box>
        <Text bold>{'/ '}</Text>
        <LineField line={view.line} />
      </Box>
    </Box>
  );
}
