import { Box, Text } from 'ink';
import SelectInput from 'ink-select-input';
import TextInput from 'ink-text-input';
import type { Dispatch } from 'react';
import { sanitize } from '../src/text/sanitize.js';
import { fitToWidth, truncateToWidth } from '../src/text/width.js';
import { pickerHeight, menuItems, type Action, type AppState } from '../src/tui/state.js';
import type { FilterMenu as Menu, MenuItem } from '../src/tui/filter-menu.js';
import { styleFor } from './theme.js';

const count = (n: number) => n.toLocaleString('en-US');

/** The selected line is drawn inverse (not ink-select-input's blue), like the table's selection. */
function Item({ isSelected = false, label }: { isSelected?: boolean; label: string }) {
  return (
    <Text inverse={isSelected} wrap="truncate">
      {label}
    </Text>
  );
}

function Indicator({ isSelected = false }: { isSelected?: boolean }) {
  return <Text>{isSelected ? '> ' : '  '}</Text>;
}

function titleOf(menu: Menu, items: readonly MenuItem[]): string {
  switch (menu.stage) {
    case 'filters':
      return 'Filters: Enter opens one, Esc closes';
    case 'dates':
      return 'Date range (counts under the other filters): Enter applies, Esc back';
    case 'customDate':
      return 'Custom range: a UTC date, a date-time, or a duration such as 7d. Tab switches, Enter applies, Esc back';
    case 'values': {
      const { counts } = menu;
      const shown = items.length < counts.distinct ? `top ${count(items.length)} of ${count(counts.distinct)}` : `${count(counts.distinct)} values`;
      const marked = menu.chosen.length > 0 ? `, ${menu.chosen.length} marked` : '';
      return `${menu.facet.label}: ${menu.exclude ? 'EXCLUDE' : 'include'}${marked} (${shown}, counts under the other filters) · Space marks · - excludes · Enter applies · Esc back`;
    }
  }
}

/** One list line: the mark, the value (sanitised, fitted) and its count at the right. */
function lineOf(menu: Menu, item: MenuItem, width: number): string {
  const mark = menu.stage === 'values' ? (item.marked ? '[x] ' : '[ ] ') : '';
  const countText = item.count === undefined ? '' : count(item.count).padStart(10);
  return `${mark}${fitToWidth(sanitize(item.label), Math.max(10, width - 4 - mark.length - countText.length))}${countText}`;
}

/**
 * The `f` menu. Its lists are drawn with ink-select-input, but the keys that move and choose come
 * through the app's one router (menuKey in tui/state), so a burst of keys is never half-applied;
 * the list is given only the window of lines that fit, with the cursor's line selected.
 */
export function FilterMenu({ state, dispatch }: { state: AppState; dispatch: Dispatch<Action> }) {
  const menu = state.menu;
  const width = state.size.columns;
  const color = state.options.color;
  if (!menu) return null;
  const items = menuItems(state);
  const title = (
    <Text {...styleFor('activeTab', color)} wrap="truncate">
      {truncateToWidth(` ${titleOf(menu, items)} `, width)}
    </Text>
  );
  if (menu.stage === 'customDate') {
    const submit = () => dispatch({ type: 'menuSubmitDate', now: Date.now() });
    return (
      <Box flexDirection="column" width={width}>
        {title}
        <Box>
          <Text>{'Since  '}</Text>
          <TextInput value={menu.since} focus={menu.focus === 'since'} placeholder="2026-11-19" onChange={(text) => dispatch({ type: 'menuEditDate', field: 'since', text })} onSubmit={submit} />
        </Box>
        <Box>
          <Text>{'Until  '}</Text>
          <TextInput value={menu.until} focus={menu.focus === 'until'} placeholder="2026-11-20 (the whole day)" onChange={(text) => dispatch({ type: 'menuEditDate', field: 'until', text })} onSubmit={submit} />
        </Box>
        {menu.error ? (
          <Text {...styleFor('bad', color)} wrap="truncate">
            {sanitize(menu.error)}
          </Text>
        ) : null}
      </Box>
    );
  }
  const window = items.slice(menu.top, menu.top + pickerHeight(state));
  return (
    <Box flexDirection="column" width={width}>
      {title}
      {items.length === 0 ? (
        <Text>No values under the current filters.</Text>
      ) : (
        <SelectInput
          // Remounted when the cursor moves: the list only draws; menuKey moves.
          key={`${menu.stage}:${menu.top}:${menu.cursor}`}
          items={window.map((item) => ({ key: item.value, value: item.value, label: lineOf(menu, item, width) }))}
          initialIndex={menu.cursor - menu.top}
          isFocused={false}
          itemComponent={Item}
          indicatorComponent={Indicator}
        />
      )}
    </Box>
  );
}
