/**
 * Each pane as a definition: its title, the records it shows (model/pane.ts assigns them), its
 * table's columns, its details tabs, its filter-menu facets, its insights lists, the query
 * fields its `/` bar reminds of, and what an empty pane says. The explorer draws whichever pane is
 * selected from this alone, so a pane for another kind of record is a definition here plus the
 * normalisers that give its records that pane.
 */
import { AUDIT_INSIGHT_LISTS, PROVISIONING_INSIGHT_LISTS, SIGN_IN_INSIGHT_LISTS, type InsightListDefinition } from '../insights/insight-lists.js';
import { PANE_LABELS, type Pane } from '../model/pane.js';
import { AUDIT_FACETS, PROVISIONING_FACETS, SIGN_IN_FACETS, type FacetDefinition } from '../query/facets.js';
import { AUDIT_COLUMNS, type Column } from './columns.js';
import { PROVISIONING_COLUMNS, SIGN_IN_COLUMNS } from './own-columns.js';
import { AUDIT_DETAIL_TABS, PROVISIONING_DETAIL_TABS, SIGN_IN_DETAIL_TABS, type DetailTab } from './details.js';

export interface PaneDefinition {
  /** The tab's name. */
  title: string;
  columns: readonly Column[];
  detailTabs: readonly DetailTab[];
  facets: readonly FacetDefinition[];
  insightLists: readonly InsightListDefinition[];
  /** The `/` bar's reminder of the fields to search by. */
  queryHint: string;
  /** Shown when the load is over and the pane has no record: what usually explains it. Null: just "no events". */
  empty: { heading: string; paragraphs: readonly string[] } | null;
}

const AUDIT_QUERY_HINT = 'fuzzy words, field:value (activity: actor: target: ip: corr: status: …), -negates, a|b, since:7d';
const SIGN_IN_QUERY_HINT = 'fuzzy words, field:value (user: app: ip: location: error: status: ca: type: client: device: …), -negates, OR, since:7d';
const PROVISIONING_QUERY_HINT = 'fuzzy words, field:value (action: status: source: target: system: job: error: …), -negates, OR, since:7d';

export const PANE_DEFINITIONS: Readonly<Record<Pane, PaneDefinition>> = {
  directory: {
    title: PANE_LABELS.directory,
    columns: AUDIT_COLUMNS,
    detailTabs: AUDIT_DETAIL_TABS,
    facets: AUDIT_FACETS,
    insightLists: AUDIT_INSIGHT_LISTS,
    queryHint: AUDIT_QUERY_HINT,
    empty: null,
  },
  'custom-security': {
    title: PANE_LABELS['custom-security'],
    columns: AUDIT_COLUMNS,
    detailTabs: AUDIT_DETAIL_TABS,
    facets: AUDIT_FACETS,
    insightLists: AUDIT_INSIGHT_LISTS,
    queryHint: AUDIT_QUERY_HINT,
    // An empty Custom Security pane usually means the logs were never collected, not that nothing happened.
    empty: {
      heading: 'No custom security attribute audit events were loaded.',
      paragraphs: [
        'These events are not in the directory audit log. They come from the custom security attributes audit: Microsoft Graph beta auditLogs/customSecurityAttributeAudits, the AADCustomSecurityAttributeAuditLogs table in Log Analytics, or the CustomSecurityAttributeAuditLogs diagnostic setting.',
        'Only the Attribute Log Reader or Attribute Log Administrator role can read them (Global Administrator cannot by default). Ask someone with one of those roles for that export, then open it alongside this one.',
      ],
    },
  },
  'sign-ins': {
    title: PANE_LABELS['sign-ins'],
    columns: SIGN_IN_COLUMNS,
    detailTabs: SIGN_IN_DETAIL_TABS,
    facets: SIGN_IN_FACETS,
    insightLists: SIGN_IN_INSIGHT_LISTS,
    queryHint: SIGN_IN_QUERY_HINT,
    // Sign-ins are another log: their absence says what was not exported, not that nobody signed in.
    empty: {
      heading: 'No sign-in events were loaded.',
      paragraphs: [
        'Sign-ins are a log of their own, not part of the audit log. They come from Microsoft Graph auditLogs/signIns (beta for non-interactive, service principal and managed identity sign-ins), the SigninLogs, AADNonInteractiveUserSignInLogs, AADServicePrincipalSignInLogs and AADManagedIdentitySignInLogs tables in Log Analytics, the SignInLogs, NonInteractiveUserSignInLogs, ServicePrincipalSignInLogs and ManagedIdentitySignInLogs diagnostic settings, or the portal\'s Sign-in logs download.',
        'Reading them needs a Microsoft Entra ID P1 or P2 licence and a role such as Reports Reader, Security Reader or Global Reader (AuditLog.Read.All and Directory.Read.All for Graph). Open that export alongside this one: records of every log can be opened together.',
      ],
    },
  },
  provisioning: {
    title: PANE_LABELS.provisioning,
    columns: PROVISIONING_COLUMNS,
    detailTabs: PROVISIONING_DETAIL_TABS,
    facets: PROVISIONING_FACETS,
    insightLists: PROVISIONING_INSIGHT_LISTS,
    queryHint: PROVISIONING_QUERY_HINT,
    empty: {
      heading: 'No provisioning events were loaded.',
      paragraphs: [
        'Provisioning events (users and groups created, updated or disabled in SaaS apps and HR systems by the provisioning service) are their own log: Microsoft Graph auditLogs/provisioning, the AADProvisioningLogs table in Log Analytics, the ProvisioningLogs diagnostic setting, or the portal\'s Provisioning logs download.',
        'Reading them needs a Microsoft Entra ID P1 or P2 licence and a role such as Reports Reader, Security Reader or Application Administrator (AuditLog.Read.All for Graph).',
      ],
    },
  },
};
