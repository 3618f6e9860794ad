/**
 * Ending by a signal mid-export must not leave the export's temporary file behind: Node's
 * default for SIGINT, SIGTERM and SIGHUP ends the process without running any `finally`. While
 * installed, those signals remove the temporaries synchronously and exit with the signal's
 * conventional code (130, 143, 129); any other exit through process.exit (the explorer's own
 * SIGTERM and SIGHUP handlers restore the screen and exit) removes them too, on 'exit'.
 */
import type { TemporaryFiles } from '../export/temporary-files.js';

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
type HandledSignal = keyof typeof EXIT_CODES;

/** Install the clean-up for `temporaries`; the returned function removes it again. */
export function removeTemporariesOnSignals(temporaries: TemporaryFiles): () => void {
  const onExit = () => temporaries.removeAll();
  const onSignal = (signal: HandledSignal) => {
    temporaries.removeAll();
    process.exit(EXIT_CODES[signal]);
  };
  const signals = Object.keys(EXIT_CODES) as HandledSignal[];
  process.on('exit', onExit);
  for (const signal of signals) process.on(signal, onSignal);
  return () => {
    process.off('exit', onExit);
    for (const signal of signals) process.off(signal, onSignal);
  };
}
