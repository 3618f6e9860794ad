import { Box, Text, useApp, useInput, useStdout } from 'ink';
import { useEffect, useMemo, useReducer, type Dispatch } from 'react';
import type { Action, AppState } from '../src/tui/app-state.js';
import { effectRuntime, type ColumnSaver, type EffectRuntime } from '../src/tui/effects.js';
import { keyNames } from '../src/tui/key-names.js';
import type { LiveLoad } from '../src/tui/live-load.js';
import { reducer } from '../src/tui/reducer.js';
import type { TerminalControl } from '../src/tui/suspend.js';
import { frameHeight, isTooSmall, MIN_SIZE } from '../src/view/layout.js';
import { ColumnPicker } from './ColumnPicker.js';
import { CopyFallbackView } from './CopyFallbackView.js';
import { DetailsView } from './DetailsView.js';
import { EventTable } from './EventTable.js';
import { ExportPrompt } from './ExportPrompt.js';
import { FilterMenu } from './FilterMenu.js';
import { Header } from './Header.js';
import { HelpView } from './HelpView.js';
import { InsightsView } from './InsightsView.js';
import { ProblemsView } from './ProblemsView.js';
import { QuestionsPalette } from './QuestionsPalette.js';
import { SearchBar } from './SearchBar.js';
import { StatusBar } from './StatusBar.js';
import { useSideEffects } from './use-side-effects.js';

/**
 * The explorer's root: the one input router (keys → reducer, which resolves them against the
 * keymap of the mode it is in) and the frame. The frame is one line shorter than the terminal:
 * Ink redraws a full-height frame by clearing the whole screen every time, which flickers over SSH.
 */
export function App({
  initial,
  load,
  onResize,
  temporaries,
  saveColumns,
  control,
}: {
  initial: AppState;
  load?: LiveLoad;
  onResize?: () => void;
  temporaries?: EffectRuntime['temporaries'];
  saveColumns?: ColumnSaver;
  control?: TerminalControl;
}) {
  const [state, dispatch] = useReducer(reducer, initial);
  useLoadRefresh(load, dispatch);
  const { exit } = useApp();
  const { stdout } = useStdout();
  const runtime = useMemo(() => effectRuntime(stdout, process.env, temporaries, control, saveColumns), [stdout, temporaries, control, saveColumns]);
  useSideEffects(state, dispatch, runtime);

  // The copy view's text is there to be selected with the mouse: the wheel gives the mouse back.
  const mouseWanted = state.mode !== 'copy';
  useEffect(() => control?.mouse(mouseWanted), [control, mouseWanted]);
  // Back from Ctrl-Z: the blank frame is drawn; now the real one, whole.
  useEffect(() => {
    if (state.repaint) dispatch({ type: 'repainted' });
  }, [state.repaint]);

  // The one input router: every key, in every mode and prompt, goes to the reducer in order.
  useInput((input, key) => {
    load?.noteKey?.();
    const now = Date.now();
    for (const name of keyNames(input, key)) dispatch({ type: 'key', name, now });
  });

  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit, exit]);

  // Typed into `/` on a large store: the key is on screen; apply the text now, unless another
  // key comes first (this effect is cleaned up and set again, so a burst is applied once).
  const applyLater = state.search.applyLater === true;
  useEffect(() => {
    if (!applyLater) return;
    const timer = setTimeout(() => dispatch({ type: 'applySearch', now: Date.now() }), 0);
    return () => clearTimeout(timer);
  }, [applyLater, state.search.editor]);

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
  if (state.repaint) return <Text> </Text>;
  if (isTooSmall(state.size)) {
    return <Text wrap="truncate">{`Window too small (${columns}×${state.size.rows}); entra-audit needs ${MIN_SIZE.columns}×${MIN_SIZE.rows}. q quits.`}</Text>;
  }
  return (
    <Box flexDirection="column" width={columns} height={frameHeight(state.size)}>
      <Header state={state} now={Date.now()} />
      {state.mode === 'table' || state.mode === 'search' || state.mode === 'find' ? <EventTable state={state} /> : null}
      {state.mode === 'details' ? <DetailsView state={state} /> : null}
      {state.mode === 'help' ? <HelpView state={state} /> : null}
      {state.mode === 'problems' ? <ProblemsView state={state} /> : null}
      {state.mode === 'menu' ? <FilterMenu state={state} /> : null}
      {state.mode === 'export' ? <ExportPrompt state={state} /> : null}
      {state.mode === 'palette' ? <QuestionsPalette state={state} /> : null}
      {state.mode === 'copy' ? <CopyFallbackView state={state} /> : null}
      {state.mode === 'insights' ? <InsightsView state={state} /> : null}
      {state.mode === 'columns' ? <ColumnPicker state={state} /> : null}
      <Box flexGrow={1} />
      {state.mode === 'search' || state.mode === 'find' ? <SearchBar state={state} prompt={state.mode} /> : <StatusBar state={state} />}
    </Box>
  );
}

/** How often a running load is folded into the view: often enough to feel live, rarely enough to cost nothing. */
const REFRESH_MS = 150;

/**
 * While a load runs, fold new events into the rows a few times a second (the store sorts the new
 * ones when the rows are computed, linear work, so it is batched rather than done per arriving
 * batch), and once more when it ends. The load warms its own indexes afterwards.
 */
function useLoadRefresh(load: LiveLoad | undefined, dispatch: Dispatch<Action>): void {
  useEffect(() => {
    if (!load) return;
    let timer: NodeJS.Timeout | undefined;
    let shown = false;
    const refresh = () => {
      timer = undefined;
      shown ||= load.store.count > 0;
      const progress = load.progress();
      dispatch({
        type: 'refresh',
        problems: [...load.problems],
        problemCount: load.problemCount,
        sources: load.sourceNames(),
        duplicates: load.duplicates,
        loading: progress.done ? null : progress,
        errors: [...load.errors],
        fromCache: load.fromCache,
      });
    };
    const schedule = () => {
      // Until something is on screen, show the first events the moment they arrive.
      timer ??= setTimeout(refresh, load.store.count > 0 && shown ? REFRESH_MS : 0);
    };
    const unsubscribe = load.onChange(schedule);
    // Keep the progress line (rate, time left) moving even between batches.
    const ticker = setInterval(() => {
      if (!load.progress().done) schedule();
    }, 500);
    // The session settles `done` whatever happened; a refresh either way shows how it ended.
    void load.done.then(refresh, refresh);
    refresh();
    return () => {
      unsubscribe();
      clearInterval(ticker);
      if (timer) clearTimeout(timer);
    };
  }, [load, dispatch]);
}
