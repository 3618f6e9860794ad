/** The explorer in a real terminal: a private tmux server per run, driven by send-keys and read by capture-pane. */
import { execFileSync, spawnSync } from 'node:child_process';

export function tmuxAvailable(): boolean {
  return spawnSync('tmux', ['-V']).status === 0;
}

export function tmux(socket: string, ...args: string[]): string {
  return execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
}

let sessions = 0;

/** A fresh server name: reusing a socket name while the last server shuts down races. */
export function freshSocket(): string {
  return `entra-audit-bench-${process.pid}-${++sessions}`;
}

/** The screen as text. */
export const capture = (socket: string): string => tmux(socket, 'capture-pane', '-p', '-t', 'b');

/** A 140×40 session running `command`; kept open a while after it exits so its last screen can be read. */
export function startSession(socket: string, command: string): void {
  tmux(socket, '-f', '/dev/null', 'new-session', '-d', '-s', 'b', '-x', '140', '-y', '40', `${command}; sleep 60`);
}

/** A table row on screen (its date column): the explorer is showing events. */
/** A table row: the mark and sensitive-operation columns, then the date. */
export const ROW = /^[ *][ !~]20\d\d-\d\d-\d\d \d\d:\d\d:\d\d /m;

/** The screen with its styles: a moved inverse cursor after a trailing space is a change. */
export const captureStyled = (socket: string): string => tmux(socket, 'capture-pane', '-p', '-e', '-t', 'b');
