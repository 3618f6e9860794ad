/**
 * Writing to stdout at the speed of the reader: output of a 1 GB export must not pile up in
 * memory when piped into `less` or `head`, a closed pipe ends the program quietly, and any other
 * failure to write (a full disk, a terminal gone away) ends it with one line in words, exit 1.
 */
import { errnoReason } from '../text/fs-error.js';
import { EXIT } from './errors.js';

export class OutputWriter {
  private pending: Array<string | Uint8Array> = [];
  /** Characters of text and bytes of the rest, near enough to decide when to write. */
  private pendingSize = 0;

  constructor(private readonly stream: NodeJS.WritableStream = process.stdout) {}

  /**
   * Gathered into writes of 64 KB or more, text and a print worker's bytes alike: a chunk of the
   * workers' is one write of its own, but a run of one event between events kept in memory is not.
   */
  async write(text: string | Uint8Array): Promise<void> {
    this.pending.push(text);
    this.pendingSize += typeof text === 'string' ? text.length : text.byteLength;
    if (this.pendingSize >= 64 * 1024) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const pieces = this.pending;
    this.pending = [];
    this.pendingSize = 0;
    if (pieces.length === 1) await this.send(pieces[0]);
    else if (pieces.every((piece) => typeof piece === 'string')) await this.send(pieces.join(''));
    else await this.send(Buffer.concat(pieces.map((piece) => (typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece))));
  }

  private async send(chunk: string | Uint8Array): Promise<void> {
    // A failed write is an 'error' event (see guardStandardStreams), which ends the process: no drain to wait for then.
    if (!this.stream.write(chunk)) {
      await new Promise<void>((resolve) => this.stream.once('drain', resolve));
    }
  }
}

/** Why standard output could not be written, in words (`no space left on device` for `> /dev/full`). */
function stdoutFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  // Standard output opened read-only (`1</dev/null`) or closed under us.
  const reason = code === 'EBADF' ? 'it is not open for writing' : (errnoReason(error) ?? (code ? `the system said ${code}` : 'unknown error'));
  return `cannot write to standard output: ${reason}`;
}

/**
 * Node reports a failed write to stdout or stderr as an 'error' event; unhandled, it prints a
 * stack and the line of minified source it came from. `entra-audit query … | head` closes the
 * pipe early, which is not an error (exit 0); any other stdout failure is one line on stderr and
 * exit 1; a failure of stderr itself has nowhere left to be told, so it never throws.
 */
export function guardStandardStreams(): void {
  process.stderr.on('error', () => {});
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.ok);
    try {
      process.stderr.write(`entra-audit: ${stdoutFailure(error)}\n`);
    } finally {
      process.exit(EXIT.dataError);
    }
  });
}
