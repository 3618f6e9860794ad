/**
 * The cap on one record's size, the same in every reading path (the streaming splitter, the
 * JSON Lines byte-range reader), so a record past it costs itself and nothing is held for it.
 */

/** A record larger than this (in characters, or bytes for UTF-8 lines) is skipped as a problem. */
export const DEFAULT_MAX_RECORD_CHARS = 64 * 1024 * 1024;

/** The problem of a record past the cap. */
export const recordTooLarge = (maxChars: number): string => `record larger than ${+(maxChars / 1024 / 1024).toFixed(2)} MB: skipped (--max-record-mb raises the cap)`;
