/**
 * Keys typed between the first (text) frame and Ink taking over (~0.1 s on a cold start): they
 * go through the same keymap and reducer and the text frame is repainted, so a key pressed the
 * moment rows appear is answered at once instead of waiting for React and Ink to load.
 */
import { burstCharacterName, mouseReport } from './key-names.js';

const SEQUENCES: Record<string, string> = {
  '\u001b[A': 'up',
  '\u001b[B': 'down',
  '\u001b[C': 'right',
  '\u001b[D': 'left',
  '\u001bOA': 'up',
  '\u001bOB': 'down',
  '\u001b[5~': 'pageup',
  '\u001b[6~': 'pagedown',
  '\u001b[H': 'home',
  '\u001b[F': 'end',
  '\u001b[1~': 'home',
  '\u001b[4~': 'end',
  '\u001b[Z': 'shift+tab',
};

/** Key names in a raw chunk of terminal input (the common keys; anything else is skipped). */
export function rawKeyNames(chunk: string): string[] {
  const names: string[] = [];
  let i = 0;
  while (i < chunk.length) {
    if (chunk[i] === '\u001b') {
      const sequence = Object.keys(SEQUENCES).find((s) => chunk.startsWith(s, i));
      const mouse = sequence ? null : mouseReport(chunk.slice(i, i + 20));
      if (mouse) {
        if (mouse.key) names.push(mouse.key);
        i += mouse.length;
      } else if (sequence) {
        names.push(SEQUENCES[sequence]);
        i += sequence.length;
      } else {
        // A lone Esc, or a sequence we do not know: skip the rest rather than misread it.
        break;
      }
      continue;
    }
    // The same names a burst gets once Ink reads the keys; other control characters are no key.
    const name = burstCharacterName(chunk[i++]);
    if (name.length > 1 || name >= ' ') names.push(name);
  }
  return names;
}

/**
 * Listen for keys until `stop()`. Reads the way Ink does ('readable' and read()), so the stream
 * is in the same mode when Ink takes it over: mixing in 'data' listeners left Ink's reads slow.
 */
export function listenForEarlyKeys(stream: NodeJS.ReadStream, onKey: (name: string) => void): { stop(): void } {
  const onReadable = () => {
    let chunk: Buffer | string | null;
    while ((chunk = stream.read() as Buffer | string | null) !== null) {
      for (const name of rawKeyNames(chunk.toString())) onKey(name);
    }
  };
  stream.on('readable', onReadable);
  return {
    stop() {
      stream.off('readable', onReadable);
    },
  };
}
