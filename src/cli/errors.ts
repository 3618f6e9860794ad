/** An error meant for the user: its message is printed as is, with no stack, and sets the exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** Exit codes: 0 fine, 1 data could not be (fully) read, 2 the command line was wrong. */
export const EXIT = { ok: 0, dataError: 1, usage: 2 } as const;
