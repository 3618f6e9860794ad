/** Typed-array columns that grow by doubling, so appending a million rows copies little. */
type TypedArray = Float64Array | Uint32Array | Uint16Array | Uint8Array | Int32Array;
type TypedArrayConstructor<T extends TypedArray> = { new (length: number): T };

/** `exact`: room for `needed` and no more (a reservation from an estimate), instead of doubling. */
export function ensureCapacity<T extends TypedArray>(array: T, needed: number, make: TypedArrayConstructor<T>, exact = false): T {
  if (needed <= array.length) return array;
  let capacity = exact ? needed : Math.max(1024, array.length);
  while (capacity < needed) capacity *= 2;
  const grown = new make(capacity);
  grown.set(array);
  return grown;
}
