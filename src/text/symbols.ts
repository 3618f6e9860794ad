/**
 * The few non-ASCII glyphs the interface draws, with ASCII stand-ins for `--ascii` (terminals
 * without Unicode fonts, or pastes into tools that mangle them). Chosen once per run and passed
 * in options to whatever draws text, never kept in a module (tests draw both in one process).
 */
export interface Symbols {
  /** ASCII only (`--ascii`): also how bars are drawn (`#` instead of block elements). */
  ascii: boolean;
  ellipsis: string;
  separator: string;
  bullet: string;
  more: string;
  appMarker: string;
  /** Correlation groups: a closed and an open group's lead, a member row, "times". */
  groupClosed: string;
  groupOpen: string;
  groupMember: string;
  times: string;
  /** The table header's sort column: A→Z (oldest first), Z→A (newest first). */
  sortAscending: string;
  sortDescending: string;
  /** How a control character is made visible. */
  control(code: number): string;
}

const hex = (code: number) => code.toString(16).toUpperCase().padStart(4, '0');

export const UNICODE_SYMBOLS: Symbols = {
  ascii: false,
  ellipsis: '…',
  separator: ' · ',
  bullet: '•',
  more: '↓',
  appMarker: '⚙ ',
  groupClosed: '▸',
  groupOpen: '▾',
  groupMember: '└',
  times: '×',
  sortAscending: '▲',
  sortDescending: '▼',
  control: (code) => (code < 0x20 ? String.fromCharCode(0x2400 + code) : code === 0x7f ? '\u2421' : `\u27e8U+${hex(code)}\u27e9`),
};

export const ASCII_SYMBOLS: Symbols = {
  ascii: true,
  ellipsis: '...',
  separator: ' | ',
  bullet: '-',
  more: 'v',
  appMarker: 'app:',
  groupClosed: '+',
  groupOpen: '-',
  groupMember: '`-',
  times: 'x',
  sortAscending: '^',
  sortDescending: 'v',
  control: (code) => (code < 0x20 ? `^${String.fromCharCode(code + 0x40)}` : code === 0x7f ? '^?' : `<U+${hex(code)}>`),
};

/** The symbols for `--ascii` (or not). */
export const symbolsFor = (ascii: boolean): Symbols => (ascii ? ASCII_SYMBOLS : UNICODE_SYMBOLS);
