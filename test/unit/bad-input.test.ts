import { describe, expect, it } from 'vitest';
import { loadAll } from '../../src/ingest/read-input.js';
import { graphEvent } from '../helpers/events.js';
import { tempDir } from '../helpers/temp.js';

const temp = tempDir();
const load = (path: string) => loadAll([{ kind: 'file', path }]);
const line = (overrides = {}) => JSON.stringify(graphEvent(overrides));

describe('bad input loses nothing around it', () => {
  it('reports a truncated JSON array element and keeps the elements before it', async () => {
    const text = JSON.stringify([graphEvent({ id: 'one' }), graphEvent({ id: 'two' })], null, 2);
    const path = temp.write('truncated.json', text.slice(0, text.length - 40));
    const { events, problems, reports } = await load(path);
    expect(events.map((e) => e.event.id)).toEqual(['one']);
    expect(problems).toEqual([{ source: path, line: expect.any(Number), column: expect.any(Number), reason: expect.stringContaining('truncated') }]);
    expect(reports[0].error).toBeUndefined();
  });

  it('reports garbage lines in JSON Lines with their line numbers', async () => {
    const path = temp.write('garbage.jsonl', [line({ id: 'a' }), 'garbage here', '{"broken": ', line({ id: 'b' })].join('\n'));
    const { events, problems } = await load(path);
    expect(events.map((e) => e.event.id).sort()).toEqual(['a', 'b']);
    expect(problems.map((p) => [p.line, p.reason.split(' ')[0]])).toEqual([
      [2, 'not'],
      [3, 'invalid'],
    ]);
  });

  it('reports records with wrong types and says which field is wrong', async () => {
    const path = temp.write(
      'types.jsonl',
      [
        line({ id: 'good' }),
        JSON.stringify({ ...graphEvent(), activityDateTime: 12 }),
        JSON.stringify({ ...graphEvent(), activityDateTime: 'yesterday-ish' }),
        JSON.stringify({ ...graphEvent(), activityDisplayName: null }),
        JSON.stringify({ ...graphEvent(), targetResources: 7 }),
        '42',
      ].join('\n'),
    );
    const { events, problems } = await load(path);
    expect(events.map((e) => e.event.id)).toEqual(['good']);
    expect(problems.map((p) => `${p.line}: ${p.reason}`)).toEqual([
      '2: activityDateTime is a number, not text',
      '3: activityDateTime "yesterday-ish" is not a date',
      '4: no activityDisplayName',
      '5: targetResources is not a list',
      '6: not a JSON object: "42"',
    ]);
  });

  it('refuses a file in no known format and names the supported formats', async () => {
    const path = temp.write('notes.txt', 'Meeting notes\nnothing to see here\n');
    const { events, reports } = await load(path);
    expect(events).toEqual([]);
    expect(reports[0].error).toMatch(/not an Entra audit export/);
    expect(reports[0].error).toMatch(/Entra admin center CSV download/);
    expect(reports[0].error).toMatch(/Graph PowerShell/);
  });

  it('refuses JSON whose records are not audit events, without a problem per record', async () => {
    const path = temp.write('other.json', JSON.stringify([{ name: 'x' }, { name: 'y' }]));
    const { problems, reports } = await load(path);
    expect(reports[0].error).toMatch(/matches no known audit format \(keys: name\)/);
    expect(problems).toEqual([]);
  });

  it('refuses a CSV with an unknown header', async () => {
    const path = temp.write('other.csv', 'a,b,c\n1,2,3\n');
    const { reports } = await load(path);
    expect(reports[0].error).toMatch(/CSV header "a,b,c" is not one I know/);
  });

  it('reports an empty file as a problem, not a crash', async () => {
    const path = temp.write('empty.json', '');
    const { events, problems, reports } = await load(path);
    expect(events).toEqual([]);
    expect(problems).toEqual([{ source: path, line: 1, reason: 'empty input: no records' }]);
    expect(reports[0].error).toBeUndefined();
  });

  it('reports a corrupt gzip file with where it broke', async () => {
    const { gzipSync } = await import('node:zlib');
    const zipped = gzipSync(Buffer.from(line() + '\n' + line() + '\n'));
    const path = temp.write('corrupt.jsonl.gz', Buffer.concat([zipped.subarray(0, 20), Buffer.alloc(40, 7)]));
    const { reports } = await load(path);
    // Nothing decoded into a record: the source is unreadable (an error, with the byte), not a problem.
    expect(reports[0].error).toMatch(/(compressed data is corrupt near|gzip data cut short at) byte \d+ .*: no record could be read$/);
  });

  it('reports a missing file as an error', async () => {
    const { resolveInputs } = await import('../../src/ingest/inputs.js');
    const { errors } = await resolveInputs([temp.path('nope.json')]);
    expect(errors).toEqual([`${temp.path('nope.json')}: no such file or directory`]);
  });
});
