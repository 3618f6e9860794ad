import { Box, Text } from 'ink';
import SelectInput from 'ink-select-input';
import type { AppState, FilterMenu as Menu } from '../src/tui/app-state.js';
import { ORDER_LABELS, type MenuItem } from '../src/tui/filter-menu.js';
import { listHeight } from '../src/tui/list-filter.js';
import { menuItems } from '../src/tui/modes/menu.js';
import { pickerHeight } from '../src/view/layout.js';
import { editorLine } from '../src/view/line-editor.js';
import { menuLines, pickerTitle } from '../src/view/pickers.js';
import { messageLine } from '../src/view/text-views.js';
import { LineField } from './LineField.js';
import { ListFilterLine } from './ListFilterLine.js';

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

/** `zone`: what times without a zone are read in (the zone the table shows). */
function titleOf(menu: Menu, items: readonly MenuItem[], zone: string): string {
  switch (menu.stage) {
    case 'filters':
      return 'Filters: Enter opens one, Esc closes';
    case 'dates':
      return 'Date range (counts under the other filters): Enter applies, Esc back';
    case 'customDate':
      return `Custom range: a date or date-time (${zone} unless it ends in Z or an offset), or a duration such as 7d. Tab switches, ↑↓ earlier dates, Enter applies, Esc back`;
    case 'values': {
      const { shown } = menu;
      // Narrowed, the title counts the matches; cut to the limit, it says how many are listed.
      const of = shown.matching < shown.distinct ? `${count(shown.matching)} of ${count(shown.distinct)} match` : `${count(shown.distinct)} values`;
      const listed = items.length < shown.matching ? `, first ${count(items.length)} listed` : '';
      const marked = menu.chosen.length > 0 ? `, ${menu.chosen.length} marked` : '';
      // The order first: it is what decides which values are at the top (and, cut, which are listed at all).
      return `${menu.facet.label}, ${ORDER_LABELS[menu.order]}: ${menu.exclude ? 'EXCLUDE' : 'include'}${marked} (${of}${listed}, counts under the other filters) · o order · / type to narrow · Space marks · - excludes · Enter applies · Esc back`;
    }
  }
}

/**
 * The `f` menu. Its lists are drawn with ink-select-input and its custom range with
 * ink-text-input, but the keys that move, type and choose come through the app's one router
 * (tui/modes/menu.ts), so a burst of keys is never half-applied; the list is given only the
 * window of lines that fit, with the cursor's line selected.
 */
export function FilterMenu({ state }: { state: AppState }) {
  const menu = state.menu;
  const width = state.size.columns;
  const { theme, symbols } = state.options;
  if (!menu) return null;
  const items = menuItems(state);
  const title = (
    <Text {...theme.activeTab} wrap="truncate">
      {pickerTitle(titleOf(menu, items, state.options.timeZone.label), width, symbols)}
    </Text>
  );
  if (menu.stage === 'customDate') {
    const field = (name: 'since' | 'until', placeholder: string) => {
      const line = editorLine(menu[name], Math.max(1, width - 8), { symbols });
      return <LineField line={line} focused={menu.focus === name} placeholder={menu[name].text === '' ? placeholder : null} />;
    };
    return (
      <Box flexDirection="column" width={width}>
        {title}
        <Box>
          <Text>{'Since  '}</Text>
          {field('since', '2026-11-19')}
        </Box>
        <Box>
          <Text>{'Until  '}</Text>
          {field('until', '2026-11-20 (the whole day)')}
        </Box>
        {menu.error ? (
          <Text {...theme.bad} wrap="truncate">
            {messageLine(menu.error, width, symbols)}
          </Text>
        ) : null}
      </Box>
    );
  }
  const filter = menu.stage === 'values' ? menu.filter : null;
  const lines = menuLines(items, menu, menu.stage === 'values' ? listHeight(state.size, filter) : pickerHeight(state.size), width, menu.stage === 'values', symbols);
  const empty = filter && menu.stage === 'values' && menu.shown.distinct > 0 ? 'No value matches what is typed.' : 'No values under the current filters.';
  return (
    <Box flexDirection="column" width={width}>
      {title}
      {filter && menu.stage === 'values' ? <ListFilterLine filter={filter} matched={menu.shown.matching} total={menu.shown.distinct} width={width} options={state.options} /> : null}
      {items.length === 0 ? (
        <Text>{empty}</Text>
      ) : (
        <SelectInput
          // Remounted when the cursor moves: the list only draws; the router moves.
          key={`${menu.stage}:${menu.top}:${menu.cursor}`}
          items={lines.map((line) => ({ key: line.key, value: line.key, label: line.text }))}
          initialIndex={menu.cursor - menu.top}
          isFocused={false}
          itemComponent={Item}
          indicatorComponent={Indicator}
        />
      )}
    </Box>
  );
}
