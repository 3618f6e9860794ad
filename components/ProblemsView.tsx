import { Box, Text } from 'ink';
import type { AppState } from '../src/tui/app-state.js';
import { bodyHeight } from '../src/view/layout.js';
import { problemsView } from '../src/view/text-views.js';

/** Records that could not be used: where (file:line) and why. */
export function ProblemsView({ state }: { state: AppState }) {
  const height = bodyHeight(state.size);
  const { theme, symbols } = state.options;
  const view = problemsView(state.problems, state.problemCount, state.errors, symbols);
  const shown = view.problems.slice(state.scroll.problems, state.scroll.problems + height);
  return (
    <Box flexDirection="column" width={state.size.columns} height={height + 1}>
      <Text {...theme.activeTab}>{view.title}</Text>
      {view.errors.map((error, index) => (
        <Text key={`error-${index}`} {...theme.bad} wrap="truncate">
          {error}
        </Text>
      ))}
      {view.empty ? <Text {...theme.dim}>Every record loaded.</Text> : null}
      {shown.map((problem, index) => (
        <Text key={state.scroll.problems + index} wrap="truncate">
          <Text {...theme.warning}>{problem.location}</Text>
          <Text>{problem.reason}</Text>
        </Text>
      ))}
    </Box>
  );
}
