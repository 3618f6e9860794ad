/**
 * Copying to the clipboard of the person's own machine from a jump host: OSC 52, the escape
 * sequence that asks the terminal emulator (not the remote host, which has no clipboard to
 * reach) to set its clipboard. Pure: builds the bytes; the explorer writes them to its tty.
 * Everything copied is also text someone will paste into a shell or a ticket, so it is built
 * to be harmless there too.
 */
import { graphRecordOf } from '../model/own-record.js';
import { safeJsonStringify } from '../export/safe-json.js';
import { STDIN_NAME } from '../model/sources.js';
import type { LoadedEvent } from '../model/loaded-event.js';
import type { Pane } from '../model/pane.js';
import { exactTerm } from '../query/edit.js';
import type { AppState } from './app-state.js';

const ESC = '\u001b';
const BEL = '\u0007';
const ST = `${ESC}\\`;

/**
 * Terminals drop (or truncate) longer OSC 52 payloads: hterm and several others stop near
 * 100 kB of base64, tmux and xterm set their own caps. Refusing is better than a silent cut.
 */
export const OSC52_MAX_BASE64 = 100_000;

/** The raw sequence, ESC ] 52 ; c ; base64 BEL, with no size check: see clipboardSequence. */
export function osc52(text: string): string {
  return `${ESC}]52;c;${Buffer.from(text, 'utf8').toString('base64')}${BEL}`;
}

/** How a copy reaches the terminal emulator, or why it cannot. */
export type ClipboardRoute =
  | { ok: true; via: 'terminal' | 'tmux' | 'screen'; hint?: string }
  | { ok: false; reason: string };

/**
 * tmux passes plain OSC 52 on to the outer terminal (and keeps a paste buffer) when its
 * `set-clipboard` option is `on`. GNU screen swallows OSC 52 unless it is wrapped in DCS
 * passthrough. The Linux console and dumb terminals do not know OSC 52 at all.
 */
export function clipboardRoute(env: Readonly<Record<string, string | undefined>>, isTTY: boolean): ClipboardRoute {
  if (!isTTY) return { ok: false, reason: 'not a terminal: nothing to copy to' };
  if (env.TMUX) return { ok: true, via: 'tmux', hint: 'tmux copies only with "set -g set-clipboard on" in ~/.tmux.conf' };
  if (env.STY) return { ok: true, via: 'screen' };
  const term = env.TERM ?? '';
  if (term === 'dumb' || term === 'linux' || term === '') return { ok: false, reason: `this terminal (TERM=${term || 'unset'}) cannot set the clipboard` };
  return { ok: true, via: 'terminal', hint: 'needs a terminal that allows OSC 52 clipboard writes (most do; some ask first)' };
}

export type ClipboardWrite = { ok: true; sequence: string } | { ok: false; reason: string };

/** The bytes to write to the tty to copy `text`, or why it will not be copied. */
export function clipboardSequence(text: string, route: ClipboardRoute): ClipboardWrite {
  if (!route.ok) return route;
  const base64 = Buffer.from(text, 'utf8').toString('base64');
  if (base64.length > OSC52_MAX_BASE64) {
    return { ok: false, reason: `too large to copy (${Buffer.byteLength(text)} bytes; terminals drop more than about 75 kB): export it instead` };
  }
  if (route.via !== 'screen') return { ok: true, sequence: osc52(text) };
  // screen passes a DCS string through but caps its length, so the payload goes in 76-character
  // DCS pieces that the outer terminal reassembles (the approach of vim-oscyank).
  const pieces = base64.match(/.{1,76}/g) ?? [''];
  return { ok: true, sequence: `${ESC}P${ESC}]52;c;${pieces.join(`${ST}${ESC}P`)}${BEL}${ST}` };
}

/** One event, as a person pastes it into a ticket: indented JSON, C1 controls and bidi escaped. */
export function eventAsJson(loaded: LoadedEvent): string {
  return safeJsonStringify(graphRecordOf(loaded), 2);
}


export interface ReproduceOptions {
  sources: readonly string[];
  pane: Pane;
  /** The filter as typed (empty for none). */
  filter: string;
  /** `o`: start grouped by correlation ID. */
  group?: boolean;
  /** `--config` as the view was opened with (its rules decide `risk:`). */
  config?: string | null;
  program?: string;
}

/**
 * The command that reopens this view: `entra-audit FILES --pane PANE --filter 'QUERY'`, each
 * argument quoted for a POSIX shell. Pasting it must never do anything but run it.
 */
export function reproduceCommand({ sources, pane, filter, group = false, config = null, program = 'entra-audit' }: ReproduceOptions): string {
  const files = sources.map((source) => (source === STDIN_NAME ? '-' : source.startsWith('-') ? `./${source}` : source));
  const args = [program, ...files, '--pane', pane];
  // yargs would read a filter starting with '-' as an option; '=' keeps it one argument.
  if (filter !== '') args.push(...(filter.startsWith('-') ? [`--filter=${filter}`] : ['--filter', filter]));
  if (group) args.push('--group');
  if (config !== null) args.push('--config', config);
  return args.map(shellQuote).join(' ');
}

/** The most marked events `Y` names one by one (`id:="…"|…`): more makes a command no one can paste. */
const MAX_NAMED_MARKS = 200;

/** The initiator `s` hides (see model/accessors.ts isSubstrateWriteBack). */
const SUBSTRATE = 'Microsoft Substrate Management';

/**
 * `Y`: the command that reopens the view as it is, its lenses written as the query terms that
 * mean the same (`r` → risk:any, `s` → -actor:="Microsoft Substrate Management", `M` → the marked
 * events' ids) and `o` as --group; or why no command can (data read from standard input).
 */
export function viewCommand(state: AppState, program?: string): { ok: true; text: string } | { ok: false; reason: string } {
  if (state.sources.includes(STDIN_NAME)) return { ok: false, reason: 'Not copied: this view was read from standard input, which no command can read again (save the input to a file and open that)' };
  const terms = [state.filter.text];
  if (state.riskOnly) terms.push('risk:any');
  if (state.unusualOnly) terms.push('risk:unusual');
  // Not quite the s lens (that looks at the app's display name only, or its service principal name
  // when it has none), but the same events in every export seen: Exchange's write-backs.
  if (state.hideSubstrate) terms.push(exactTerm('actor', [SUBSTRATE], true));
  if (state.marksOnly) {
    // Counted before anything is read: each id is a re-read of its record.
    if (state.marks.size === 0) return { ok: false, reason: 'Not copied: no event is marked, so the marked-only view (M) shows nothing to reopen' };
    if (state.marks.size > MAX_NAMED_MARKS) return { ok: false, reason: `Not copied: ${state.marks.size} marked events are too many to name in a command (e exports them)` };
    const ids: string[] = [];
    for (const index of state.marks) {
      const read = state.store.readEvent(index);
      if (!read.ok) return { ok: false, reason: `Not copied: a marked event can no longer be read from ${read.origin.source} (${read.reason}), so its id cannot be named` };
      if (!read.loaded.event.id) return { ok: false, reason: 'Not copied: a marked event has no id to name it by, so the marked-only view (M) cannot be written as a command' };
      ids.push(read.loaded.event.id);
    }
    terms.push(exactTerm('id', ids, false));
  }
  const filter = terms.filter((term) => term !== '').join(' ');
  return { ok: true, text: reproduceCommand({ sources: state.sources, pane: state.pane, filter, group: state.groups !== null, config: state.options.configPath, program }) };
}

const NEEDS_NO_QUOTES = /^[A-Za-z0-9_@%+=:,./-]+$/;
/**
 * Characters that act on the terminal (C0 except newline, DEL, C1) or reorder what is shown
 * (bidi controls): a pasted command could otherwise end bracketed paste early or hide what it
 * runs. They are produced by printf instead of appearing raw. A newline stays raw: inside
 * single quotes the shell just continues the line, and $(…) would drop a trailing one.
 */
// eslint-disable-next-line no-control-regex
const UNPASTEABLE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;

/** POSIX shell quoting: single quotes, with `'` written as '\'' . */
export function shellQuote(arg: string): string {
  if (NEEDS_NO_QUOTES.test(arg)) return arg;
  let quoted = '';
  let last = 0;
  for (const match of arg.matchAll(UNPASTEABLE)) {
    quoted += singleQuoted(arg.slice(last, match.index)) + printfBytes(match[0]);
    last = match.index + match[0].length;
  }
  quoted += singleQuoted(arg.slice(last));
  return quoted === '' ? "''" : quoted;
}

const singleQuoted = (text: string): string => (text === '' ? '' : `'${text.replace(/'/g, `'\\''`)}'`);

/** "$(printf '\033')": octal escapes are POSIX printf, so sh, dash, bash and zsh agree. */
function printfBytes(text: string): string {
  const octal = [...Buffer.from(text, 'utf8')].map((byte) => `\\${byte.toString(8).padStart(3, '0')}`).join('');
  return `"$(printf '${octal}')"`;
}
