import type { UnusualSettings } from '../insights/unusual.js';
import type { PaneChoice } from '../model/pane.js';
/** The config file, as checked: every field optional, so an absent file is an empty config. */
import type { Pane } from '../model/pane.js';
import type { StyleName, StyleOverride } from '../view/style-names.js';

export type { StyleOverride } from '../view/style-names.js';

export interface SensitiveRule {
  id: string;
  severity: 'high' | 'medium';
  /** In the query language; checked to parse. */
  query: string;
  reason: string;
  /** The pane whose records it judges (default: the audit panes). */
  pane?: PaneChoice;
  /** Only records from an IP address that made a change an audit rule flags. */
  ipOfSensitiveChange?: boolean;
}

export interface SavedQuestion {
  id: string;
  title: string;
  query: string;
  pane?: Pane | 'all';
  /** As in data/questions.json: store fields to list the top values of (`target`, `initiator`, …). */
  top?: string[];
  /** As in data/questions.json: count distinct values of this field ("how many users"). */
  distinct?: string;
}

export interface Config {
  /** `UTC`, `local` or an IANA zone, as `--tz` takes it (checked to resolve). */
  timeZone?: string;
  theme?: Partial<Record<StyleName, StyleOverride>>;
  /** Action id → the keys that replace its default keys. */
  keys?: Record<string, string[]>;
  sensitiveRules?: SensitiveRule[];
  questions?: SavedQuestion[];
  /** Thresholds of the unusual measures (insights/unusual.ts), each optional. */
  unusual?: Partial<UnusualSettings>;
  /** `summary` lists the events themselves when at most this many are in scope (`--events` wins). */
  summaryEvents?: number;
  /** Per pane, the ids of the table's columns (what `C` keeps here), in any order. */
  columns?: Partial<Record<Pane, string[]>>;
  /** The persisted index of loads (issue 15): off with `enabled: false`; `maxMB` bounds its folder (default 2048). */
  cache?: { enabled?: boolean; maxMB?: number };
}
