/** Node's error codes in the words a user reads (Node's own messages name syscalls and codes). */
const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  ENAMETOOLONG: 'the file name is too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EIO: 'input/output error',
  EBADF: 'bad file descriptor',
  ENXIO: 'no such device or address',
  ECONNRESET: 'connection reset',
  ENOTCONN: 'not connected',
  ETIMEDOUT: 'timed out',
};

/** The words for an error's code, when it is one met in practice. */
export function errnoReason(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === undefined ? undefined : REASONS[code];
}

/** A file-system error in words, else Node's message. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EISDIR') return 'is a directory';
  return errnoReason(error) ?? (error instanceof Error ? error.message : String(error));
}
