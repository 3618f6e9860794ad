import { Box, Text } from 'ink';
import { formatProblemLocation } from '../src/model/loaded-event.js';
import { sanitize } from '../src/text/sanitize.js';
import { bodyHeight, type AppState } from '../src/tui/state.js';
import { styleFor } from './theme.js';

/** Records that could not be used: where (file:line) and why. */
export function ProblemsView({ state }: { state: AppState }) {
  const height = bodyHeight(state.size);
  const color = state.options.color;
  const shown = state.problems.slice(state.scroll.problems, state.scroll.problems + height);
  const kept = state.problems.length < state.problemCount ? ` (first ${state.problems.length} kept)` : '';
  return (
    <Box flexDirection="column" width={state.size.columns} height={height + 1}>
      <Text {...styleFor('activeTab', color)}>{` Load problems: ${state.problemCount}${kept} `}</Text>
      {state.errors.map((error, index) => (
        <Text key={`error-${index}`} {...styleFor('bad', color)} wrap="truncate">
          {sanitize(error.split('\n')[0])}
        </Text>
      ))}
      {state.problems.length === 0 && state.errors.length === 0 ? <Text {...styleFor('dim', color)}>Every record loaded.</Text> : null}
      {shown.map((problem, index) => (
        <Text key={state.scroll.problems + index} wrap="truncate">
          <Text {...styleFor('warning', color)}>{sanitize(formatProblemLocation(problem))}</Text>
          <Text>{`  ${sanitize(problem.reason)}`}</Text>
        </Text>
      ))}
    </Box>
  );
}
