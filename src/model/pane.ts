/**
 * The panes of the explorer, as in the Entra portal's activity blades: which panes exist, what
 * they are called, and which pane a record belongs to (sign-ins and provisioning have their own). A pane's columns, details tabs,
 * filters and empty-pane text are its definition in src/view/panes.ts; adding a pane is adding
 * its id here, its definition there, and the normalisers of the records it shows.
 */
import { CUSTOM_SECURITY_CATEGORY, type AuditEvent } from './audit-event.js';
import type { OwnRecord } from './own-record.js';

/** In tab order: the number keys 1, 2, … switch to them. */
export const PANES = ['directory', 'custom-security', 'sign-ins', 'provisioning'] as const;
export type Pane = (typeof PANES)[number];

export const PANE_LABELS: Record<Pane, string> = {
  directory: 'Directory',
  'custom-security': 'Custom Security',
  'sign-ins': 'Sign-ins',
  provisioning: 'Provisioning',
};

/** The panes that show audits (the audit-only insights, rules and columns apply to them). */
export const isAuditPane = (pane: Pane): boolean => pane === 'directory' || pane === 'custom-security';

/** The pane's position in PANES, as the store keeps it (one byte per event). */
export const paneIndex = (pane: Pane): number => PANES.indexOf(pane);

/** One empty list per pane, for per-pane state (rows, cursors, counts). */
export function perPane<T>(make: (pane: Pane) => T): Record<Pane, T> {
  return Object.fromEntries(PANES.map((pane) => [pane, make(pane)])) as Record<Pane, T>;
}

/** The pane of a sign-in or provisioning record. */
export const ownPaneOf = (own: OwnRecord): Pane => (own.kind === 'sign-in' ? 'sign-ins' : 'provisioning');

/**
 * Custom security attribute audits belong to their own pane, as in the portal. The category is
 * the signal Graph gives; `fromCustomSecuritySource` covers inputs that say so by where they came
 * from (the CSA endpoint, the AADCustomSecurityAttributeAuditLogs table, the diagnostic category).
 */
export function paneOf(event: AuditEvent, fromCustomSecuritySource = false, own?: OwnRecord): Pane {
  if (own) return ownPaneOf(own);
  if (fromCustomSecuritySource) return 'custom-security';
  return event.category.toLowerCase() === CUSTOM_SECURITY_CATEGORY.toLowerCase() ? 'custom-security' : 'directory';
}

/** What `--pane` and a question can ask for: one pane or every one. */
export const PANE_CHOICES = [...PANES, 'all'] as const;
export type PaneChoice = (typeof PANE_CHOICES)[number];

export const paneMatches = (choice: PaneChoice, pane: Pane): boolean => choice === 'all' || choice === pane;
