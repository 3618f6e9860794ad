/** The store's per-pane order: newest first, ties in load order. */

export /** Merge two newest-first index lists (ties: lower index first) into a new one. */
function mergeNewestFirst(a: Int32Array, b: Int32Array, time: Float64Array): Int32Array {
  const merged = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (time[y] > time[x] || (time[y] === time[x] && y < x)) merged[k++] = b[j++];
    else merged[k++] = a[i++];
  }
  if (i < a.length) merged.set(a.subarray(i), k);
  else if (j < b.length) merged.set(b.subarray(j), k);
  return merged;
}
