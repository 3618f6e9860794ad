import { describe, expect, it } from 'vitest';
import { FIELD_ALIASES, FIELD_NAMES, type Query, type Term } from '../../src/query/ast.js';
import { suggestName } from '../../src/query/names.js';
import { editDistance } from '../../src/text/edit-distance.js';
import { parseQuery, type ParseResult } from '../../src/query/parse.js';

/** Fixed clock: 2026-11-28T12:00:00Z. */
const NOW = Date.UTC(2026, 10, 28, 12, 0, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const parse = (text: string): ParseResult => parseQuery(text, { now: NOW });

function terms(text: string): Term[] {
  const result = parse(text);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(text)} to parse, got ${result.error.message} at ${result.error.position}`);
  return result.query.terms;
}

/** Terms without source positions, for comparing shapes. */
const shapes = (text: string) => terms(text).map(({ start: _s, end: _e, ...rest }) => rest);
const only = (text: string) => {
  const all = shapes(text);
  expect(all).toHaveLength(1);
  return all[0];
};

function failure(text: string) {
  const result = parse(text);
  if (result.ok) throw new Error(`expected ${JSON.stringify(text)} to fail, got ${JSON.stringify(result.query)}`);
  return result.error;
}

const field = (name: string, rawValues: string[], negated = false, exact = false) => ({
  kind: 'field',
  field: name,
  negated,
  exact,
  values: rawValues.map((v) => v.toLowerCase()),
  rawValues,
});

describe('parseQuery: empty input', () => {
  it.each(['', '   ', '\t\n '])('%j is the empty query', (text) => {
    expect(parse(text)).toEqual({ ok: true, query: { terms: [] } satisfies Query });
  });
});

describe('parseQuery: field terms', () => {
  it.each(FIELD_NAMES.filter((name) => name !== 'risk'))('%s: records the field and its value', (name) => {
    expect(only(`${name}:Some-Value`)).toEqual(field(name, ['Some-Value']));
  });

  it.each(Object.entries(FIELD_ALIASES))('alias %s: becomes %s', (alias, canonical) => {
    expect(only(`${alias}:x`)).toEqual(field(canonical, ['x']));
  });

  it.each(['ACTIVITY', 'Activity', 'aCtIvItY'])('field names are case-insensitive: %s', (name) => {
    expect(only(`${name}:x`)).toEqual(field('activity', ['x']));
  });

  it('reads field:=value as an exact match of the whole value', () => {
    expect(only('activity:="Add member to role"|x')).toEqual(field('activity', ['Add member to role', 'x'], false, true));
    expect(only('-actor:=MS-PIM')).toEqual(field('actor', ['MS-PIM'], true, true));
    expect(failure('since:=7d')).toEqual({ message: expect.stringContaining('no exact form'), position: 6 });
  });

  it.each(['RESULT', 'Correlation'])('aliases are case-insensitive: %s', (name) => {
    expect(only(`${name}:x`).kind).toBe('field');
  });

  it('lower-cases values for matching and keeps them as typed', () => {
    expect(only('actor:Admin@Contoso.COM')).toEqual({
      kind: 'field',
      field: 'actor',
      negated: false,
      exact: false,
      values: ['admin@contoso.com'],
      rawValues: ['Admin@Contoso.COM'],
    });
  });

  it('takes a quoted value with spaces and punctuation', () => {
    expect(only('activity:"Reset password (by admin)"')).toEqual(field('activity', ['Reset password (by admin)']));
  });

  it('keeps a value starting with "-" (only a term start negates)', () => {
    expect(only('actor:-svc')).toEqual(field('actor', ['-svc']));
  });

  it('keeps non-ASCII values', () => {
    expect(only('target:"Zoë Müller"')).toEqual(field('target', ['Zoë Müller']));
  });
});

describe('parseQuery: alternatives', () => {
  it('splits bare alternatives on "|"', () => {
    expect(only('status:failure|timeout')).toEqual(field('status', ['failure', 'timeout']));
  });

  it('takes quoted alternatives', () => {
    expect(only('activity:"Add user"|"Delete user"')).toEqual(field('activity', ['Add user', 'Delete user']));
  });

  it('mixes quoted and bare alternatives', () => {
    expect(only('activity:"Add user"|Delete|"Update user"')).toEqual(field('activity', ['Add user', 'Delete', 'Update user']));
  });

  it('keeps "|" inside quotes literal', () => {
    expect(only('prop:"a|b"')).toEqual(field('prop', ['a|b']));
  });

  it('works on a negated term', () => {
    expect(only('-status:failure|timeout')).toEqual(field('status', ['failure', 'timeout'], true));
  });
});

describe('parseQuery: negation', () => {
  it('negates a field term', () => {
    expect(only('-status:success')).toEqual(field('status', ['success'], true));
  });

  it('negates an aliased field term', () => {
    expect(only('-result:success')).toEqual(field('status', ['success'], true));
  });

  it('negates a phrase', () => {
    expect(only('-"Update user"')).toEqual({ kind: 'phrase', negated: true, text: 'Update user' });
  });

  it('negates a free word', () => {
    expect(only('-substrate')).toEqual({ kind: 'fuzzy', negated: true, text: 'substrate' });
  });

  it('negates risk:', () => {
    expect(only('-risk:high')).toEqual(field('risk', ['high'], true));
  });

  it('treats "-" inside a word as part of it', () => {
    expect(only('MS-PIM')).toEqual({ kind: 'fuzzy', negated: false, text: 'MS-PIM' });
  });
});

describe('parseQuery: free words and phrases', () => {
  it('makes each free word its own fuzzy term', () => {
    expect(shapes('reset  password\tadmin')).toEqual([
      { kind: 'fuzzy', negated: false, text: 'reset' },
      { kind: 'fuzzy', negated: false, text: 'password' },
      { kind: 'fuzzy', negated: false, text: 'admin' },
    ]);
  });

  it('keeps a free word as typed', () => {
    expect(only('BreakGlass')).toEqual({ kind: 'fuzzy', negated: false, text: 'BreakGlass' });
  });

  it('makes a quoted phrase one exact term', () => {
    expect(only('"Add member to role"')).toEqual({ kind: 'phrase', negated: false, text: 'Add member to role' });
  });

  it('mixes fields, words and phrases in order', () => {
    expect(shapes('"Add member" role -actor:pim status:success').map((t) => t.kind)).toEqual(['phrase', 'fuzzy', 'field', 'field']);
  });
});

describe('parseQuery: quotes and escapes', () => {
  it('unescapes \\" and \\\\', () => {
    expect(only('"say \\"hi\\" \\\\ bye"')).toEqual({ kind: 'phrase', negated: false, text: 'say "hi" \\ bye' });
  });

  it('unescapes inside field values', () => {
    expect(only('value:"\\"isEnabled\\":true"')).toEqual(field('value', ['"isEnabled":true']));
  });

  it('reads \\n and \\r as a line break (a name with one, typed on one line), \\\\n as a backslash and n', () => {
    expect(only('actor:="Bob\\nAdmin"')).toMatchObject({ kind: 'field', field: 'actor', exact: true, values: ['bob\nadmin'], rawValues: ['Bob\nAdmin'] });
    expect(only('"a\\r\\nb"')).toEqual({ kind: 'phrase', negated: false, text: 'a\r\nb' });
    expect(only('"CONTOSO\\\\nancy"')).toEqual({ kind: 'phrase', negated: false, text: 'CONTOSO\\nancy' });
  });

  it('keeps any other backslash literal', () => {
    expect(only('"C:\\Users\\x"')).toEqual({ kind: 'phrase', negated: false, text: 'C:\\Users\\x' });
  });

  it('keeps a backslash before the closing quote when it is itself escaped', () => {
    expect(only('"ends in \\\\"')).toEqual({ kind: 'phrase', negated: false, text: 'ends in \\' });
  });

  it('leaves a bare backslash alone', () => {
    expect(only('prop:a\\b')).toEqual(field('prop', ['a\\b']));
  });

  it('keeps a colon inside a quoted phrase', () => {
    expect(only('"activity:x"')).toEqual({ kind: 'phrase', negated: false, text: 'activity:x' });
  });
});

describe('parseQuery: colons in values and words', () => {
  it('parses an IPv6 address after ip:', () => {
    expect(only('ip:2001:db8::1')).toEqual(field('ip', ['2001:db8::1']));
  });

  it('keeps colons in any field value', () => {
    expect(only('value:a:b:c')).toEqual(field('value', ['a:b:c']));
  });

  it('treats digits before a colon as a free word', () => {
    expect(only('12:00')).toEqual({ kind: 'fuzzy', negated: false, text: '12:00' });
  });

  it('treats letters-then-digits before a colon as a free word', () => {
    expect(only('abc12:x')).toEqual({ kind: 'fuzzy', negated: false, text: 'abc12:x' });
  });

  it('treats a leading colon as a free word', () => {
    expect(only(':x')).toEqual({ kind: 'fuzzy', negated: false, text: ':x' });
  });

  it('treats a bare IPv6 address as a free word', () => {
    expect(only('2001:db8::1')).toEqual({ kind: 'fuzzy', negated: false, text: '2001:db8::1' });
  });
});

describe('parseQuery: positions', () => {
  it('spans each term, including its "-" and quotes', () => {
    const text = ' -actor:x  "a b" word status:a|"b c" since:7d';
    expect(terms(text).map((t) => [t.start, t.end, text.slice(t.start, t.end)])).toEqual([
      [1, 9, '-actor:x'],
      [11, 16, '"a b"'],
      [17, 21, 'word'],
      [22, 36, 'status:a|"b c"'],
      [37, 45, 'since:7d'],
    ]);
  });
});

describe('parseQuery: time bounds', () => {
  it.each([
    ['30s', 30_000],
    ['30m', 30 * MINUTE],
    ['24h', 24 * HOUR],
    ['7d', 7 * DAY],
    ['2w', 14 * DAY],
    ['0d', 0],
    ['007d', 7 * DAY],
  ])('since:%s counts back from now', (value, back) => {
    expect(only(`since:${value}`)).toEqual({ kind: 'since', ms: NOW - back, text: value });
  });

  it('until: takes a duration the same way', () => {
    expect(only('until:1h')).toEqual({ kind: 'until', ms: NOW - HOUR, text: '1h' });
  });

  it('since: a bare date is the start of that UTC day', () => {
    expect(only('since:2026-11-20')).toEqual({ kind: 'since', ms: Date.UTC(2026, 10, 20), text: '2026-11-20' });
  });

  it('until: a bare date is the end of that UTC day', () => {
    expect(only('until:2026-11-20')).toEqual({ kind: 'until', ms: Date.UTC(2026, 10, 20, 23, 59, 59, 999), text: '2026-11-20' });
  });

  it.each([
    ['2026-11-20T12:00:00Z', Date.UTC(2026, 10, 20, 12)],
    ['2026-11-20T12:00', Date.UTC(2026, 10, 20, 12)],
    ['2026-11-20T12:34:56', Date.UTC(2026, 10, 20, 12, 34, 56)],
    ['2026-11-20T12:34:56.789Z', Date.UTC(2026, 10, 20, 12, 34, 56, 789)],
    ['2026-11-20t12:00z', Date.UTC(2026, 10, 20, 12)],
    ['2026-11-20T14:00:00+02:00', Date.UTC(2026, 10, 20, 12)],
  ])('a date-time %s is that exact instant (UTC without a zone)', (value, ms) => {
    expect(only(`since:${value}`)).toEqual({ kind: 'since', ms, text: value });
    expect(only(`until:${value}`)).toEqual({ kind: 'until', ms, text: value });
  });

  it('takes a quoted date-time with a space', () => {
    expect(only('until:"2026-11-20 12:00"')).toEqual({ kind: 'until', ms: Date.UTC(2026, 10, 20, 12), text: '2026-11-20 12:00' });
  });

  it('until: a bare date in a named zone is the end of that day there', () => {
    expect(only('until:2026-11-20+02:00')).toEqual({
      kind: 'until',
      ms: Date.UTC(2026, 10, 20, 21, 59, 59, 999),
      text: '2026-11-20+02:00',
    });
  });

  it('accepts any case in the name', () => {
    expect(only('SINCE:7d')).toEqual({ kind: 'since', ms: NOW - 7 * DAY, text: '7d' });
  });

  it('keeps both bounds, in order, alongside other terms', () => {
    expect(shapes('since:2026-11-01 activity:reset until:2026-11-20')).toEqual([
      { kind: 'since', ms: Date.UTC(2026, 10, 1), text: '2026-11-01' },
      field('activity', ['reset']),
      { kind: 'until', ms: Date.UTC(2026, 10, 20, 23, 59, 59, 999), text: '2026-11-20' },
    ]);
  });

  it('resolves against the now it is given', () => {
    const result = parseQuery('since:1h', { now: 5 * HOUR });
    expect(result.ok && result.query.terms[0]).toMatchObject({ kind: 'since', ms: 4 * HOUR });
  });
});

describe('parseQuery: risk', () => {
  it.each(['high', 'medium', 'any', 'HIGH', 'Medium', 'Any'])('accepts risk:%s', (value) => {
    expect(only(`risk:${value}`)).toEqual(field('risk', [value]));
  });

  it('accepts alternatives of valid values', () => {
    expect(only('risk:high|any')).toEqual(field('risk', ['high', 'any']));
  });
});

const FIELDS_LIST = 'activity, category, service, status, op, actor, target, type, ip, corr, id, prop, value, risk, app, location, error, ca, device, risklevel, job, system, agent, since, until, result, correlation, user, client, protocol, resource, action, source, ua, useragent';
const BAD_TIME = (value: string, kind: string) =>
  `bad time "${value}" for ${kind}: — use a duration (30m, 24h, 7d) or a date (2026-11-20, 2026-11-20T12:00, 2026-11-20T12:00:00Z)`;

describe('parseQuery: errors (message and position)', () => {
  it.each<[query: string, message: string, position: number]>([
    // unknown fields, with and without a close suggestion
    ['actvity:x', 'unknown field "actvity" — did you mean "activity"?', 0],
    ['status:ok Actvity:x', 'unknown field "Actvity" — did you mean "activity"?', 10],
    ['-stauts:failure', 'unknown field "stauts" — did you mean "status"?', 1],
    ['catgory:x', 'unknown field "catgory" — did you mean "category"?', 0],
    ['targets:x', 'unknown field "targets" — did you mean "target"?', 0],
    ['sinse:7d', 'unknown field "sinse" — did you mean "since"?', 0],
    ['reslt:x', 'unknown field "reslt" — did you mean "result"?', 0],
    ['correlationid:x', 'unknown field "correlationid" — did you mean "correlation"?', 0],
    ['time:7d', `unknown field "time" — known fields: ${FIELDS_LIST}`, 0],
    ['https://contoso.com', `unknown field "https" — known fields: ${FIELDS_LIST}`, 0],
    // unterminated quotes
    ['"Add user', 'unterminated quote — add a closing "', 0],
    ['activity:"Add user', 'unterminated quote — add a closing "', 9],
    ['status:a|"b', 'unterminated quote — add a closing "', 9],
    ['-"x', 'unterminated quote — add a closing "', 1],
    ['"ends in \\"', 'unterminated quote — add a closing "', 0],
    // empty values
    ['activity:', 'missing value after activity:', 9],
    ['activity: x', 'missing value after activity:', 9],
    ['x RESULT:', 'missing value after RESULT:', 9],
    ['since:', 'missing value after since:', 6],
    ['activity:""', 'empty quoted value in activity:', 9],
    ['status:a|""', 'empty quoted value in status:', 9],
    ['""', 'empty quoted phrase', 0],
    ['-""', 'empty quoted phrase', 1],
    // empty alternatives
    ['status:a|', 'empty alternative in status: — remove the extra "|"', 8],
    ['status:a| b', 'empty alternative in status: — remove the extra "|"', 8],
    ['status:|a', 'empty alternative in status: — remove the extra "|"', 7],
    ['status:a||b', 'empty alternative in status: — remove the extra "|"', 8],
    ['status:"a"|', 'empty alternative in status: — remove the extra "|"', 10],
    // time terms
    ['since:7x', BAD_TIME('7x', 'since'), 6],
    ['until:yesterday', BAD_TIME('yesterday', 'until'), 6],
    ['since:1.5h', BAD_TIME('1.5h', 'since'), 6],
    ['since:7D', BAD_TIME('7D', 'since'), 6],
    ['since:d', BAD_TIME('d', 'since'), 6],
    ['since:-7d', BAD_TIME('-7d', 'since'), 6],
    ['since:"7 d"', BAD_TIME('7 d', 'since'), 6],
    ['since:2026-02-30', 'no such date or time "2026-02-30"', 6],
    ['until:2026-13-01', 'no such date or time "2026-13-01"', 6],
    ['until:2026-11-20T25:00', 'no such date or time "2026-11-20T25:00"', 6],
    ['since:2026-11-20Tnoon', 'no such date or time "2026-11-20Tnoon"', 6],
    ['since:99999999999999w', 'duration "99999999999999w" is too long', 6],
    ['-since:7d', 'since: cannot be negated — use until: for the other side', 0],
    ['x -until:2026-11-20', 'until: cannot be negated — use since: for the other side', 2],
    ['since:7d|30d', 'since: takes one value, not alternatives', 8],
    ['until:1h|', 'empty alternative in until: — remove the extra "|"', 8],
    // risk
    ['risk:low', 'risk: takes "high", "medium", "any" or "unusual", not "low"', 5],
    ['risk:high|severe', 'risk: takes "high", "medium", "any" or "unusual", not "severe"', 10],
    // lone and doubled "-"
    ['-', '"-" must be followed by a term to exclude', 0],
    ['status:ok - x', '"-" must be followed by a term to exclude', 10],
    ['x -', '"-" must be followed by a term to exclude', 2],
    ['--force', 'a term can be negated only once', 1],
    // quotes and pipes out of place
    ['"Add user"x', 'unexpected "x" after a closing quote — separate terms with a space', 10],
    ['"a"|"b"', 'unexpected "|" after a closing quote — separate terms with a space', 3],
    ['activity:"Add user"s', 'unexpected "s" after a closing quote — separate terms with a space', 19],
    ['don"t', 'unexpected quote inside a word — quote the whole word', 3],
    ['actor:ab"c d"', 'unexpected quote inside a value — quote the whole value', 8],
    ['failure|timeout', '"|" works only in a field term such as status:failure|timeout — quote it to search for it', 7],
    ['|', '"|" works only in a field term such as status:failure|timeout — quote it to search for it', 0],
  ])('%j → %s at %i', (query, message, position) => {
    expect(failure(query)).toEqual({ message, position });
  });

  it('reports the first problem when there are several', () => {
    expect(failure('actvity:x since:bad')).toEqual({ message: 'unknown field "actvity" — did you mean "activity"?', position: 0 });
  });

  it('never throws, whatever the input', () => {
    // A small deterministic generator over the characters the grammar cares about.
    const alphabet = ['a', 'Z', '7', ':', '-', '|', '"', '\\', ' ', '\t', 'é', 'status:', 'since:', 'ip:', 'risk:', '2026-11-20', 'd'];
    let seed = 42;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    for (let n = 0; n < 3000; n++) {
      const length = next() % 12;
      const text = Array.from({ length }, () => alphabet[next() % alphabet.length]).join('');
      const result = parse(text);
      if (!result.ok) {
        expect(result.error.position).toBeGreaterThanOrEqual(0);
        expect(result.error.position).toBeLessThanOrEqual(text.length);
      }
    }
  });
});

describe('field name suggestions', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('stauts', 'status')).toBe(1);
    expect(editDistance('actvity', 'activity')).toBe(1);
    expect(editDistance('', 'ip')).toBe(2);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('suggests nothing for a name too far from every field', () => {
    expect(suggestName('time')).toBeUndefined();
    expect(suggestName('owner')).toBeUndefined();
  });

  it('is case-insensitive', () => {
    expect(suggestName('ACTVITY')).toBe('activity');
  });
});
