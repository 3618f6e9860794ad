/**
 * Every key the explorer answers, in one table: the input router looks keys up here and the
 * `?` overlay is drawn from it, so help cannot disagree with behaviour. Conventions follow
 * lnav / less / k9s (vim motions plus arrows, g/G, ? help, q back-or-quit). Esc is only ever
 * "back", with q and Backspace doing the same, so a slow link splitting an arrow key's escape
 * sequence can at worst step back, never act. The keymap in force (these defaults, or as the
 * config file remaps them) travels in the explorer's options; nothing here changes.
 */
import { PANE_LABELS, PANES, type Pane } from '../model/pane.js';

export type Mode = 'table' | 'details' | 'help' | 'problems' | 'search' | 'find' | 'menu' | 'export' | 'insights' | 'palette' | 'copy' | 'columns';

/** Every mode: for the keys that work whatever is open (Ctrl-C, Ctrl-Z). */
const ALL_MODES: Mode[] = ['table', 'details', 'help', 'problems', 'search', 'find', 'menu', 'export', 'insights', 'palette', 'copy', 'columns'];

export type Command =
  | { type: 'move'; by: 'line' | 'page' | 'halfPage' | 'wheel'; direction: 1 | -1 }
  | { type: 'jump'; to: 'first' | 'last' }
  | { type: 'switchPane'; pane?: Pane }
  | { type: 'openDetails' }
  | { type: 'back' }
  | { type: 'quit' }
  | { type: 'detailsTab'; direction: 1 | -1 }
  | { type: 'toggleFullValues' }
  | { type: 'toggleHelp' }
  | { type: 'toggleProblems' }
  | { type: 'toggleSubstrate' }
  | { type: 'openSearch' }
  /** `F`: find in the view without filtering it; `n` / `N`: the next / previous hit. */
  | { type: 'openFind' }
  | { type: 'findNext'; direction: 1 | -1 }
  /** In details: the next / previous event of the view, on the same tab. */
  | { type: 'stepEvent'; direction: 1 | -1 }
  /** Ctrl-Z: give the terminal back to the shell until `fg`. */
  | { type: 'suspend' }
  | { type: 'clearFilter' }
  | { type: 'pivot'; on: PivotField }
  | { type: 'signInPivot' }
  | { type: 'filterBack' }
  | { type: 'openMenu' }
  | { type: 'toggleRiskLens' }
  | { type: 'toggleUnusualLens' }
  | { type: 'toggleMark' }
  | { type: 'toggleMarksOnly' }
  | { type: 'copyEvent' }
  | { type: 'copyCommand' }
  | { type: 'openExport' }
  | { type: 'openInsights' }
  | { type: 'openPalette' }
  | { type: 'toggleGroups' }
  | { type: 'expandGroup'; open: boolean }
  /** In the pickers (filter menu, questions, insights) and the export prompt. */
  | { type: 'choose' }
  | { type: 'section'; direction: 1 | -1 }
  | { type: 'markValue' }
  | { type: 'invertChoice' }
  /** A picker's list: type to narrow it (tui/list-filter.ts). */
  | { type: 'filterList' }
  /** The filter menu's values: most frequent first → rarest first → by name. */
  | { type: 'cycleOrder' }
  /** The insights timeline: smaller (1) or larger (-1) buckets. */
  | { type: 'zoomTimeline'; direction: 1 | -1 }
  | { type: 'nextField' }
  /** The table's columns and sort: the `C` picker, `<` `>` the sort column, `R` reverses. */
  | { type: 'openColumns' }
  | { type: 'moveSort'; direction: 1 | -1 }
  | { type: 'reverseSort' }
  /** In the `C` picker: show / hide the column under the cursor, sort by it. */
  | { type: 'toggleColumn' }
  | { type: 'sortByColumn' };

/** Pivots: from the selected event to every event sharing this with it. */
export type PivotField = 'corr' | 'actor' | 'target' | 'ip';

export interface Binding {
  /** A stable name for the config file's `keys` section (remapping replaces its keys). */
  action: string;
  keys: string[];
  command: Command;
  modes: Mode[];
  /** One line in the help overlay; bindings sharing a line are listed together. */
  help: string;
}

/** Modes that are lists or scrolled text: the motion keys work the same in each. */
const LISTS: Mode[] = ['table', 'details', 'problems', 'help', 'menu', 'palette', 'insights', 'copy', 'columns'];
/** Overlays that close with Esc / q / Backspace. */
const OVERLAYS: Mode[] = ['details', 'help', 'problems', 'menu', 'palette', 'insights', 'copy', 'columns'];
const PICKERS: Mode[] = ['menu', 'palette', 'insights'];

/** The action that quits whatever is open or marked, at once (Ctrl-C): never asks. */
export const QUIT_ANYWHERE = 'quit-anywhere';
/** The action that suspends to the shell from anywhere, prompts included (Ctrl-Z). */
export const SUSPEND_ANYWHERE = 'suspend';

const DEFAULT_KEYMAP: readonly Binding[] = [
  { action: 'down', keys: ['j', 'down'], command: { type: 'move', by: 'line', direction: 1 }, modes: LISTS, help: 'Down one line' },
  { action: 'up', keys: ['k', 'up'], command: { type: 'move', by: 'line', direction: -1 }, modes: LISTS, help: 'Up one line' },
  { action: 'page-down', keys: ['pagedown', 'space', 'ctrl+f'], command: { type: 'move', by: 'page', direction: 1 }, modes: ['table', 'details', 'problems', 'help', 'palette', 'insights', 'copy'], help: 'Page down' },
  { action: 'page-down', keys: ['pagedown', 'ctrl+f'], command: { type: 'move', by: 'page', direction: 1 }, modes: ['menu'], help: 'Page down' },
  { action: 'page-up', keys: ['pageup', 'b', 'ctrl+b'], command: { type: 'move', by: 'page', direction: -1 }, modes: LISTS, help: 'Page up' },
  { action: 'half-page-down', keys: ['ctrl+d'], command: { type: 'move', by: 'halfPage', direction: 1 }, modes: ['table', 'details', 'problems', 'help'], help: 'Half a page down' },
  { action: 'half-page-up', keys: ['ctrl+u'], command: { type: 'move', by: 'halfPage', direction: -1 }, modes: ['table', 'details', 'problems', 'help'], help: 'Half a page up' },
  // Three lines a notch, as terminals scroll their own scrollback (SGR mouse reporting, wheel only).
  { action: 'wheel-down', keys: ['wheeldown'], command: { type: 'move', by: 'wheel', direction: 1 }, modes: LISTS, help: 'Mouse wheel: down three lines (hold Shift to select text with the mouse)' },
  { action: 'wheel-up', keys: ['wheelup'], command: { type: 'move', by: 'wheel', direction: -1 }, modes: LISTS, help: 'Mouse wheel: up three lines' },
  { action: 'first', keys: ['g', 'home'], command: { type: 'jump', to: 'first' }, modes: LISTS, help: 'First (newest) event / top' },
  { action: 'last', keys: ['G', 'end'], command: { type: 'jump', to: 'last' }, modes: LISTS, help: 'Last (oldest) event / bottom' },
  { action: 'next-pane', keys: ['tab'], command: { type: 'switchPane' }, modes: ['table'], help: 'Next pane' },
  // 1, 2, …: one key per pane, in tab order (action ids `directory-pane`, `custom-security-pane`, …).
  ...PANES.map((pane, index): Binding => ({ action: `${pane}-pane`, keys: [String(index + 1)], command: { type: 'switchPane', pane }, modes: ['table', 'details'], help: `${PANE_LABELS[pane]} pane` })),
  { action: 'open', keys: ['enter'], command: { type: 'openDetails' }, modes: ['table'], help: 'Open the selected event' },
  { action: 'choose', keys: ['enter'], command: { type: 'choose' }, modes: [...PICKERS, 'columns', 'export'], help: 'Choose / apply (filter menu, questions, insights, columns), write (export)' },
  { action: 'next-event', keys: [']', 'J'], command: { type: 'stepEvent', direction: 1 }, modes: ['details'], help: 'Details: the next (older) event of the view, same tab' },
  { action: 'previous-event', keys: ['[', 'K'], command: { type: 'stepEvent', direction: -1 }, modes: ['details'], help: 'Details: the previous (newer) event of the view, same tab' },
  { action: 'next-tab', keys: ['l', 'right', 'tab'], command: { type: 'detailsTab', direction: 1 }, modes: ['details'], help: 'Next details tab' },
  { action: 'full-values', keys: ['f'], command: { type: 'toggleFullValues' }, modes: ['details'], help: 'Details: long values in full (cut at 4,096 characters otherwise; the cut says how much is left)' },
  { action: 'previous-tab', keys: ['h', 'left', 'shift+tab'], command: { type: 'detailsTab', direction: -1 }, modes: ['details'], help: 'Previous details tab' },
  { action: 'next-section', keys: ['tab', 'l', 'right'], command: { type: 'section', direction: 1 }, modes: ['insights'], help: 'Next section (the unusual values, the timeline, then each top list)' },
  { action: 'previous-section', keys: ['shift+tab', 'h', 'left'], command: { type: 'section', direction: -1 }, modes: ['insights'], help: 'Previous section' },
  { action: 'search', keys: ['/'], command: { type: 'openSearch' }, modes: ['table'], help: 'Filter: fuzzy words and field terms (activity:, actor:, ip:, since:7d, …); results follow the typing' },
  { action: 'find', keys: ['F'], command: { type: 'openFind' }, modes: ['table'], help: 'Find in the view without filtering it (same language as /): the cursor goes to the first hit after it' },
  { action: 'find-next', keys: ['n'], command: { type: 'findNext', direction: 1 }, modes: ['table', 'details'], help: 'Next hit of the find (wraps; "hit 3 of 17" in the status line)' },
  { action: 'find-previous', keys: ['N'], command: { type: 'findNext', direction: -1 }, modes: ['table', 'details'], help: 'Previous hit of the find' },
  { action: 'filter-menu', keys: ['f'], command: { type: 'openMenu' }, modes: ['table'], help: 'Filter menu: date range, service, category, activity, status, target, initiator, IP, correlation, with counts' },
  { action: 'mark-value', keys: ['space'], command: { type: 'markValue' }, modes: ['menu'], help: 'Filter menu: mark a value (several values: either matches)' },
  { action: 'exclude-values', keys: ['-', '!'], command: { type: 'invertChoice' }, modes: ['menu'], help: 'Filter menu: exclude the chosen values instead' },
  { action: 'order-values', keys: ['o'], command: { type: 'cycleOrder' }, modes: ['menu'], help: 'Filter menu: order the values most frequent first → fewest first (the rare ones) → A to Z' },
  { action: 'filter-list', keys: ['/'], command: { type: 'filterList' }, modes: ['menu', 'palette'], help: 'Filter menu values, questions: type to narrow the list (every word, any case); Enter keeps it, Esc clears it' },
  { action: 'next-field', keys: ['tab', 'shift+tab'], command: { type: 'nextField' }, modes: ['menu', 'export'], help: 'Custom date range: since ↔ until; export: all events ↔ marked only' },
  { action: 'questions', keys: [':'], command: { type: 'openPalette' }, modes: ['table'], help: 'Questions admins ask (users changed, passwords reset, app credentials, …) with live counts; Enter applies one' },
  { action: 'insights', keys: ['i'], command: { type: 'openInsights' }, modes: ['table', 'insights'], help: 'Insights: timeline and top values for the current view (Enter narrows to a bucket or value)' },
  { action: 'zoom-in', keys: ['+', '='], command: { type: 'zoomTimeline', direction: 1 }, modes: ['insights'], help: 'Timeline: smaller buckets (1h → 15m → 5m → 1m), around the selected one' },
  { action: 'zoom-out', keys: ['-'], command: { type: 'zoomTimeline', direction: -1 }, modes: ['insights'], help: 'Timeline: larger buckets (1m → 5m → … → 1d → 7d)' },
  { action: 'clear-filter', keys: ['x'], command: { type: 'clearFilter' }, modes: ['table'], help: 'Clear the filter' },
  { action: 'filter-back', keys: ['backspace', 'escape'], command: { type: 'filterBack' }, modes: ['table'], help: 'Back to the previous filter (the filter history)' },
  { action: 'pivot-correlation', keys: ['c'], command: { type: 'pivot', on: 'corr' }, modes: ['table', 'details'], help: 'Pivot: same correlation ID (the whole operation)' },
  { action: 'pivot-actor', keys: ['a'], command: { type: 'pivot', on: 'actor' }, modes: ['table', 'details'], help: 'Pivot: same initiator' },
  { action: 'pivot-target', keys: ['t'], command: { type: 'pivot', on: 'target' }, modes: ['table', 'details'], help: 'Pivot: same (first) target' },
  { action: 'pivot-ip', keys: ['p'], command: { type: 'pivot', on: 'ip' }, modes: ['table', 'details'], help: 'Pivot: same IP address, in every pane' },
  { action: 'pivot-sign-ins', keys: ['S'], command: { type: 'signInPivot' }, modes: ['table', 'details'], help: 'Pivot: the initiator\'s sign-ins 30 min before to 1 h after this change (from a sign-in: the user\'s changes)' },
  { action: 'group-operations', keys: ['o'], command: { type: 'toggleGroups' }, modes: ['table'], help: 'Group events sharing a correlation ID into one row: lead activity, count, time span (→ opens, ← closes)' },
  { action: 'expand-group', keys: ['right', 'l'], command: { type: 'expandGroup', open: true }, modes: ['table'], help: 'Grouped: open the operation under the cursor' },
  { action: 'collapse-group', keys: ['left', 'h'], command: { type: 'expandGroup', open: false }, modes: ['table'], help: 'Grouped: close it again' },
  { action: 'sensitive-only', keys: ['r'], command: { type: 'toggleRiskLens' }, modes: ['table'], help: 'Only sensitive operations (! high, ~ medium in the left column; risk:high in queries)' },
  { action: 'unusual-only', keys: ['u'], command: { type: 'toggleUnusualLens' }, modes: ['table'], help: 'Only events with an unusual IP, user agent or initiator (? in the left column; risk:unusual in queries; the list is in i and summary)' },
  { action: 'mark', keys: ['m'], command: { type: 'toggleMark' }, modes: ['table', 'details'], help: 'Mark / unmark the selected event (* in the left column)' },
  { action: 'marked-only', keys: ['M'], command: { type: 'toggleMarksOnly' }, modes: ['table'], help: 'Only marked events' },
  { action: 'export', keys: ['e'], command: { type: 'openExport' }, modes: ['table'], help: 'Export this view (or the marked events) to CSV, JSON or NDJSON, with a SHA-256 receipt' },
  { action: 'copy-event', keys: ['y'], command: { type: 'copyEvent' }, modes: ['table', 'details'], help: 'Copy the selected event as JSON (OSC 52: works over SSH and in tmux)' },
  { action: 'copy-command', keys: ['Y'], command: { type: 'copyCommand' }, modes: ['table', 'details'], help: 'Copy a command line that reopens this view (files, pane, filter)' },
  { action: 'columns', keys: ['C'], command: { type: 'openColumns' }, modes: ['table'], help: 'Columns: choose the columns of this pane (kept in the config file) and the sort' },
  { action: 'sort-left', keys: ['<'], command: { type: 'moveSort', direction: -1 }, modes: ['table'], help: 'Sort by the column to the left (Date: newest first)' },
  { action: 'sort-right', keys: ['>'], command: { type: 'moveSort', direction: 1 }, modes: ['table'], help: 'Sort by the column to the right' },
  { action: 'reverse-sort', keys: ['R'], command: { type: 'reverseSort' }, modes: ['table', 'columns'], help: 'Reverse the sort (A→Z / Z→A, newest / oldest first)' },
  { action: 'toggle-column', keys: ['space'], command: { type: 'toggleColumn' }, modes: ['columns'], help: 'Columns: show / hide the column under the cursor' },
  { action: 'sort-by-column', keys: ['s'], command: { type: 'sortByColumn' }, modes: ['columns'], help: 'Columns: sort by the column under the cursor (again: reverse)' },
  { action: 'write-backs', keys: ['s'], command: { type: 'toggleSubstrate' }, modes: ['table'], help: 'Hide/show Microsoft Substrate Management write-backs' },
  { action: 'problems', keys: ['P'], command: { type: 'toggleProblems' }, modes: ['table', 'problems'], help: 'Load problems (file:line and reason)' },
  { action: 'help', keys: ['?'], command: { type: 'toggleHelp' }, modes: ['table', 'details', 'problems', 'help', 'insights', 'palette', 'columns'], help: 'This help' },
  { action: 'back', keys: ['escape', 'q', 'backspace'], command: { type: 'back' }, modes: OVERLAYS, help: 'Back' },
  { action: 'back', keys: ['escape'], command: { type: 'back' }, modes: ['export'], help: 'Back' },
  { action: 'quit', keys: ['q'], command: { type: 'quit' }, modes: ['table'], help: 'Quit' },
  { action: QUIT_ANYWHERE, keys: ['ctrl+c'], command: { type: 'quit' }, modes: ALL_MODES, help: 'Quit from anywhere' },
  { action: SUSPEND_ANYWHERE, keys: ['ctrl+z'], command: { type: 'suspend' }, modes: ALL_MODES, help: 'Suspend to the shell (fg comes back to the same screen)' },
];

/** Every action id, for checking the config file's `keys` section. */
export const ACTIONS: readonly string[] = [...new Set(DEFAULT_KEYMAP.map((binding) => binding.action))];

export { DEFAULT_KEYMAP };

/** The binding a key has in a mode under `keymap` (the defaults, or as the config file remapped them), if any. */
export function bindingFor(keymap: readonly Binding[], mode: Mode, key: string): Binding | undefined {
  return keymap.find((binding) => binding.modes.includes(mode) && binding.keys.includes(key));
}

/** The command a key means in a mode, if any. */
export const commandFor = (keymap: readonly Binding[], mode: Mode, key: string): Command | undefined => bindingFor(keymap, mode, key)?.command;


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
    wheeldown: 'Wheel↓',
    wheelup: 'Wheel↑',
  };
  if (names[key]) return names[key];
  if (key.startsWith('ctrl+')) return `Ctrl-${key.slice(5)}`;
  return key;
}
