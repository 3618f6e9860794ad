/**
 * A field term that matches nothing in scope says so, with the value it was close to: the empty
 * result of `status:failed` must not read as "there were no failures".
 */
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/query/parse.js';
import { QueryIndex } from '../../src/query/query-index.js';
import { valueNotes, type ValueNoteOptions } from '../../src/query/value-notes.js';
import { storeFromEvents } from '../../src/load/from-events.js';
import { closestByPrefix, closestName } from '../../src/text/closest-name.js';
import { suggestName } from '../../src/query/names.js';
import { graphEvent } from '../helpers/events.js';
import { loaded } from '../helpers/loaded.js';

const store = storeFromEvents(
  loaded(
    graphEvent({ id: 'reset', activityDisplayName: 'Reset user password', result: 'failure' }),
    graphEvent({ id: 'update', activityDisplayName: 'Update user', result: 'success' }),
    graphEvent({ id: 'csa', category: 'AttributeManagement', activityDisplayName: 'Update attribute values assigned to a user', result: 'timeout' }),
  ),
);
const index = new QueryIndex(store);

function notes(text: string, options: Partial<ValueNoteOptions> = {}): string[] {
  const parsed = parseQuery(text, { now: 0 });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return valueNotes(parsed.query, index, { scope: 'all', text, ...options });
}

describe('notes on field values that match nothing', () => {
  it('suggests the value meant, by edits or by how it starts', () => {
    expect(notes('status:failed')).toEqual(['no status contains "failed" — did you mean "failure"?']);
    expect(notes('status:sucess')).toEqual(['no status contains "sucess" — did you mean "success"?']);
    // A word of a value is a value a substring term finds.
    expect(notes('activity:passwrd')).toEqual(['no activity contains "passwrd" — did you mean "password"?']);
    expect(notes('status:=fail')).toEqual(['no status is "fail" — did you mean "failure"?']);
  });

  it('says only that nothing has it when no value is close', () => {
    expect(notes('status:xyz')).toEqual(['no status contains "xyz"']);
    expect(notes('ip:198.51')).toEqual(['no ip contains "198.51"']);
  });

  it('says nothing when the term finds something, or is excluded', () => {
    expect(notes('status:fail')).toEqual([]);
    expect(notes('status:failure activity:reset')).toEqual([]);
    expect(notes('-status:failed')).toEqual([]);
    expect(notes('NOT (status:failed OR ip:1.2.3.4)')).toEqual([]);
    // One alternative finding something is a term that finds something.
    expect(notes('status:failure|timeoutt')).toEqual([]);
    // Fields the store does not keep are not looked at (re-reading every event is not a note's job).
    expect(notes('id:nothing value:nothing')).toEqual([]);
  });

  it('looks at every field term, inside OR groups too, each value of a term that found nothing', () => {
    expect(notes('status:failed OR ip:203.0.113.10')).toEqual(['no status contains "failed" — did you mean "failure"?']);
    expect(notes('activity:passwrd status:xyz|sucess')).toEqual([
      'no activity contains "passwrd" — did you mean "password"?',
      'no status contains "xyz"',
      'no status contains "sucess" — did you mean "success"?',
    ]);
  });

  it('judges the pane in scope, and names the field as typed', () => {
    expect(notes('activity:attribute', { scope: 'directory' })).toEqual(['no activity contains "attribute"']);
    expect(notes('activity:attribute', { scope: 'custom-security' })).toEqual([]);
    expect(notes('action:passwrd')).toEqual(['no action contains "passwrd" — did you mean "password"?']);
  });

  it('skips the terms ANDed at the top when the whole query found events (they found them too)', () => {
    expect(notes('status:failed', { matchedSome: true })).toEqual([]);
    expect(notes('status:failed OR ip:203.0.113.10', { matchedSome: true })).toEqual(['no status contains "failed" — did you mean "failure"?']);
  });
});

describe('the one did-you-mean', () => {
  it('is shared by field names, config names and values', () => {
    expect(suggestName('actvity')).toBe('activity');
    expect(closestName('stauts', ['status', 'state'])).toBe('status');
    expect(closestName('time', ['type'])).toBeUndefined();
  });

  it('also finds the value that starts most like the one typed, from four characters and half of it', () => {
    expect(closestByPrefix('failed', ['success', 'failure', 'failures'])).toBe('failure');
    expect(closestByPrefix('fai', ['failure'])).toBeUndefined();
    expect(closestByPrefix('failedxyzw', ['failure'])).toBeUndefined();
  });
});
