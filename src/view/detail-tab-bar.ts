/**
 * The details tab bar fitted to the terminal. The Sign-ins pane's six labels take 78 columns
 * and the explorer runs from 60: a bar wider than the screen wrapped onto a second line and drew
 * over the tab's first line. When the full labels do not fit, each shows its first word
 * ("Conditional", "Location"): 57 columns for a sign-in, and the active tab is never cut off.
 */
import { displayWidth } from '../text/width.js';
import { DETAIL_TAB_LABELS, type DetailTab } from './details.js';

export interface TabBarItem {
  tab: DetailTab;
  /** The label with a space either side, as drawn. */
  text: string;
  active: boolean;
}

export function detailTabBar(tabs: readonly DetailTab[], active: DetailTab, width: number): TabBarItem[] {
  const items = (label: (tab: DetailTab) => string): TabBarItem[] => tabs.map((tab) => ({ tab, text: ` ${label(tab)} `, active: tab === active }));
  const full = items((tab) => DETAIL_TAB_LABELS[tab]);
  const total = full.reduce((sum, item) => sum + displayWidth(item.text), 0);
  return total <= width ? full : items((tab) => DETAIL_TAB_LABELS[tab].split(' ')[0]);
}
