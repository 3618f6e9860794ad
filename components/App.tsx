import { Box, Text, useApp, useInput, useStdout } from 'ink';
import { useEffect, useReducer } from 'react';
import { keyNames } from '../src/tui/key-names.js';
import { frameHeight, isTooSmall, MIN_SIZE, reducer, type AppState } from '../src/tui/state.js';
import { DetailsView } from './DetailsView.js';
import { EventTable } from './EventTable.js';
import { Header } from './Header.js';
import { HelpView } from './HelpView.js';
import { ProblemsView } from './ProblemsView.js';
import { StatusBar } from './StatusBar.js';

/**
 * The explorer's root: the one input router (keys → keymap → reducer) and the frame. The frame
 * is one line shorter than the terminal: Ink redraws a full-height frame by clearing the whole
 * screen every time, which flickers over SSH.
 */
export function App({ initial, onResize }: { initial: AppState; onResize?: () => void }) {
  const [state, dispatch] = useReducer(reducer, initial);
  const { exit } = useApp();
  const { stdout } = useStdout();

  useInput((input, key) => {
    for (const name of keyNames(input, key)) dispatch({ type: 'key', name });
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
      {state.mode === 'table' ? <EventTable state={state} /> : null}
      {state.mode === 'details' ? <DetailsView state={state} /> : null}
      {state.mode === 'help' ? <HelpView state={state} /> : null}
      {state.mode === 'problems' ? <ProblemsView state={state} /> : null}
      <Box flexGrow={1} />
      <StatusBar state={state} />
    </Box>
  );
}
