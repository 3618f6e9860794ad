import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../src/text/timestamp.js';

/**
 * The eleven `time` values of Elastic's test-time-formats-corner-cases.log
 * (../shared/samples/elastic-azure-auditlogs/). Every one names 2007-01-09 09:41:00 UTC;
 * US-style dates are month first. The ISO text keeps exactly the source's fractional digits.
 */
const ELASTIC_CORNER_CASES: Array<[input: string, iso: string, ms: number]> = [
  ['01/09/2007 09:41:00', '2007-01-09T09:41:00Z', Date.UTC(2007, 0, 9, 9, 41, 0)],
  ['1/9/2007 09:41:00', '2007-01-09T09:41:00Z', Date.UTC(2007, 0, 9, 9, 41, 0)],
  ['01/09/2007 09:41:00 AM', '2007-01-09T09:41:00Z', Date.UTC(2007, 0, 9, 9, 41, 0)],
  ['1/9/2007 9:41:00 AM', '2007-01-09T09:41:00Z', Date.UTC(2007, 0, 9, 9, 41, 0)],
  ['1/9/2007 10:41:00 AM +01:00', '2007-01-09T09:41:00Z', Date.UTC(2007, 0, 9, 9, 41, 0)],
  ['2007-01-09T09:41:00', '2007-01-09T09:41:00Z', Date.UTC(2007, 0, 9, 9, 41, 0)],
  ['2007-01-09T09:41:00.22Z', '2007-01-09T09:41:00.22Z', Date.UTC(2007, 0, 9, 9, 41, 0, 220)],
  ['2007-01-09T09:41:00.6816663Z', '2007-01-09T09:41:00.6816663Z', Date.UTC(2007, 0, 9, 9, 41, 0, 681)],
  ['2007-01-09T09:41:00.535404056Z', '2007-01-09T09:41:00.535404056Z', Date.UTC(2007, 0, 9, 9, 41, 0, 535)],
  ['2007-01-09T09:41:00.992099+00:00', '2007-01-09T09:41:00.992099Z', Date.UTC(2007, 0, 9, 9, 41, 0, 992)],
  ['2007-01-09T11:41:00+02:00', '2007-01-09T09:41:00Z', Date.UTC(2007, 0, 9, 9, 41, 0)],
];

describe('parseTimestamp: the Elastic time-format corner cases', () => {
  it('covers all eleven strings of the sample', () => {
    expect(ELASTIC_CORNER_CASES).toHaveLength(11);
  });

  it.each(ELASTIC_CORNER_CASES)('%s → %s', (input, iso, ms) => {
    expect(parseTimestamp(input)).toEqual({ iso, ms });
  });
});

describe('parseTimestamp: the other forms the fixtures use', () => {
  it.each<[string, string]>([
    // Graph, 7 digits
    ['2025-03-14T09:41:27.5531962Z', '2025-03-14T09:41:27.5531962Z'],
    // Azure Monitor properties.activityDateTime
    ['2025-03-14T11:02:19.8841207+00:00', '2025-03-14T11:02:19.8841207Z'],
    // PowerShell 7, local offset
    ['2025-03-14T10:55:03.25+01:00', '2025-03-14T09:55:03.25Z'],
    // Windows PowerShell 5.1 (after JSON decoding of "\/Date(…)\/")
    ['/Date(1741945287553)/', '2025-03-14T09:41:27.553Z'],
    ['/Date(1741946400000)/', '2025-03-14T10:00:00Z'],
    // Log Analytics portal CSV: US locale with a comma, 12 PM and 12 AM
    ['3/14/2025, 9:41:27.553 AM', '2025-03-14T09:41:27.553Z'],
    ['3/14/2025, 12:05:09.870 PM', '2025-03-14T12:05:09.870Z'],
    ['3/15/2025, 12:00:01.004 AM', '2025-03-15T00:00:01.004Z'],
    // Unified audit log CreationTime: no zone, UTC
    ['2025-03-14T09:41:28', '2025-03-14T09:41:28Z'],
  ])('%s → %s', (input, iso) => {
    expect(parseTimestamp(input)?.iso).toBe(iso);
  });

  it('refuses text that is not a date', () => {
    expect(parseTimestamp('not a date')).toBeNull();
    expect(parseTimestamp('')).toBeNull();
    expect(parseTimestamp('2025-02-31T00:00:00Z')).toBeNull();
  });
});

describe('the canonical UTC form (read without a regular expression)', () => {
  it('gives the same time and text as the general reading, for every day of a leap year and the year after', () => {
    // The general reading, by way of an offset (`+00:00`) the canonical path never takes.
    for (let day = 0; day < 731; day++) {
      const base = Date.UTC(2024, 0, 1) + day * 86_400_000 + ((day * 7919) % 86_400) * 1000;
      const whole = new Date(base).toISOString().slice(0, 19);
      for (const fraction of ['', '.5', '.123', '.1234567', '.999999999']) {
        const text = `${whole}${fraction}Z`;
        const general = parseTimestamp(`${whole}${fraction}+00:00`);
        expect(parseTimestamp(text)).toEqual({ ms: general!.ms, iso: text });
      }
    }
  });

  it('refuses what is no date: 29 February in a common year, hour 24, a fraction of ten digits', () => {
    expect(parseTimestamp('2025-02-29T00:00:00Z')).toBeNull();
    expect(parseTimestamp('2024-02-29T00:00:00Z')?.iso).toBe('2024-02-29T00:00:00Z');
    expect(parseTimestamp('2026-04-31T00:00:00Z')).toBeNull();
    expect(parseTimestamp('2026-11-19T24:00:00Z')).toBeNull();
    expect(parseTimestamp('2026-11-19T02:44:39.1234567890Z')).toBeNull();
    expect(parseTimestamp('2026-11-19T02:44:3xZ')).toBeNull();
  });
});
