import { Box, Text } from 'ink';
import type { AppState } from '../src/tui/app-state.js';
import { statusInput } from '../src/tui/frame-parts.js';
import { hintsFor } from '../src/tui/hints.js';
import { hintLine, statusParts } from '../src/view/chrome.js';
import { filterNotesLine } from '../src/view/prompts.js';
import { messageLine } from '../src/view/text-views.js';

/** `<shown> of <total> events`, the problem count, and what the keys do here (or what just happened, or what the filter found nothing of). */
export function StatusBar({ state }: { state: AppState }) {
  const { theme, symbols } = state.options;
  const { summary, problems } = statusParts(statusInput(state), symbols);
  const width = state.size.columns;
  const notes = filterNotesLine(state.filter.notes, state.pane, width, symbols);
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate">
        <Text bold>{summary}</Text>
        <Text {...theme.warning}>{problems}</Text>
      </Text>
      {state.message ? (
        <Text {...theme[state.message.tone === 'bad' ? 'bad' : 'label']} wrap="truncate">
          {messageLine(state.message.text, width, symbols)}
        </Text>
      ) : notes !== null ? (
        // While the filter has a term that matches nothing, that is what the line says (not the keys).
        <Text {...theme.warning} wrap="truncate">
          {notes}
        </Text>
      ) : (
        <Text {...theme.hint}>{hintLine(hintsFor(state), width, symbols)}</Text>
      )}
    </Box>
  );
}
