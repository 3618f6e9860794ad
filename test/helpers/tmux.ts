import { execFileSync } from 'node:child_process';

/** A private tmux server (its own socket) so tests never touch the user's sessions. */
export class TmuxSession {
  private readonly socket = `entra-audit-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  readonly name = 'explorer';

  static available(): boolean {
    try {
      execFileSync('tmux', ['-V'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  start(command: string, columns: number, rows: number): void {
    this.tmux('-f', '/dev/null', 'new-session', '-d', '-s', this.name, '-x', String(columns), '-y', String(rows), command);
    // Keep the pane after the program exits, so the restored screen can be read.
    this.tmux('set-option', '-t', this.name, 'remain-on-exit', 'on');
  }

  keys(...keys: string[]): void {
    for (const key of keys) this.tmux('send-keys', '-t', this.name, key);
  }

  /** Send `text` as it is, escape sequences included (`send-keys -l`): what a terminal sends for the mouse. */
  literal(text: string): void {
    this.tmux('send-keys', '-l', '-t', this.name, text);
  }

  /** The visible screen; with `history`, also what scrolled off the top (tmux moves lines there when a window shrinks). */
  screen(history = false): string {
    return this.tmux('capture-pane', '-p', ...(history ? ['-S', '-'] : []), '-t', this.name);
  }

  paneTitle(): string {
    return this.tmux('display-message', '-p', '-t', this.name, '#{pane_title}').trim();
  }

  /** A tmux format of the pane (`#{mouse_any_flag}`: has the program turned mouse reporting on?). */
  display(format: string): string {
    return this.tmux('display-message', '-p', '-t', this.name, format).trim();
  }

  /** A server option, such as `set-clipboard on` (programs may then write tmux's paste buffer with OSC 52). */
  setServerOption(name: string, value: string): void {
    this.tmux('set-option', '-s', name, value);
  }

  /** The paste buffers tmux holds (what OSC 52 would have written), one per line. */
  buffers(): string {
    return this.tmux('list-buffers', '-F', '#{buffer_sample}');
  }

  resize(columns: number, rows: number): void {
    this.tmux('resize-window', '-t', this.name, '-x', String(columns), '-y', String(rows));
  }

  /** Poll the screen until `test` passes; the last screen is in the error otherwise. */
  async waitFor(test: (screen: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let screen = '';
    while (Date.now() < deadline) {
      screen = this.screen();
      if (test(screen)) return screen;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`timed out waiting for ${what}; screen was:\n${screen}`);
  }

  kill(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // already gone
    }
  }
}
