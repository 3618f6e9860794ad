import { CUSTOM_SECURITY_CATEGORY, type AuditEvent, type Pane } from './audit-event.js';

export const PANES: readonly Pane[] = ['directory', 'custom-security'];

export const PANE_LABELS: Record<Pane, string> = {
  directory: 'Directory',
  'custom-security': 'Custom Security',
};

/**
 * Custom security attribute audits belong to their own pane, as in the portal. The category is
 * the signal Graph gives; `fromCustomSecuritySource` covers inputs that say so by where they came
 * from (the CSA endpoint, the AADCustomSecurityAttributeAuditLogs table, the diagnostic category).
 */
export function paneOf(event: AuditEvent, fromCustomSecuritySource = false): Pane {
  if (fromCustomSecuritySource) return 'custom-security';
  return event.category.toLowerCase() === CUSTOM_SECURITY_CATEGORY.toLowerCase() ? 'custom-security' : 'directory';
}

/** What `--pane` and a question can ask for: one pane or both. */
export const PANE_CHOICES = ['directory', 'custom-security', 'all'] as const;
export type PaneChoice = (typeof PANE_CHOICES)[number];

export const paneMatches = (choice: PaneChoice, pane: Pane): boolean => choice === 'all' || choice === pane;
