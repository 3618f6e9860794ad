/**
 * The query language in a few lines, for the explorer's `?` help: the syntax, every field (from
 * FIELD_NAMES and FIELD_ALIASES, so a field added to the language is listed without anyone
 * remembering to), the time bounds and examples. What each field means is said here, beside the
 * list it explains; a test checks that every field has its line.
 */
import { FIELD_ALIASES, FIELD_NAMES, RISK_VALUES, TIME_KINDS, type FieldName } from './ast.js';

/** What a term with this field looks at (substring, case-insensitive, unless `:=`). */
export const FIELD_MEANINGS: Partial<Record<FieldName, string>> = {
  activity: 'the activity (sign-ins: the application; provisioning: the action)',
  category: 'the category (UserManagement, RoleManagement, …)',
  service: 'the logging service (sign-ins: the client app)',
  status: 'success, failure, timeout, interrupted',
  op: 'the operation type (sign-ins: the authentication protocol, deviceCode…)',
  actor: 'who did it: UPN, display name, app name or id (sign-ins: the user)',
  target: 'any target\'s name, UPN or id (sign-ins: the resource)',
  type: 'any target\'s type (sign-ins: the event type)',
  ip: 'the IP address',
  corr: 'the correlation ID (the whole operation)',
  id: 'the record\'s id',
  prop: 'a modified property\'s name',
  value: 'a modified property\'s old or new value',
  risk: `sensitive operations: ${RISK_VALUES.map((value) => `risk:${value}`).join(' or ')}`,
  app: 'the application, by name or app id (an audit: its initiating app)',
  location: 'where a sign-in came from (city, country)',
  error: 'the error code (error:=50126)',
  ca: 'the conditional access status or a policy name',
  device: 'device id, name, OS, browser, trust type ("no device id" when none)',
  risklevel: 'a sign-in\'s risk level',
  job: 'the provisioning job',
  system: 'the provisioning source or target system',
};

export interface ReferenceLine {
  /** The term as typed (empty for a heading). */
  term: string;
  meaning: string;
  heading?: boolean;
}

const SYNTAX: ReferenceLine[] = [
  { term: 'word', meaning: 'fuzzy: activities, names, services, categories, types, property names, IPs' },
  { term: '"a phrase"', meaning: 'exact, case-insensitive substring of the same, and every actor and target name and id' },
  { term: 'field:value', meaning: 'case-insensitive substring of that field (fields below)' },
  { term: 'field:=value', meaning: 'exact: the whole value, case-insensitive (what the menu, pivots and insights write)' },
  { term: 'field:a|b', meaning: 'either value' },
  { term: 'a b   a AND b', meaning: 'both (a space is AND)' },
  { term: 'a OR b', meaning: 'either: the true union; AND binds tighter (a b OR c is (a b) OR c)' },
  { term: '-term   NOT term', meaning: 'not' },
  { term: '( … )  NOT ( … )  -( … )', meaning: 'group; NOT or - before a group leaves out every event it matches' },
];

/** The time bounds, from TIME_KINDS: since: and until: take the same forms. */
const timeLines = (): ReferenceLine[] => [
  { term: TIME_KINDS.map((kind) => `${kind}:7d`).join(' '), meaning: 'a duration back from now: 30m 24h 7d 2w' },
  { term: TIME_KINDS.map((kind) => `${kind}:2026-11-19`).join(' '), meaning: 'a UTC date (until: a bare date is the end of that day), or a date-time 2026-11-19T02:20' },
];

const EXAMPLES: ReferenceLine[] = [
  { term: 'ip:203.0.113.66', meaning: 'everything from one address' },
  { term: 'actor:maren OR ip:203.0.113.66', meaning: 'everything either did' },
  { term: 'activity:="Add member to role" -actor:MS-PIM', meaning: 'role grants outside PIM' },
  { term: 'status:failure|timeout since:24h', meaning: 'what failed in the last day' },
  { term: 'risk:high since:2026-11-19 until:2026-11-20', meaning: 'sensitive operations on one day' },
  { term: 'NOT (actor:"MS-PIM" OR actor:"Microsoft Substrate Management")', meaning: 'leave out the automation' },
];

/** The other spellings of `field`, from FIELD_ALIASES. */
export function aliasesOf(field: FieldName): string[] {
  return Object.entries(FIELD_ALIASES)
    .filter(([, canonical]) => canonical === field)
    .map(([alias]) => alias);
}

/** Every line of the reference: syntax, fields (with their aliases), time bounds, examples. */
export function queryReference(): ReferenceLine[] {
  const fields = FIELD_NAMES.map((field): ReferenceLine => {
    const aliases = aliasesOf(field);
    const also = aliases.length > 0 ? ` (also ${aliases.map((alias) => `${alias}:`).join(' ')})` : '';
    return { term: `${field}:`, meaning: `${FIELD_MEANINGS[field] ?? 'see the README'}${also}` };
  });
  return [
    { term: '', meaning: 'Query language (/ filters, F finds, --filter; any case: AND OR NOT)', heading: true },
    ...SYNTAX,
    { term: '', meaning: 'Fields', heading: true },
    ...fields,
    { term: '', meaning: 'Time', heading: true },
    ...timeLines(),
    { term: '', meaning: 'Examples', heading: true },
    ...EXAMPLES,
  ];
}
