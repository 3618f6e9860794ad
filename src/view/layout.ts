/**
 * Screen regions, in lines, for the explorer's frame: what every view is given to fill. The
 * frame is one line shorter than the terminal (Ink redraws a full-height frame by clearing the
 * whole screen every time, which flickers over SSH).
 */
export interface ScreenSize {
  columns: number;
  rows: number;
}

export const CHROME = { header: 3, tableHeader: 1, footer: 2 } as const;
export const MIN_SIZE = { columns: 60, rows: 15 } as const;

export function frameHeight(size: ScreenSize): number {
  return Math.max(1, size.rows - 1);
}

/** Lines for the body: the table's rows, the details' lines, a list's entries and its title. */
export function bodyHeight(size: ScreenSize): number {
  return Math.max(1, frameHeight(size) - CHROME.header - CHROME.tableHeader - CHROME.footer);
}

/** A picker's list lines (filter menu, questions): the body less the title line. */
export const pickerHeight = (size: ScreenSize): number => Math.max(1, bodyHeight(size) - 1);

export function isTooSmall(size: ScreenSize): boolean {
  return size.columns < MIN_SIZE.columns || size.rows < MIN_SIZE.rows;
}
