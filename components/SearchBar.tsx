import { Box, Text } from 'ink';
import type { AppState } from '../src/tui/app-state.js';
import { statusInput } from '../src/tui/frame-parts.js';
import { HINTS } from '../src/tui/hints.js';
import { statusParts } from '../src/view/chrome.js';
import { PANE_DEFINITIONS } from '../src/view/panes.js';
import { searchBarView } from '../src/view/prompts.js';
import { LineField } from './LineField.js';

/** What each bar is called on screen: `/` filters, `F` finds. */
const PROMPTS = { search: '/ ', find: 'Find: ' } as const;

/**
 * The `/` bar, and the `F` find bar drawn the same way: the query being typed (edited by the
 * reducer's line editor, key by key), and above it the error in a draft that did not apply, with
 * its position, or what its terms found nothing of (`no status contains "failed" — did you mean
 * "failure"?`), or a reminder of the language.
 */
export function SearchBar({ state, prompt = 'search' }: { state: AppState; prompt?: 'search' | 'find' }) {
  const { theme, symbols } = state.options;
  const width = state.size.columns;
  const { summary } = statusParts(statusInput(state), symbols);
  const { editor, error } = state[prompt];
  const label = PROMPTS[prompt];
  const queryHint = PANE_DEFINITIONS[state.pane].queryHint;
  // The find bar says first what sets it apart from `/` (every row stays), the language after.
  const hints = prompt === 'find' ? { query: '', keys: [...HINTS.find, queryHint] } : { query: queryHint, keys: HINTS.search };
  // What the applied filter's terms found nothing of: the `/` bar's, not the find bar's.
  const notes = prompt === 'search' && state.filter.notes?.pane === state.pane ? state.filter.notes.lines : [];
  const view = searchBarView(editor, error, summary, hints, width - (label.length - 2), symbols, notes);
  return (
    <Box flexDirection="column" width={width}>
      <Text {...theme[view.note.tone]} wrap="truncate">
        {view.note.text}
      </Text>
      <Box>
        <Text bold>{label}</Text>
        <LineField line={view.line} />
      </Box>
    </Box>
  );
}
