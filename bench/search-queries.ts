/**
 * The search benchmark's fixed queries: what an admin types mid-incident, one of each kind the
 * language has (field terms, negation, alternatives, time bounds, fuzzy words, a phrase, a
 * combination), each with the nearest thing fzf and jq can do over the same data, or none.
 *
 * The peers are not the same search, only the nearest one: fzf matches a flattened line (its
 * `--nth` picks the column a field term names), jq tests the raw JSON. Match counts are printed
 * beside the times so a reader can see how close each equivalent is.
 */
import { FLAT_COLUMNS } from './flat-lines.js';

export interface FzfEquivalent {
  /** The fzf query (extended-search syntax). */
  query: string;
  /** Exact substring terms (`--exact`) rather than fzf's fuzzy subsequences. */
  exact: boolean;
  /** Which tab-separated columns it looks at (fzf `--nth`), 1-based; FLAT_COLUMNS names them. */
  nth: string;
}

export interface SearchQuery {
  /** What kind of query it is, for the table. */
  kind: string;
  text: string;
  /** Null when fzf cannot express it. */
  fzf: FzfEquivalent | null;
  /** A jq condition on one record (`.` is the event); null when jq cannot express it (fuzzy). */
  jq: string | null;
}

/** Data ends here (the generator's default `--end`): `since:7d` means the data's last week. */
export const DATA_END_MS = Date.parse('2026-11-28T00:00:00Z');

const column = (name: (typeof FLAT_COLUMNS)[number]) => String(FLAT_COLUMNS.indexOf(name) + 1);
/** Every column but time and correlation: roughly where fuzzy words look. */
const NAMED_COLUMNS = `${column('service')}..${column('targets')}`;
const ALL_BUT_TIME = `${column('service')}..`;

/** Every way jq can see who initiated an event, lower-cased (the `actor:` field's strings). */
const JQ_ACTOR_KEYS =
  '([.initiatedBy.user.userPrincipalName, .initiatedBy.user.displayName, .initiatedBy.user.id, .initiatedBy.app.displayName, .initiatedBy.app.servicePrincipalName, .initiatedBy.app.appId] | map(select(. != null) | ascii_downcase))';
const jqIn = (path: string, value: string) => `((${path} // "") | ascii_downcase | contains(${JSON.stringify(value)}))`;

/** `correlation`: a real id from the data (the incident's first operation), so `corr:` finds something. */
export function searchQueries(correlation: string): SearchQuery[] {
  return [
    {
      kind: 'field',
      text: 'activity:reset',
      fzf: { query: 'reset', exact: true, nth: column('activity') },
      jq: jqIn('.activityDisplayName', 'reset'),
    },
    {
      kind: 'field (actor)',
      text: 'actor:maren',
      fzf: { query: 'maren', exact: true, nth: column('initiator') },
      jq: `(${JQ_ACTOR_KEYS} | any(contains("maren")))`,
    },
    {
      kind: 'field (ip)',
      text: 'ip:203.0.113.66',
      fzf: { query: '203.0.113.66', exact: true, nth: column('ip') },
      jq: jqIn('.initiatedBy.user.ipAddress', '203.0.113.66'),
    },
    {
      kind: 'field (status)',
      text: 'status:failure',
      fzf: { query: 'failure', exact: true, nth: column('result') },
      jq: jqIn('.result', 'failure'),
    },
    {
      kind: 'field (corr)',
      text: `corr:${correlation}`,
      fzf: { query: correlation, exact: true, nth: column('correlation') },
      jq: jqIn('.correlationId', correlation.toLowerCase()),
    },
    {
      kind: 'negation',
      text: '-actor:"Microsoft Substrate Management"',
      fzf: { query: '!microsoft\\ substrate\\ management', exact: true, nth: column('initiator') },
      jq: `(${JQ_ACTOR_KEYS} | any(contains("microsoft substrate management")) | not)`,
    },
    {
      kind: 'alternatives',
      text: 'status:failure|timeout',
      fzf: { query: 'failure | timeout', exact: true, nth: column('result') },
      jq: `(${jqIn('.result', 'failure')} or ${jqIn('.result', 'timeout')})`,
    },
    {
      kind: 'time bounds',
      text: 'since:2026-11-19 until:2026-11-19',
      fzf: { query: '^2026-11-19', exact: true, nth: column('time') },
      jq: '(.activityDateTime >= "2026-11-19" and .activityDateTime < "2026-11-20")',
    },
    // The first fuzzy query also builds the fuzzy index (once per store); see search.ts.
    { kind: 'fuzzy (typo)', text: 'pasword', fzf: { query: 'pasword', exact: false, nth: NAMED_COLUMNS }, jq: null },
    { kind: 'fuzzy', text: 'conditional', fzf: { query: 'conditional', exact: false, nth: NAMED_COLUMNS }, jq: null },
    {
      kind: 'phrase',
      text: '"add member to role"',
      fzf: { query: 'add\\ member\\ to\\ role', exact: true, nth: ALL_BUT_TIME },
      jq: jqIn('.activityDisplayName', 'add member to role'),
    },
    {
      kind: 'combination',
      // Role grants outside PIM in the last week (the README's example).
      text: 'activity:"Add member to role" actor:@ -actor:MS-PIM since:7d',
      fzf: null,
      jq: `(${jqIn('.activityDisplayName', 'add member to role')} and (${JQ_ACTOR_KEYS} | any(contains("@")) and (any(contains("ms-pim")) | not)) and .activityDateTime >= "${new Date(DATA_END_MS - 7 * 86_400_000).toISOString()}")`,
    },
  ];
}

/** What is typed into the `/` bar, one key at a time, for the "one more character" figures. */
export const TYPED_QUERY = 'actor:maren pasword';
