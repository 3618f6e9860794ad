import { spawnSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clipboardRoute, clipboardSequence, eventAsJson, osc52, OSC52_MAX_BASE64, reproduceCommand } from '../../src/tui/clipboard.js';
import { graphEvent } from '../helpers/events.js';
import { loaded } from '../helpers/loaded.js';
import { tempDir } from '../helpers/temp.js';

const binDir = tempDir('entra-audit-bin-');

describe('osc52', () => {
  it('is ESC ] 52 ; c ; base64 BEL', () => {
    expect(osc52('hello')).toBe('\u001b]52;c;aGVsbG8=\u0007');
    expect(Buffer.from(osc52('Zoë ⚙').slice(7, -1), 'base64').toString('utf8')).toBe('Zoë ⚙');
  });
});

describe('clipboardRoute', () => {
  it('uses plain OSC 52 on a terminal and in tmux (with the set-clipboard hint), DCS passthrough in screen', () => {
    expect(clipboardRoute({ TERM: 'xterm-256color' }, true)).toMatchObject({ ok: true, via: 'terminal' });
    expect(clipboardRoute({ TERM: 'screen', TMUX: '/tmp/tmux-0/default,1,0' }, true)).toMatchObject({ ok: true, via: 'tmux', hint: expect.stringContaining('set-clipboard on') });
    expect(clipboardRoute({ TERM: 'screen', STY: '1234.pts-0.host' }, true)).toMatchObject({ ok: true, via: 'screen' });
  });

  it('declines without a terminal, and on terminals that do not know OSC 52', () => {
    expect(clipboardRoute({ TERM: 'xterm' }, false)).toMatchObject({ ok: false });
    expect(clipboardRoute({ TERM: 'linux' }, true)).toMatchObject({ ok: false, reason: expect.stringContaining('TERM=linux') });
    expect(clipboardRoute({ TERM: 'dumb' }, true).ok).toBe(false);
  });
});

describe('clipboardSequence', () => {
  const terminal = clipboardRoute({ TERM: 'xterm' }, true);
  const screen = clipboardRoute({ STY: '1.x' }, true);

  it('is plain OSC 52 outside screen', () => {
    expect(clipboardSequence('hello', terminal)).toEqual({ ok: true, sequence: osc52('hello') });
  });

  it('wraps OSC 52 in screen DCS passthrough pieces that carry the whole payload', () => {
    const text = 'x'.repeat(200);
    const result = clipboardSequence(text, screen);
    if (!result.ok) throw new Error(result.reason);
    expect(result.sequence.startsWith('\u001bP\u001b]52;c;')).toBe(true);
    expect(result.sequence.endsWith('\u0007\u001b\\')).toBe(true);
    const pieces = result.sequence.slice('\u001bP\u001b]52;c;'.length, -'\u0007\u001b\\'.length).split('\u001b\\\u001bP');
    expect(pieces.every((piece) => piece.length <= 76)).toBe(true);
    expect(Buffer.from(pieces.join(''), 'base64').toString()).toBe(text);
  });

  it('refuses payloads terminals would drop, and passes on a declined route', () => {
    const tooBig = 'y'.repeat((OSC52_MAX_BASE64 / 4) * 3 + 3);
    expect(clipboardSequence(tooBig, terminal)).toMatchObject({ ok: false, reason: expect.stringContaining('too large') });
    expect(clipboardSequence('y'.repeat((OSC52_MAX_BASE64 / 4) * 3), terminal).ok).toBe(true);
    expect(clipboardSequence('hi', { ok: false, reason: 'nope' })).toEqual({ ok: false, reason: 'nope' });
  });
});

describe('eventAsJson', () => {
  it('is the event as indented JSON with C1 controls and bidi overrides escaped', () => {
    const [event] = loaded(graphEvent({ activityDisplayName: 'a\u009b2Jb\u202ec' }));
    const text = eventAsJson(event);
    expect(text).toContain('\n  "id": ');
    expect(text).not.toMatch(/[\u0080-\u009f\u202e]/);
    expect(JSON.parse(text)).toEqual(event.event);
  });
});

describe('reproduceCommand', () => {
  // A stand-in `entra-audit` on PATH that prints the arguments it received, one JSON array.
  const bin = binDir.write('entra-audit', `#!${process.execPath}\nprocess.stdout.write(JSON.stringify(process.argv.slice(2)));\n`);
  chmodSync(bin, 0o755);
  const argsAfterShell = (command: string, shell = 'sh'): string[] => {
    const result = spawnSync(shell, ['-c', command], { encoding: 'utf8', env: { PATH: `${dirname(bin)}:/usr/bin:/bin`, HOME: '/nonexistent' } });
    if (result.status !== 0) throw new Error(`sh failed: ${result.stderr}`);
    return JSON.parse(result.stdout);
  };

  it('leaves simple arguments bare', () => {
    expect(reproduceCommand({ sources: ['logs/a.json', 'b.csv.gz'], pane: 'directory', filter: 'ip:203.0.113.66' })).toBe(
      'entra-audit logs/a.json b.csv.gz --pane directory --filter ip:203.0.113.66',
    );
  });

  it('uses --filter= for a filter starting with -, and stands - for standard input', () => {
    expect(reproduceCommand({ sources: ['<stdin>'], pane: 'custom-security', filter: '-actor:x' })).toBe('entra-audit - --pane custom-security --filter=-actor:x');
    expect(reproduceCommand({ sources: ['a.json'], pane: 'directory', filter: '' })).toBe('entra-audit a.json --pane directory');
  });

  const nasty = [
    `actor:"O'Brien" -actor:MS-PIM since:30d`,
    'target:"$HOME" value:`id` value:$(id) ; rm -rf / & echo !!',
    '-status:"failure" \\ back\\slash "double"',
    'two\nlines\ttab',
    'esc\u001b]0;pwned\u0007 c1\u009b2J bidi\u202egnp.exe',
    "'''",
    ' leading and trailing spaces ',
    'Zoë ⚙ *.json ~ # {a,b}',
  ];
  it.each(nasty)('round-trips through sh -c: %j', (filter) => {
    const sources = ['my logs/it\'s here.json', '-dash.json', '$weird!.jsonl'];
    const command = reproduceCommand({ sources, pane: 'directory', filter });
    const expectedFilter = filter.startsWith('-') ? [`--filter=${filter}`] : ['--filter', filter];
    const expected = ['my logs/it\'s here.json', './-dash.json', '$weird!.jsonl', '--pane', 'directory', ...expectedFilter];
    expect(argsAfterShell(command)).toEqual(expected);
    // Interactive shells are mostly bash; it must agree (history expansion is off under -c either way).
    if (spawnSync('bash', ['--version']).status === 0) expect(argsAfterShell(command, 'bash')).toEqual(expected);
  });

  it('never puts terminal controls or bidi overrides raw into the pasted text', () => {
    const command = reproduceCommand({ sources: ['x\u001b.json'], pane: 'directory', filter: 'a\u001b[2Jb\u009bc\u202ed\te\rf' });
    expect(command).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
  });
});
