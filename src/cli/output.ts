/**
 * Writing to stdout at the speed of the reader: output of a 1 GB export must not pile up in
 * memory when piped into `less` or `head`, and a closed pipe ends the program quietly.
 */
export class OutputWriter {
  private pending: string[] = [];
  private pendingChars = 0;

  constructor(private readonly stream: NodeJS.WritableStream = process.stdout) {}

  async write(text: string): Promise<void> {
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= 64 * 1024) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    if (!this.stream.write(text)) {
      await new Promise<void>((resolve) => this.stream.once('drain', resolve));
    }
  }
}

/** `entra-audit query … | head` closes the pipe early; that is not an error. */
export function exitQuietlyOnClosedPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}
