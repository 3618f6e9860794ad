/**
 * Times typed in since:/until: as a person reads them off the screen: in the zone times are shown
 * in (--tz), unless they name a zone; one time when a date and a time of day are written with a
 * space between; and kept with the offset they were read at, so a copy means the same anywhere.
 */
import { describe, expect, it } from 'vitest';
import type { Term } from '../../src/query/ast.js';
import { filterFromText } from '../../src/query/filter.js';
import { formatQuery } from '../../src/query/format.js';
import { parseQuery } from '../../src/query/parse.js';
import { QueryIndex } from '../../src/query/query-index.js';
import { replaceTerms } from '../../src/query/edit.js';
import { storeFromEvents } from '../../src/load/from-events.js';
import { graphEvent } from '../helpers/events.js';
import { loaded } from '../helpers/loaded.js';

const NOW = Date.parse('2026-11-28T12:00:00Z');
const PARIS = 'Europe/Paris';

function termsOf(text: string, timeZone?: string): Term[] {
  const result = parseQuery(text, { now: NOW, timeZone });
  if (!result.ok) throw new Error(`${text}: ${result.error.message} at ${result.error.position}`);
  return result.query.terms;
}

/** The one time term's instant, as ISO, and its text. */
function timeOf(text: string, timeZone?: string): { at: string; text: string | undefined } {
  const [term] = termsOf(text, timeZone);
  if (term.kind !== 'since' && term.kind !== 'until') throw new Error(`${text}: not a time term`);
  return { at: new Date(term.ms).toISOString(), text: term.text };
}

describe('since:/until: read in the display zone', () => {
  it('reads a time without a zone in --tz, and keeps the offset it was read at', () => {
    // What the table shows as 04:08 in Paris in November is 03:08 UTC.
    expect(timeOf('since:2026-11-19T04:00', PARIS)).toEqual({ at: '2026-11-19T03:00:00.000Z', text: '2026-11-19T04:00+01:00' });
    expect(timeOf('until:2026-11-19T04:10:30', PARIS)).toEqual({ at: '2026-11-19T03:10:30.000Z', text: '2026-11-19T04:10:30+01:00' });
    expect(timeOf('since:2026-11-19T04:00', 'America/New_York')).toEqual({ at: '2026-11-19T09:00:00.000Z', text: '2026-11-19T04:00-05:00' });
    expect(timeOf('since:2026-11-19T04:00', 'Asia/Kolkata')).toEqual({ at: '2026-11-18T22:30:00.000Z', text: '2026-11-19T04:00+05:30' });
  });

  it('uses the offset of that date, not of today: summer time is a real zone computation', () => {
    expect(timeOf('since:2026-07-01T04:00', PARIS)).toEqual({ at: '2026-07-01T02:00:00.000Z', text: '2026-07-01T04:00+02:00' });
  });

  it('leaves UTC, Z, offsets and durations alone', () => {
    expect(timeOf('since:2026-11-19T04:00')).toEqual({ at: '2026-11-19T04:00:00.000Z', text: '2026-11-19T04:00' });
    expect(timeOf('since:2026-11-19T04:00', 'UTC')).toEqual({ at: '2026-11-19T04:00:00.000Z', text: '2026-11-19T04:00' });
    expect(timeOf('since:2026-11-19T04:00Z', PARIS)).toEqual({ at: '2026-11-19T04:00:00.000Z', text: '2026-11-19T04:00Z' });
    expect(timeOf('since:2026-11-19T04:00+02:00', PARIS)).toEqual({ at: '2026-11-19T02:00:00.000Z', text: '2026-11-19T04:00+02:00' });
    expect(timeOf('since:2026-11-19+01:00', PARIS)).toEqual({ at: '2026-11-18T23:00:00.000Z', text: '2026-11-19+01:00' });
    expect(timeOf('since:2h', PARIS)).toEqual({ at: '2026-11-28T10:00:00.000Z', text: '2h' });
  });

  it('reads a bare date as that day in the zone, the whole day for until:', () => {
    expect(timeOf('since:2026-11-19', PARIS)).toEqual({ at: '2026-11-18T23:00:00.000Z', text: '2026-11-19T00:00+01:00' });
    expect(timeOf('until:2026-11-19', PARIS)).toEqual({ at: '2026-11-19T22:59:59.999Z', text: '2026-11-19T23:59:59.999+01:00' });
  });

  it('counts the 25 hours of the day clocks go back, and the 23 of the day they go forward', () => {
    // 2026-10-25 in Paris: 03:00 summer time is 02:00 winter time again.
    const since = termsOf('since:2026-10-25', PARIS)[0];
    const until = termsOf('until:2026-10-25', PARIS)[0];
    expect(new Date(since.kind === 'since' ? since.ms : 0).toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(new Date(until.kind === 'until' ? until.ms : 0).toISOString()).toBe('2026-10-25T22:59:59.999Z');
    expect((until.kind === 'until' ? until.ms : 0) + 1 - (since.kind === 'since' ? since.ms : 0)).toBe(25 * 3_600_000);
    expect(timeOf('until:2026-03-29', PARIS).at).toBe('2026-03-29T21:59:59.999Z');
    expect(Date.parse(timeOf('until:2026-03-29', PARIS).at) + 1 - Date.parse(timeOf('since:2026-03-29', PARIS).at)).toBe(23 * 3_600_000);
  });

  it('reads a time that happens twice as the first, and one that never happens as after the gap', () => {
    expect(timeOf('since:2026-10-25T02:30', PARIS)).toEqual({ at: '2026-10-25T00:30:00.000Z', text: '2026-10-25T02:30+02:00' });
    expect(timeOf('since:2026-03-29T02:30', PARIS)).toEqual({ at: '2026-03-29T01:30:00.000Z', text: '2026-03-29T03:30+02:00' });
  });

  it('formats the query with the offsets, which read back to the same instants in any zone', () => {
    const typed = 'since:2026-11-19T04:00 until:2026-11-19T04:10';
    const result = parseQuery(typed, { now: NOW, timeZone: PARIS });
    if (!result.ok) throw new Error(result.error.message);
    const text = formatQuery(result.query);
    expect(text).toBe('since:2026-11-19T04:00+01:00 until:2026-11-19T04:10+01:00');
    for (const zone of ['UTC', PARIS, 'America/New_York']) {
      const again = parseQuery(text, { now: NOW, timeZone: zone });
      expect(again.ok && again.query.terms.map((term) => (term.kind === 'since' || term.kind === 'until' ? term.ms : null))).toEqual([
        Date.parse('2026-11-19T03:00Z'),
        Date.parse('2026-11-19T03:10Z'),
      ]);
    }
  });
});

describe('since:/until: a date, a space and a time of day', () => {
  it('is one time, with or without seconds, quoted or not', () => {
    expect(termsOf('since:2026-11-19 02:00').map((t) => t.kind)).toEqual(['since']);
    expect(timeOf('since:2026-11-19 02:00')).toEqual({ at: '2026-11-19T02:00:00.000Z', text: '2026-11-19 02:00' });
    expect(timeOf('until:2026-11-19 03:20:30')).toEqual({ at: '2026-11-19T03:20:30.000Z', text: '2026-11-19 03:20:30' });
    expect(timeOf('since:"2026-11-19 02:00"')).toEqual({ at: '2026-11-19T02:00:00.000Z', text: '2026-11-19 02:00' });
    expect(timeOf('since:2026-11-19 02:00Z', PARIS).at).toBe('2026-11-19T02:00:00.000Z');
    // A time of day is not the whole day: until: ends at that minute, not at midnight.
    expect(timeOf('until:2026-11-19 03:20').at).toBe('2026-11-19T03:20:00.000Z');
  });

  it('works beside other terms, inside parentheses, and in the display zone', () => {
    const terms = termsOf('since:2026-11-19 02:20 until:2026-11-19 03:20 ip:203.0.113.66');
    expect(terms.map((t) => [t.kind, t.start, t.end])).toEqual([
      ['since', 0, 22],
      ['until', 23, 45],
      ['field', 46, 61],
    ]);
    expect(termsOf('(since:2026-11-19 02:00) x').map((t) => t.kind)).toEqual(['since', 'fuzzy']);
    expect(timeOf('since:2026-11-19 04:00', PARIS)).toEqual({ at: '2026-11-19T03:00:00.000Z', text: '2026-11-19T04:00+01:00' });
  });

  it('leaves a word after a date a word when it is not a time of day', () => {
    expect(termsOf('since:2026-11-19 reset').map((t) => t.kind)).toEqual(['since', 'fuzzy']);
    expect(termsOf('since:2026-11-19 02:00x').map((t) => t.kind)).toEqual(['since', 'fuzzy']);
    expect(termsOf('since:7d 02:00').map((t) => t.kind)).toEqual(['since', 'fuzzy']);
  });

  it('writes it back quoted, which reads as the same time', () => {
    const result = parseQuery('since:2026-11-19 02:00 x', { now: NOW });
    expect(result.ok && formatQuery(result.query)).toBe('since:"2026-11-19 02:00" x');
  });

  it('says what is wrong with a time of day that does not exist', () => {
    expect(parseQuery('since:2026-11-19 25:00', { now: NOW })).toEqual({ ok: false, error: { message: 'no such date or time "2026-11-19 25:00"', position: 6 } });
  });
});

describe('the filter kept by the explorer', () => {
  const store = storeFromEvents(
    loaded(
      graphEvent({ id: 'at-0308', activityDateTime: '2026-11-19T03:08:00Z' }),
      graphEvent({ id: 'at-0408', activityDateTime: '2026-11-19T04:08:00Z' }),
    ),
  );
  const index = new QueryIndex(store);
  const ids = (text: string, zone: string) => {
    const result = filterFromText(text, index, NOW, null, zone);
    if (!result.ok) throw new Error(result.error.message);
    return { text: result.text, ids: Array.from(store.sortedIndices('all', result.test ?? undefined), (i) => store.loadedEvent(i).event.id) };
  };

  it('selects in Paris time what the screen shows, and keeps the text with its offsets', () => {
    expect(ids('since:2026-11-19T04:00 until:2026-11-19T04:10', PARIS)).toEqual({ text: 'since:2026-11-19T04:00+01:00 until:2026-11-19T04:10+01:00', ids: ['at-0308'] });
    expect(ids('since:2026-11-19T03:00Z until:2026-11-19T03:10Z', PARIS).ids).toEqual(['at-0308']);
    expect(ids('since:2026-11-19T04:00 until:2026-11-19T04:10', 'UTC')).toEqual({ text: 'since:2026-11-19T04:00 until:2026-11-19T04:10', ids: ['at-0408'] });
  });

  it('keeps term positions that index the kept text (the menu edits by them)', () => {
    const result = filterFromText('actor:x   since:2026-11-19 04:00  ip:1', index, NOW, null, PARIS);
    if (!result.ok || !result.filter) throw new Error('expected a filter');
    expect(result.text).toBe('actor:x   since:2026-11-19T04:00+01:00  ip:1');
    expect(replaceTerms(result.text, result.filter.query, 'time', 'since:7d')).toBe('actor:x ip:1 since:7d');
  });
});
