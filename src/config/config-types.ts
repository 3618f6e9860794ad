/** The config file, as checked: every field optional, so an absent file is an empty config. */
import type { Pane } from '../model/audit-event.js';
import type { StyleName, ThemeColour } from '../view/style-names.js';

export interface StyleOverride {
  color?: ThemeColour;
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
  underline?: boolean;
}

export interface SensitiveRule {
  id: string;
  severity: 'high' | 'medium';
  /** In the query language; checked to parse. */
  query: string;
  reason: string;
}

export interface SavedQuestion {
  id: string;
  title: string;
  query: string;
  pane?: Pane | 'all';
  /** How many results (or groups) to show; a whole number from 1. */
  top?: number;
}

export interface Config {
  /** `UTC`, `local` or an IANA zone, as `--tz` takes it (checked to resolve). */
  timeZone?: string;
  theme?: Partial<Record<StyleName, StyleOverride>>;
  /** Action id → the keys that replace its default keys. */
  keys?: Record<string, string[]>;
  sensitiveRules?: SensitiveRule[];
  questions?: SavedQuestion[];
}
