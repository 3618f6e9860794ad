/**
 * Bounded cost for inputs that are not exports: a source must give its first event within a
 * sniff of its (decompressed) text, and decompression may not run away from the records. Without
 * this, `/dev/zero`, 10 GB of spaces or a gzip bomb kept the loader busy forever.
 *
 * Figures (gzip -6, measured on `entra-audit sample --events 100000`): JSON Lines 8.0×, a
 * one-line Graph page 8.0×, the same page pretty-printed 10.2× (gzip -9: 8.3×); real exports are
 * quoted at 10–25×. A bomb inflates ~1,000× (deflate's limit is ~1,032×).
 */
import { unknownFormatMessage } from './classify.js';

/** Decoded text without a single event after which a source is refused (2× the record cap). */
const SNIFF_BYTES = 128 * 1024 * 1024;
/** Inflation above this (decoded ÷ compressed) is called a bomb in the messages: 4× the densest real export measured. */
const INFLATION_RATIO = 100;

/** A source refused before it gave an event: its message names the source and what was seen. */
export class RefusedInputError extends Error {}

const mb = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MB`;

export interface SniffState {
  source: string;
  /** Events produced so far (the sink counts them). */
  events(): number;
  /** Compressed bytes read so far, when the source is gzip; null when it is not. */
  compressed(): number | null;
  /** A problem for stopping after events had been produced (the rest of the source ignored). */
  stopped(offset: number, reason: string): void;
}

/**
 * The decompressed bytes of a source, passed through until the source gives no event for
 * `limit` bytes: refused when it never gave one; when it did, and what follows inflates more
 * than 100× (a bomb appended to an export), the rest is ignored with a problem.
 */
export async function* guardInflation(bytes: AsyncIterable<Buffer>, state: SniffState, limit = SNIFF_BYTES): AsyncGenerator<Buffer> {
  let decoded = 0;
  let sinceEvent = 0;
  let eventsSeen = 0;
  let compressedAtEvent = 0;
  for await (const chunk of bytes) {
    const events = state.events();
    if (events !== eventsSeen) {
      eventsSeen = events;
      sinceEvent = 0;
      compressedAtEvent = state.compressed() ?? 0;
    }
    if (sinceEvent + chunk.length > limit) {
      const compressed = state.compressed();
      const ratio = compressed === null ? 0 : (sinceEvent + chunk.length) / Math.max(1, compressed - compressedAtEvent);
      if (events === 0) {
        const seen = ratio > INFLATION_RATIO
          ? `decompresses to more than ${INFLATION_RATIO}× its size without a single record: not an export (stopped after ${mb(decoded)})`
          : `no record in the first ${mb(decoded)}: not an export`;
        throw new RefusedInputError(`${state.source}: ${seen}`);
      }
      if (ratio > INFLATION_RATIO) {
        state.stopped(decoded, `${mb(sinceEvent)} after the last record decompress to more than ${INFLATION_RATIO}× their size without a record: the rest was ignored (stopped at byte ${decoded} of the decompressed text)`);
        return;
      }
    }
    decoded += chunk.length;
    sinceEvent += chunk.length;
    yield chunk;
  }
}

export interface LeadingBlank {
  /** The first character that is not blank (whitespace or BOM), undefined for a blank input. */
  first: string | undefined;
  /** The whole text again, leading blanks included (as spaces and line breaks in the same places). */
  chunks: AsyncGenerator<string>;
}

const REPLAY_PIECE = 1 << 20;

/**
 * Look past leading whitespace of any length (a file padded with blank lines, one read chunk or
 * a hundred) to the first character that says what the document is, without holding the blank
 * text: it is replayed as the same number of characters with its line breaks where they were, so
 * line numbers and columns stay right. The inflation guard bounds how long this can look.
 */
export async function skipLeadingBlank(text: AsyncGenerator<string>): Promise<LeadingBlank> {
  let blank = 0;
  let newlines = 0;
  let afterLastNewline = 0;
  for (;;) {
    const next = await text.next();
    const chunk = next.done ? null : next.value;
    const at = chunk === null ? -1 : chunk.search(/\S/);
    if (chunk !== null && at === -1) {
      blank += chunk.length;
      const last = chunk.lastIndexOf('\n');
      if (last === -1) afterLastNewline += chunk.length;
      else {
        afterLastNewline = chunk.length - last - 1;
        for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) newlines++;
      }
      continue;
    }
    const replay = (async function* () {
      yield* blankText(blank - newlines - afterLastNewline, newlines, afterLastNewline);
      if (chunk !== null) {
        yield chunk;
        yield* text;
      }
    })();
    return { first: chunk === null ? undefined : chunk[at], chunks: replay };
  }
}

function* blankText(spacesBefore: number, newlines: number, spacesAfter: number): Generator<string> {
  for (const [char, count] of [[' ', spacesBefore], ['\n', newlines], [' ', spacesAfter]] as const) {
    for (let left = count; left > 0; left -= REPLAY_PIECE) yield char.repeat(Math.min(left, REPLAY_PIECE));
  }
}

/** A first character that no text export starts with (NUL and other control characters): binary data. */
export function binaryStart(source: string, first: string): string | null {
  const code = first.charCodeAt(0);
  if (code >= 0x20 && code !== 0x7f) return null;
  const hex = code.toString(16).padStart(2, '0');
  return unknownFormatMessage(source, `binary data, not text: it starts with the control character 0x${hex}`);
}
