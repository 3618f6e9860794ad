/**
 * Deciding how to load each input. A plain UTF-8 JSON Lines file (the shape of large Graph,
 * collector and diagnostic exports) is cut into byte ranges at line ends, one per worker, and read
 * directly. A big plain UTF-8 top-level array of objects (the portal's download, `ConvertTo-Json`,
 * `jq -s`), or one envelope around such an array (a Graph page saved whole, a storage blob's
 * `{"records":[…]}`), is given byte ranges whose elements the main thread's scan finds as the load
 * runs (array-cutter.ts). Everything else (gzip, UTF-16, CSV, small arrays, stdin, pipes and
 * FIFOs) streams whole through the general path in one worker.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { inputName, type InputSpec } from '../ingest/inputs.js';
import type { SourceStamp } from '../model/sources.js';
import { firstLineDecides, looksLikeJsonLines } from '../ingest/json-lines.js';
import { detectEncoding, isGzip } from '../ingest/read-text.js';
import { envelopeOf, type ArrayEnvelope } from '../ingest/array-envelope.js';
import type { LoadUnit } from './load-unit.js';
import type { LinePrefilterSpec } from './line-prefilter.js';

/** Below this, splitting costs more (worker start-up) than it saves. */
const SPLIT_FROM_BYTES = 32 * 1024 * 1024;
/** See PlanOptions.prefilterFromBytes. */
const PREFILTER_FROM_BYTES = 32 * 1024 * 1024;
/**
 * The head of a JSON Lines file is parsed on the main thread straight away (a few ms), so the
 * first rows are on screen before the workers have even started.
 */
const HEAD_RANGE_BYTES = 128 * 1024;
const HEAD_BYTES = 64 * 1024;

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const read = readSync(fd, buffer, 0, length, position);
  return buffer.subarray(0, read);
}

/**
 * Is this the head of a plain (not compressed) UTF-8 JSON Lines file? A first line longer than
 * the head (a Graph page written as one line) is read on to its end, as far as LONG_LINE_BYTES:
 * an object alone on its line decides it, as it does for the streaming splitter.
 */
function isUtf8JsonLinesHead(head: Buffer, fd: number): boolean {
  if (isGzip(head) || detectEncoding(head).encoding !== 'utf-8') return false;
  const text = head.toString('utf8').replace(/^\uFEFF/, '').replace(/^\s+/, '');
  if (!text.startsWith('{')) return false;
  const [first, second] = text.split('\n', 2);
  if (second !== undefined) return looksLikeJsonLines(first, second);
  const end = newlineFrom(fd, head.length, LONG_LINE_BYTES);
  if (end === -1) return false;
  return firstLineDecides(readAt(fd, 0, end).toString('utf8'));
}

/** How far a first line, or a cut's line end, is looked for. */
const LONG_LINE_BYTES = 64 * 1024 * 1024;

/** The offset of the first line feed at or after `from`, looking at most `limit` bytes on; -1 when none. */
function newlineFrom(fd: number, from: number, limit: number): number {
  for (let at = from; at < from + limit; ) {
    const window = readAt(fd, at, 1 << 20);
    if (window.length === 0) return -1;
    const nl = window.indexOf(10);
    if (nl !== -1) return at + nl;
    at += window.length;
  }
  return -1;
}

/**
 * Is this the head of a plain UTF-8 top-level array of objects, or of one envelope around such an
 * array (then which)? A file of envelopes one a line (Graph pages, Event Hub batches) opens as one
 * does: it is JSON Lines, and split at its line ends instead.
 */
function utf8ArrayHead(head: Buffer, fd: number): { envelope: ArrayEnvelope | null } | null {
  if (isGzip(head) || detectEncoding(head).encoding !== 'utf-8') return null;
  if (/^(?:\uFEFF)?\s*\[\s*\{/.test(head.subarray(0, 4096).toString('utf8'))) return { envelope: null };
  const envelope = envelopeOf(head);
  return envelope && !isUtf8JsonLinesHead(head, fd) ? { envelope } : null;
}

/**
 * A split array's units hold this many bytes of elements: small enough that workers start while
 * the scan reads on, large enough that few start over (each new unit's strings cross to the main
 * thread anew: with 32 MB units a key while loading 1M audits waited 150-200 ms at p95, 53-97 now).
 */
const ARRAY_UNIT_BYTES = 128 * 1024 * 1024;

export interface PlanOptions {
  /** Bytes per unit of a split array (tests use small values). */
  arrayUnitBytes?: number;
  /** Split JSON Lines files from this size on (tests use small values). */
  splitFromBytes?: number;
  headBytes?: number;
  /** A text pre-filter for the lines of big files (see LoadOptions.prefilter); the head is always parsed. */
  prefilter?: LinePrefilterSpec;
  /** Pre-filter files from this size on (tests use small values): a smaller file is read whole in well under a second, problems and all. */
  prefilterFromBytes?: number;
}

export function planUnits(inputs: readonly InputSpec[], workers: number, options: PlanOptions = {}): LoadUnit[] {
  const splitFrom = options.splitFromBytes ?? SPLIT_FROM_BYTES;
  const headBytes = options.headBytes ?? HEAD_RANGE_BYTES;
  const prefilterFrom = options.prefilterFromBytes ?? PREFILTER_FROM_BYTES;
  const units: LoadUnit[] = [];
  for (const input of inputs) {
    if (input.kind === 'stdin' || input.kind === 'feed') {
      units.push({ kind: 'input', input });
      continue;
    }
    let fd: number;
    let size: number;
    try {
      // Only a regular file can be read at positions (and opened without waiting): a pipe, a
      // FIFO or a device (`query <(cat x)`, `mkfifo`) streams through the general path, once.
      const info = statSync(input.path);
      if (!info.isFile()) {
        units.push({ kind: 'input', input });
        continue;
      }
      size = info.size;
      fd = openSync(input.path, 'r');
    } catch {
      units.push({ kind: 'input', input }); // the general path reports why it cannot be read
      continue;
    }
    try {
      const head = readAt(fd, 0, HEAD_BYTES);
      const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
      const array = size >= splitFrom ? utf8ArrayHead(head, fd) : null;
      if (array) {
        const prefilter = options.prefilter !== undefined && size >= prefilterFrom ? options.prefilter : undefined;
        units.push(...arrayUnits(input.path, size, bom, headBytes, options.arrayUnitBytes ?? ARRAY_UNIT_BYTES, prefilter, array.envelope));
        continue;
      }
      if (!isUtf8JsonLinesHead(head, fd)) {
        units.push({ kind: 'input', input });
        continue;
      }
      const parts = size >= splitFrom ? Math.max(1, workers) : 1;
      const cuts = [bom];
      const headNewline = size > 2 * headBytes ? newlineFrom(fd, headBytes, LONG_LINE_BYTES) : -1;
      const hasHead = headNewline !== -1;
      if (hasHead) cuts.push(headNewline + 1);
      for (let k = 1; k < parts; k++) {
        const guess = Math.max(cuts[cuts.length - 1], Math.floor((size * k) / parts));
        const nl = newlineFrom(fd, guess, LONG_LINE_BYTES);
        // No line end in reach: keep fewer parts rather than cut inside a record.
        if (nl !== -1 && nl + 1 > cuts[cuts.length - 1] && nl + 1 < size) cuts.push(nl + 1);
      }
      cuts.push(size);
      for (let k = 0; k + 1 < cuts.length; k++) {
        const head = hasHead && k === 0;
        const prefilter = !head && options.prefilter !== undefined && size >= prefilterFrom ? { prefilter: options.prefilter } : {};
        units.push({ kind: 'lines', path: input.path, start: cuts[k], end: cuts[k + 1], part: k, parts: cuts.length - 1, head, ...prefilter });
      }
    } finally {
      closeSync(fd);
    }
  }
  return units;
}

/** A split array's units: the head (parsed at once, in-process), then ranges of `unitBytes`. */
function arrayUnits(path: string, size: number, bom: number, headBytes: number, unitBytes: number, prefilter: LinePrefilterSpec | undefined, envelope: ArrayEnvelope | null): LoadUnit[] {
  const starts = [bom];
  if (size > 2 * headBytes) starts.push(headBytes);
  for (let at = starts[starts.length - 1] + unitBytes; at < size; at += unitBytes) starts.push(at);
  return starts.map((start, part) => {
    const head = part === 0 && starts.length > 1;
    // As for JSON Lines, the head is always parsed whole (a query's first rows, its problems).
    const range = part === 0 ? { start: 0, textStart: bom } : { start };
    return { kind: 'elements', path, ...range, end: part + 1 < starts.length ? starts[part + 1] : size, part, parts: starts.length, head, ...(prefilter && !head ? { prefilter } : {}), ...(envelope ? { envelope } : {}) };
  });
}

export /** The inputs' total size (null with stdin: unknown) and each file's stamp, taken before reading it. */
function statInputs(inputs: readonly InputSpec[]): { totalBytes: number | null; stamps: Map<string, SourceStamp> } {
  let total: number | null = 0;
  const stamps = new Map<string, SourceStamp>();
  for (const input of inputs) {
    if (input.kind === 'stdin' || input.kind === 'feed') {
      total = null;
      continue;
    }
    try {
      const stats = statSync(input.path);
      // A pipe or device (`<(cat x)`, a FIFO) has no size to count down from, and no stamp.
      if (!stats.isFile()) {
        total = null;
        continue;
      }
      if (total !== null) total += stats.size;
      stamps.set(inputName(input), { size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino });
    } catch {
      // unreadable inputs are reported by their unit
    }
  }
  return { totalBytes: total, stamps };
}
