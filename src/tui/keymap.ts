/**
 * Every key the explorer answers, in one table: the input router looks keys up here and the
 * `?` overlay is drawn from it, so help cannot disagree with behaviour. Conventions follow
 * lnav / less / k9s (vim motions plus arrows, g/G, ? help, q back-or-quit). Esc is only ever
 * "back", with q and Backspace doing the same, so a slow link splitting an arrow key's escape
 * sequence can at worst step back, never act.
 */
import type { Pane } from '../model/audit-event.js';

export type Mode = 'table' | 'details' | 'help' | 'problems' | 'search' | 'menu' | 'export' | 'insights' | 'palette';

export type Command =
  | { type: 'move'; by: 'line' | 'page' | 'halfPage'; direction: 1 | -1 }
  | { type: 'jump'; to: 'first' | 'last' }
  | { type: 'switchPane'; pane?: Pane }
  | { type: 'openDetails' }
  | { type: 'back' }
  | { type: 'quit' }
  | { type: 'detailsTab'; direction: 1 | -1 }
  | { type: 'toggleHelp' }
  | { type: 'toggleProblems' }
  | { type: 'toggleSubstrate' }
  | { type: 'openSearch' }
  | { type: 'clearFilter' }
  | { type: 'pivot'; on: PivotField }
  | { type: 'filterBack' }
  | { type: 'openMenu' }
  | { type: 'toggleRiskLens' }
  | { type: 'toggleMark' }
  | { type: 'toggleMarksOnly' }
  | { type: 'copyEvent' }
  | { type: 'copyCommand' }
  | { type: 'openExport' }
  | { type: 'openInsights' }
  | { type: 'openPalette' };

/** Pivots: from the selected event to every event sharing this with it. */
export type PivotField = 'corr' | 'actor' | 'target' | 'ip';

export interface Binding {
  keys: string[];
  command: Command;
  modes: Mode[];
  /** One line in the help overlay; bindings sharing a line are listed together. */
  help: string;
}

const LISTS: Mode[] = ['table', 'details', 'problems', 'help'];

export const KEYMAP: readonly Binding[] = [
  { keys: ['j', 'down'], command: { type: 'move', by: 'line', direction: 1 }, modes: LISTS, help: 'Down one line' },
  { keys: ['k', 'up'], command: { type: 'move', by: 'line', direction: -1 }, modes: LISTS, help: 'Up one line' },
  { keys: ['pagedown', 'space', 'ctrl+f'], command: { type: 'move', by: 'page', direction: 1 }, modes: LISTS, help: 'Page down' },
  { keys: ['pageup', 'b', 'ctrl+b'], command: { type: 'move', by: 'page', direction: -1 }, modes: LISTS, help: 'Page up' },
  { keys: ['ctrl+d'], command: { type: 'move', by: 'halfPage', direction: 1 }, modes: LISTS, help: 'Half a page down' },
  { keys: ['ctrl+u'], command: { type: 'move', by: 'halfPage', direction: -1 }, modes: LISTS, help: 'Half a page up' },
  { keys: ['g', 'home'], command: { type: 'jump', to: 'first' }, modes: LISTS, help: 'First (newest) event / top' },
  { keys: ['G', 'end'], command: { type: 'jump', to: 'last' }, modes: LISTS, help: 'Last (oldest) event / bottom' },
  { keys: ['tab'], command: { type: 'switchPane' }, modes: ['table'], help: 'Next pane' },
  { keys: ['1'], command: { type: 'switchPane', pane: 'directory' }, modes: ['table', 'details'], help: 'Directory pane' },
  { keys: ['2'], command: { type: 'switchPane', pane: 'custom-security' }, modes: ['table', 'details'], help: 'Custom Security pane' },
  { keys: ['enter'], command: { type: 'openDetails' }, modes: ['table'], help: 'Open the selected event' },
  { keys: ['l', 'right', 'tab'], command: { type: 'detailsTab', direction: 1 }, modes: ['details'], help: 'Next details tab' },
  { keys: ['h', 'left', 'shift+tab'], command: { type: 'detailsTab', direction: -1 }, modes: ['details'], help: 'Previous details tab' },
  { keys: ['/'], command: { type: 'openSearch' }, modes: ['table'], help: 'Filter: fuzzy words and field terms (activity:, actor:, ip:, since:7d, …)' },
  { keys: ['f'], command: { type: 'openMenu' }, modes: ['table'], help: 'Filter menu: date range, service, category, activity, status, target, initiator, IP, correlation, with counts' },
  { keys: ['i'], command: { type: 'openInsights' }, modes: ['table'], help: 'Insights: timeline and top values for the current view' },
  { keys: [':'], command: { type: 'openPalette' }, modes: ['table'], help: "Questions admins ask (users changed, passwords reset, app credentials, …) with live counts; Enter applies one" },
  { keys: ['x'], command: { type: 'clearFilter' }, modes: ['table'], help: 'Clear the filter' },
  { keys: ['backspace'], command: { type: 'filterBack' }, modes: ['table'], help: 'Back to the previous filter' },
  { keys: ['c'], command: { type: 'pivot', on: 'corr' }, modes: ['table', 'details'], help: 'Pivot: same correlation ID (the whole operation)' },
  { keys: ['a'], command: { type: 'pivot', on: 'actor' }, modes: ['table', 'details'], help: 'Pivot: same initiator' },
  { keys: ['t'], command: { type: 'pivot', on: 'target' }, modes: ['table', 'details'], help: 'Pivot: same (first) target' },
  { keys: ['p'], command: { type: 'pivot', on: 'ip' }, modes: ['table', 'details'], help: 'Pivot: same IP address' },
  { keys: ['r'], command: { type: 'toggleRiskLens' }, modes: ['table'], help: 'Only sensitive operations (! high, ~ medium in the left column; risk:high in queries)' },
  { keys: ['m'], command: { type: 'toggleMark' }, modes: ['table', 'details'], help: 'Mark / unmark the selected event (* in the left column)' },
  { keys: ['M'], command: { type: 'toggleMarksOnly' }, modes: ['table'], help: 'Only marked events' },
  { keys: ['e'], command: { type: 'openExport' }, modes: ['table'], help: 'Export this view (or the marked events) to CSV, JSON or NDJSON, with SHA-256 receipt' },
  { keys: ['y'], command: { type: 'copyEvent' }, modes: ['table', 'details'], help: 'Copy the selected event as JSON (OSC 52: works over SSH and in tmux)' },
  { keys: ['Y'], command: { type: 'copyCommand' }, modes: ['table', 'details'], help: 'Copy a command line that reopens this view (files, pane, filter)' },
  { keys: ['s'], command: { type: 'toggleSubstrate' }, modes: ['table'], help: 'Hide/show Microsoft Substrate Management write-backs' },
  { keys: ['P'], command: { type: 'toggleProblems' }, modes: ['table', 'problems'], help: 'Load problems (file:line and reason)' },
  { keys: ['?'], command: { type: 'toggleHelp' }, modes: ['table', 'details', 'problems', 'help'], help: 'This help' },
  { keys: ['escape', 'q', 'backspace'], command: { type: 'back' }, modes: ['details', 'help', 'problems'], help: 'Back' },
  { keys: ['q'], command: { type: 'quit' }, modes: ['table'], help: 'Quit' },
  { keys: ['ctrl+c'], command: { type: 'quit' }, modes: ['table', 'details', 'help', 'problems'], help: 'Quit from anywhere' },
];

/** The command a key means in a mode, if any. */
export function commandFor(mode: Mode, key: string): Command | undefined {
  return KEYMAP.find((binding) => binding.modes.includes(mode) && binding.keys.includes(key))?.command;
}

/** How a key is shown in help: `ctrl+d` → `Ctrl-d`, `pagedown` → `PgDn`. */
export function keyLabel(key: string): string {
  const names: Record<string, string> = {
    down: '↓',
    up: '↑',
    left: '←',
    right: '→',
    pagedown: 'PgDn',
    pageup: 'PgUp',
    home: 'Home',
    end: 'End',
    enter: 'Enter',
    escape: 'Esc',
    tab: 'Tab',
    'shift+tab': 'Shift-Tab',
    backspace: 'Backspace',
    space: 'Space',
  };
  if (names[key]) return names[key];
  if (key.startsWith('ctrl+')) return `Ctrl-${key.slice(5)}`;
  return key;
}
