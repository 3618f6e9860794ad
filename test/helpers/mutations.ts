/**
 * Seeded damage of the kinds exports reach admins with: a lost or extra byte, a flipped one, a
 * file cut short, lines swapped or duplicated (files pasted together), a BOM mid-file (exports
 * concatenated), invalid UTF-8. Each mutation says which bytes of the original it touched.
 */
export type MutationKind = 'delete' | 'insert' | 'flip' | 'cut' | 'swap-lines' | 'duplicate-line' | 'bom' | 'invalid-utf8';
export const MUTATION_KINDS: readonly MutationKind[] = ['delete', 'insert', 'flip', 'cut', 'swap-lines', 'duplicate-line', 'bom', 'invalid-utf8'];

export interface Mutation {
  kind: MutationKind;
  description: string;
  bytes: Buffer;
  /** The bytes of the original it touched, [start, end) (an insertion touches the byte it lands on). */
  touched: Array<[number, number]>;
  /** For a cut: where the file now ends. */
  cutAt?: number;
}

/** A small seeded generator (a failing case is replayed from its seed). */
export function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

const INSERTS = ['{', '}', '"', '[', ']', '\0', ','];

function lineStarts(bytes: Buffer): number[] {
  const starts = [0];
  for (let i = bytes.indexOf(10); i !== -1 && i + 1 < bytes.length; i = bytes.indexOf(10, i + 1)) starts.push(i + 1);
  return starts;
}

export function mutate(original: Buffer, kind: MutationKind, next: () => number): Mutation {
  const at = (limit = original.length) => Math.floor(next() * limit);
  const join = (...parts: Buffer[]) => Buffer.concat(parts);
  switch (kind) {
    case 'delete': {
      const p = at();
      const n = 1 + Math.floor(next() * next() * 16);
      return { kind, description: `delete ${n} byte(s) at ${p}`, bytes: join(original.subarray(0, p), original.subarray(p + n)), touched: [[p, p + n]] };
    }
    case 'insert': {
      const p = at();
      const text = INSERTS[at(INSERTS.length)];
      return { kind, description: `insert ${JSON.stringify(text)} at ${p}`, bytes: join(original.subarray(0, p), Buffer.from(text), original.subarray(p)), touched: [[p, p + 1]] };
    }
    case 'flip': {
      const p = at();
      const copy = Buffer.from(original);
      copy[p] = (copy[p] + 1 + at(255)) & 0xff;
      return { kind, description: `byte ${p} → 0x${copy[p].toString(16)}`, bytes: copy, touched: [[p, p + 1]] };
    }
    case 'cut': {
      const p = at();
      return { kind, description: `cut at ${p} (${((100 * p) / original.length).toFixed(1)}%)`, bytes: original.subarray(0, p), touched: [[p, original.length]], cutAt: p };
    }
    case 'swap-lines':
    case 'duplicate-line': {
      const starts = lineStarts(original);
      if (starts.length < 3) return mutate(original, 'delete', next);
      const k = at(starts.length - 1);
      const lineA: [number, number] = [starts[k], starts[k + 1]];
      if (kind === 'duplicate-line') {
        return { kind, description: `duplicate line ${k + 1}`, bytes: join(original.subarray(0, lineA[1]), original.subarray(...lineA), original.subarray(lineA[1])), touched: [lineA] };
      }
      const lineB: [number, number] = [starts[k + 1], starts[k + 2] ?? original.length];
      const b = original.subarray(...lineB);
      const endsWithNewline = b[b.length - 1] === 10;
      // The last line may lack its line break: swapped, it gets the other's.
      const first = endsWithNewline ? b : join(b, Buffer.from('\n'));
      const second = endsWithNewline ? original.subarray(...lineA) : original.subarray(lineA[0], lineA[1] - 1);
      return { kind, description: `swap lines ${k + 1} and ${k + 2}`, bytes: join(original.subarray(0, lineA[0]), first, second, original.subarray(lineB[1])), touched: [[lineA[0], lineB[1]]] };
    }
    case 'bom': {
      const starts = lineStarts(original);
      const p = next() < 0.5 ? starts[at(starts.length)] : at();
      return { kind, description: `BOM at ${p}`, bytes: join(original.subarray(0, p), Buffer.from([0xef, 0xbb, 0xbf]), original.subarray(p)), touched: [[p, p + 1]] };
    }
    case 'invalid-utf8': {
      const p = at();
      const bad = [Buffer.from([0xff]), Buffer.from([0xc3]), Buffer.from([0xe2, 0x82]), Buffer.from([0xed, 0xa0, 0x80])][at(4)];
      return { kind, description: `invalid UTF-8 ${bad.toString('hex')} at ${p}`, bytes: join(original.subarray(0, p), bad, original.subarray(p)), touched: [[p, p + 1]] };
    }
  }
}
