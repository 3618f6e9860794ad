/** Reading a byte range of a regular file whole: one read gives all it has, a short one is only ever its end. */
import { readSync } from 'node:fs';

/** Read `length` bytes at `position` into `buffer`; how many there were (fewer only past the end of the file). */
export function readFully(fd: number, buffer: Uint8Array, length: number, position: number): number {
  let read = 0;
  for (let got = -1; read < length && got !== 0; read += got) got = readSync(fd, buffer, read, length - read, position + read);
  return read;
}
