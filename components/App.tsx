import { Box, Text, useApp, useInput, useStdout } from 'ink';
import { useEffect, useReducer, type Dispatch } from 'react';
import type { LoadSession } from '../src/ingest/load-session.js';
import { keyNames } from '../src/tui/key-names.js';
import { prepareFuzzySearch } from '../src/query/compile.js';
import { warmSensitiveRules } from '../src/insights/risk.js';
import { warmTargetLines } from '../src/query/target-labels.js';
import { warmPalette } from '../src/tui/questions-palette.js';
import { frameHeight, isTooSmall, MIN_SIZE, reducer, type Action, type AppState } from '../src/tui/state.js';
import { DetailsView } from './DetailsView.js';
import { EventTable } from './EventTable.js';
import { FilterMenu } from './FilterMenu.js';
import { ExportPrompt } from './ExportPrompt.js';
import { QuestionsPalette } from './QuestionsPalette.js';
import { CopyFallbackView } from './CopyFallbackView.js';
import { useSideEffects } from './use-side-effects.js';
import { Header } from './Header.js';
import { HelpView } from './HelpView.js';
import { InsightsView } from './InsightsView.js';
import { ProblemsView } from './ProblemsView.js';
import { SearchBar } from './SearchBar.js';
import { StatusBar } from './StatusBar.js';

/**
 * The explorer's root: the one input router (keys → keymap → reducer) and the frame. The frame
 * is one line shorter than the terminal: Ink redraws a full-height frame by clearing the whole
 * screen every time, which flickers over SSH.
 */
export function App({ initial, session, onResize }: { initial: AppState; session?: LoadSession; onResize?: () => void }) {
  const [state, dispatch] = useReducer(reducer, initial);
  useLoadRefresh(session, dispatch);
  const { exit } = useApp();
  const { stdout } = useStdout();
  useSideEffects(state, dispatch, stdout);

  // The one input router (also for the `/` bar, whose editing lives in the reducer).
  useInput((input, key) => {
    for (const name of keyNames(input, key)) dispatch({ type: 'key', name, now: Date.now() });
  });

  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit, exit]);

  useEffect(() => {
    const handleResize = () => {
      onResize?.();
      if (stdout.columns && stdout.rows) dispatch({ type: 'resize', columns: stdout.columns, rows: stdout.rows });
    };
    stdout.on('resize', handleResize);
    return () => {
      stdout.off('resize', handleResize);
    };
  }, [stdout, onResize]);

  const { columns } = state.size;
  if (isTooSmall(state.size)) {
    return (
      <Text wrap="truncate">{`Window too small (${columns}×${state.size.rows}); entra-audit needs ${MIN_SIZE.columns}×${MIN_SIZE.rows}. q quits.`}</Text>
    );
  }
  return (
    <Box flexDirection="column" width={columns} height={frameHeight(state.size)}>
      <Header state={state} />
      {state.mode === 'table' || state.mode === 'search' ? <EventTable state={state} /> : null}
      {state.mode === 'details' ? <DetailsView state={state} /> : null}
      {state.mode === 'help' ? <HelpView state={state} /> : null}
      {state.mode === 'problems' ? <ProblemsView state={state} /> : null}
      {state.mode === 'menu' ? <FilterMenu state={state} dispatch={dispatch} /> : null}
      {state.mode === 'export' ? <ExportPrompt state={state} dispatch={dispatch} /> : null}
      {state.mode === 'palette' ? <QuestionsPalette state={state} /> : null}
      {state.mode === 'copy' ? <CopyFallbackView state={state} /> : null}
      {state.mode === 'insights' ? <InsightsView state={state} /> : null}
      <Box flexGrow={1} />
      {state.mode === 'search' ? <SearchBar state={state} /> : <StatusBar state={state} />}
    </Box>
  );
}

/** How often a running load is folded into the view: often enough to feel live, rarely enough to cost nothing. */
const REFRESH_MS = 150;

/**
 * While a load runs, fold new events into the rows a few times a second (sorting the new ones is
 * linear work, so it is batched rather than done per arriving batch), and once more when it ends.
 */
function useLoadRefresh(session: LoadSession | undefined, dispatch: Dispatch<Action>): void {
  useEffect(() => {
    if (!session) return;
    let timer: NodeJS.Timeout | undefined;
    const refresh = () => {
      timer = undefined;
      shown ||= session.store.count > 0;
      session.store.sortNewEvents();
      const progress = session.progress();
      dispatch({
        type: 'refresh',
        problems: [...session.problems],
        problemCount: session.problemCount,
        sources: session.reports().map((r) => r.source),
        loading: progress.done ? null : progress,
        errors: [...session.errors],
      });
    };
    const schedule = () => {
      // Until something is on screen, show the first events the moment they arrive.
      timer ??= setTimeout(refresh, session.store.count > 0 && shown ? REFRESH_MS : 0);
    };
    let shown = false;
    const unsubscribe = session.onChange(schedule);
    // Keep the progress line (rate, time left) moving even between batches.
    const ticker = setInterval(() => {
      if (!session.progress().done) schedule();
    }, 500);
    // Work prepared in the background after a load, in small steps between keys; stopped on quit
    // (the store's files are closed then, and pending steps would keep the process alive).
    let stopped = false;
    const background: Array<NodeJS.Timeout> = [];
    const later = (work: () => void, ms = 5) => {
      if (!stopped) background.push(setTimeout(() => !stopped && work(), ms));
      if (background.length > 64) background.splice(0, background.length - 64);
    };
    void session.done.then(() => {
      refresh();
      // The fuzzy index costs ~0.1 s at a million events: build it now, not on the first keystroke.
      later(() => prepareFuzzySearch(session.store), 50);
      // Likewise the sensitive-operation rules (one activity a step), the target lists and the
      // questions' counts.
      later(() => warmSensitiveRules(session.store, later), 100);
      later(() => warmTargetLines(session.store, later), 150);
      later(() => warmPalette(session.store, later), 200);
    });
    refresh();
    return () => {
      stopped = true;
      for (const pending of background) clearTimeout(pending);
      unsubscribe();
      clearInterval(ticker);
      if (timer) clearTimeout(timer);
    };
  }, [session, dispatch]);
}
