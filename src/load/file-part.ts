/** What a unit that is one byte range of a big file (JSON Lines lines, array elements) says about itself. */
import type { LinePrefilterSpec } from './line-prefilter.js';

export interface FilePart {
  path: string;
  /** The byte range it holds (the last part's to the end of the file). */
  start: number;
  end: number;
  part: number;
  parts: number;
  /** The file's first few hundred KB, read on the main thread at once: the first rows on screen. */
  head?: boolean;
  /** A record longer than this is skipped as a problem (--max-record-mb). */
  maxRecordBytes?: number;
  /** Parse only the records this finds (see query/text-prefilter.ts); the rest are counted as unread. */
  prefilter?: LinePrefilterSpec;
}
