/**
 * The `f` menu's keys. Its lists are drawn with ink-select-input and its custom range with
 * ink-text-input, but every key comes through the app's one router (here), so keys arriving in a
 * burst move the cursor, type the dates and press Enter as many times, and in the order, pressed.
 */
import { pickerHeight } from '../../view/layout.js';
import { PANE_DEFINITIONS } from '../../view/panes.js';
import { tryFilter } from '../apply-filter.js';
import type { AppState, FilterMenu } from '../app-state.js';
import { applyDates, applyValues, customDateTerms, datesStage, NEXT_ORDER, pickedValues, removalText, stageItems, START, toggleChosen, valuesStage, type MenuContext, type MenuItem } from '../filter-menu.js';
import { commandFor, type Command } from '../keymap.js';
import { clearListFilter, listHeight, startListFilter, typeInList } from '../list-filter.js';
import { editLine, newLineEditor, rememberIn } from '../line-editor.js';
import { lensKeep } from '../rows.js';
import { movedCursor } from './pickers.js';

export const openMenu = (state: AppState): AppState => ({ ...state, mode: 'menu', menu: { stage: 'filters', ...START } });

export function menuContext(state: AppState, now: number): MenuContext {
  const active = state.filter.active;
  return {
    index: state.indexes.query,
    pane: state.pane,
    facets: PANE_DEFINITIONS[state.pane].facets,
    keep: lensKeep(state, state),
    filterText: state.filter.text,
    query: active?.query ?? null,
    terms: active?.terms ?? [],
    now,
  };
}

/** The lines of the menu's current list (the component draws them). */
export const menuItems = (state: AppState): MenuItem[] => (state.menu ? stageItems(state.menu, state.filter.active?.query ?? null, PANE_DEFINITIONS[state.pane].facets) : []);

/** A filter built in the menu is applied like any other (and recorded in the history); the menu closes. Why not, when it does not apply. */
function applyFromMenu(state: AppState, text: string, now: number): AppState | { error: string } {
  const outcome = tryFilter(state, text, now);
  return outcome.ok ? { ...outcome.state, mode: 'table', menu: null } : { error: outcome.error.message };
}

function choose(state: AppState, menu: FilterMenu, value: string, now: number): AppState {
  const context = menuContext(state, now);
  const applied = (text: string) => {
    const result = applyFromMenu(state, text, now);
    return 'error' in result ? state : result;
  };
  switch (menu.stage) {
    case 'filters': {
      if (value === 'date') return { ...state, menu: datesStage(context) };
      if (value === 'clear' || value.startsWith('remove:')) {
        const text = removalText(context, value);
        return text === null ? state : applied(text);
      }
      const stage = valuesStage(context, value);
      return stage ? { ...state, menu: stage } : state;
    }
    case 'values':
      return applied(applyValues(context, menu, value));
    case 'dates': {
      const option = menu.options[Number(value)];
      if (!option) return state;
      if (option.terms === null) {
        const { since, until } = state.promptHistory;
        return { ...state, menu: { stage: 'customDate', since: newLineEditor('', since), until: newLineEditor('', until), focus: 'since', error: null } };
      }
      return applied(applyDates(context, option.terms));
    }
    case 'customDate':
      return state;
  }
}

/**
 * The custom range: two line editors. The keymap's next-field (Tab) switches and choose (Enter)
 * applies; the rest is typing (Esc, the editor's cancel, goes back to the filters; q, j and k are letters here).
 */
function customDateKey(state: AppState, menu: FilterMenu & { stage: 'customDate' }, key: string, now: number): AppState {
  const command = commandFor(state.options.keymap, 'menu', key);
  if (command?.type === 'nextField') return { ...state, menu: { ...menu, focus: menu.focus === 'since' ? 'until' : 'since' } };
  const { editor, outcome } = command?.type === 'choose' ? { editor: menu[menu.focus], outcome: 'submit' as const } : editLine(menu[menu.focus], key);
  if (outcome === 'cancel') return { ...state, menu: { stage: 'filters', ...START } };
  if (outcome === 'submit') {
    const result = applyFromMenu(state, applyDates(menuContext(state, now), customDateTerms(menu.since.text, menu.until.text)), now);
    if ('error' in result) return { ...state, menu: { ...menu, error: result.error } };
    const promptHistory = { ...result.promptHistory, since: rememberIn(result.promptHistory.since, menu.since.text), until: rememberIn(result.promptHistory.until, menu.until.text) };
    return { ...result, promptHistory };
  }
  if (outcome === 'ignored') return state;
  return { ...state, menu: { ...menu, [menu.focus]: editor, error: outcome === 'changed' ? null : menu.error } };
}

type ValuesMenu = FilterMenu & { stage: 'values' };

/** The values list after its order or filter changed: picked again from the counts it keeps (nothing is counted again). */
const repicked = (state: AppState, menu: ValuesMenu): AppState => ({ ...state, menu: { ...menu, shown: pickedValues(state.indexes.query, menu) } });

/** A key while the values list's filter line is typed into (letters are text here, not commands). */
function valuesFilterKey(state: AppState, menu: ValuesMenu, key: string): AppState {
  const how = { keymap: state.options.keymap, mode: 'menu' as const, count: menu.shown.values.length, height: listHeight(state.size, menu.filter) };
  const { list, outcome } = typeInList(menu, key, how);
  if (outcome === 'none') return state;
  return outcome === 'narrowed' ? repicked(state, list) : { ...state, menu: list };
}

export function menuKey(state: AppState, key: string, now: number): AppState {
  const menu = state.menu;
  if (menu?.stage === 'customDate') return customDateKey(state, menu, key, now);
  if (menu?.stage === 'values' && menu.filter?.typing) return valuesFilterKey(state, menu, key);
  const command = commandFor(state.options.keymap, 'menu', key);
  return command ? menuCommand(state, command, now) : state;
}

/** The values list's own commands: `/` types a filter, `o` changes the order, Esc clears a filter before it goes back. */
function valuesCommand(state: AppState, menu: ValuesMenu, command: Command): AppState | null {
  if (command.type === 'filterList') return { ...state, menu: { ...menu, filter: startListFilter(menu.filter) } };
  if (command.type === 'cycleOrder') return repicked(state, { ...menu, order: NEXT_ORDER[menu.order], ...START });
  if (command.type === 'back') {
    const cleared = clearListFilter(menu);
    return cleared ? repicked(state, cleared) : null;
  }
  return null;
}

export function menuCommand(state: AppState, command: Command, now: number): AppState {
  const menu = state.menu;
  if (command.type === 'quit') return { ...state, quit: true };
  if (!menu || menu.stage === 'customDate') return menu ? state : { ...state, mode: 'table' };
  const own = menu.stage === 'values' ? valuesCommand(state, menu, command) : null;
  if (own) return own;
  if (command.type === 'back') {
    if (menu.stage === 'filters') return { ...state, mode: 'table', menu: null };
    return { ...state, menu: { stage: 'filters', ...START } };
  }
  const items = menuItems(state);
  const item = items[menu.cursor];
  if (command.type === 'choose') return item ? choose(state, menu, item.value, now) : state;
  if (menu.stage === 'values') {
    if (command.type === 'markValue' && item) return { ...state, menu: toggleChosen(menu, item.value) };
    if (command.type === 'invertChoice') return { ...state, menu: { ...menu, exclude: !menu.exclude } };
  }
  const moved = movedCursor(menu, command, items.length, menu.stage === 'values' ? listHeight(state.size, menu.filter) : pickerHeight(state.size));
  return moved ? { ...state, menu: { ...menu, ...moved } } : state;
}
