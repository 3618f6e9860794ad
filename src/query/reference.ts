/**
 * The query language in a few lines, for the explorer's `?` help: the syntax, every field (from
 * FIELD_NAMES and FIELD_ALIASES, so a field added to the language is listed without anyone
 * remembering to), the time bounds and examples. What each field means is said here, beside the
 * list it explains; a test checks that every field has its line.
 */
import { FIELD_ALIASES, FIELD_NAMES, RISK_VALUES, TIME_KINDS, type FieldName } from './ast.js';

/** What a term with this field looks at (substring, case-insensitive, unless `:=`). */
export const FIELD_MEANINGS: Partial<Record<FieldName, string>> = {
  activity: 'the activity (sign-in: the app; provisioning: action)',
  category: 'the category (UserManagement, RoleManagement, …)',
  service: 'the logging service (sign-ins: the client app)',
  status: 'success, failure, timeout, interrupted',
  op: 'operation type (sign-ins: protocol, deviceCode)',
  actor: 'who: UPN, name, app name or id (sign-ins: user)',
  target: 'any target\'s name, UPN or id (sign-ins: resource)',
  type: 'any target\'s type (sign-ins: the event type)',
  ip: 'the IP address',
  corr: 'the correlation ID (the whole operation)',
  id: 'the record\'s id',
  prop: 'a modified property\'s name',
  value: 'a modified property\'s old or new value',
  risk: `rules, or unusual: ${RISK_VALUES.join(' ')}`,
  app: 'application name or app id (audit: initiating app)',
  location: 'where a sign-in came from (city, country)',
  error: 'the error code (error:=50126)',
  ca: 'conditional access status or a policy name',
  device: 'device id, name, OS, browser, trust type',
  risklevel: 'a sign-in\'s risk level',
  job: 'the provisioning job',
  system: 'the provisioning source or target system',
  agent: 'the client\'s User-Agent',
};

export interface ReferenceLine {
  /** The term as typed (empty for a heading). */
  term: string;
  meaning: string;
  heading?: boolean;
}

const SYNTAX: ReferenceLine[] = [
  { term: 'word', meaning: 'fuzzy: activities, names, services, types, IPs…' },
  { term: '"a phrase"', meaning: 'exact substring of those and of every name and id' },
  { term: 'field:value', meaning: 'substring of that field, any case (fields below)' },
  { term: 'field:=value', meaning: 'exact: the whole value, any case' },
  { term: 'field:a|b', meaning: 'either value' },
  { term: 'a b   a AND b', meaning: 'both (a space is AND)' },
  { term: 'a OR b', meaning: 'either; AND binds tighter: a b OR c = (a b) OR c' },
  { term: '-term   NOT term', meaning: 'not' },
  { term: '(…)  NOT (…)  -(…)', meaning: 'group; NOT or - leaves out all the group matches' },
];

/** The time bounds (TIME_KINDS): since: and until: take the same forms, both inclusive. */
const timeLines = (): ReferenceLine[] => {
  const [since, until] = TIME_KINDS;
  return [
    { term: `${since}:7d  ${until}:24h`, meaning: 'back from now: 30m 24h 7d 2w' },
    { term: `${since}:2026-11-19`, meaning: 'a UTC date, or date-time 2026-11-19T02:20' },
    { term: `${until}:2026-11-19`, meaning: 'a bare date: to the end of that day' },
  ];
};

const EXAMPLES: ReferenceLine[] = [
  { term: 'ip:203.0.113.66', meaning: 'everything from one address' },
  { term: 'actor:maren OR ip:203.0.113.66', meaning: 'all either did' },
  { term: 'activity:="Add member to role" -actor:MS-PIM', meaning: 'grants outside PIM' },
  { term: 'status:failure|timeout since:24h', meaning: 'failed in the last day' },
  { term: 'risk:high since:2026-11-19 until:2026-11-20', meaning: 'sensitive, that day' },
  { term: 'NOT (actor:MS-PIM OR actor:"Microsoft Substrate")', meaning: 'no automation' },
];

/** The other spellings of `field`, from FIELD_ALIASES. */
export function aliasesOf(field: FieldName): string[] {
  return Object.entries(FIELD_ALIASES)
    .filter(([, canonical]) => canonical === field)
    .map(([alias]) => alias);
}

/** Every line of the reference: syntax, fields (with their aliases), time bounds, examples. */
export function queryReference(): ReferenceLine[] {
  // Other spellings beside the name (`actor: user: source:`): the same field, whichever is typed.
  const fields = FIELD_NAMES.map((field): ReferenceLine => ({
    term: [field, ...aliasesOf(field)].map((name) => `${name}:`).join(' '),
    meaning: FIELD_MEANINGS[field] ?? 'see the README',
  }));
  return [
    { term: '', meaning: 'Query language (/ filters, F finds, --filter; AND OR NOT in any case)', heading: true },
    ...SYNTAX,
    { term: '', meaning: 'Fields', heading: true },
    ...fields,
    { term: '', meaning: 'Time', heading: true },
    ...timeLines(),
    { term: '', meaning: 'Examples', heading: true },
    ...EXAMPLES,
  ];
}
