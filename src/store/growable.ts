/** Typed-array columns that grow by doubling, so appending a million rows copies little. */
type TypedArray = Float64Array | Uint32Array | Uint16Array | Uint8Array | Int32Array;
type TypedArrayConstructor<T extends TypedArray> = { new (length: number): T };

/** The entries of `indices` that pass `keep`, in their order (Int32Array.filter, without its per-element callback boxing). */
export function keptIndices(indices: Int32Array, keep: (index: number) => boolean): Int32Array {
  const out = new Int32Array(indices.length);
  let n = 0;
  for (let k = 0; k < indices.length; k++) if (keep(indices[k])) out[n++] = indices[k];
  return out.slice(0, n);
}

/** The length (a power of two, at least `length`) an open-addressing table needs for `count` entries at half load. */
export function halfLoadLength(length: number, count: number): number {
  while (count * 2 > length) length *= 2;
  return length;
}

/** `exact`: room for `needed` and no more (a reservation from an estimate), instead of doubling. */
export function ensureCapacity<T extends TypedArray>(array: T, needed: number, make: TypedArrayConstructor<T>, exact = false): T {
  if (needed <= array.length) return array;
  let capacity = exact ? needed : Math.max(1024, array.length);
  while (capacity < needed) capacity *= 2;
  const grown = new make(capacity);
  grown.set(array);
  return grown;
}
