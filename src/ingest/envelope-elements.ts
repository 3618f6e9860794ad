/**
 * Where the records of an envelope line are in its bytes: a Graph page written as one line
 * (`{"@odata.context":…,"value":[…],"@odata.nextLink":…}`) or an Event Hub batch
 * (`{"records":[…]}`), so each record can be re-read from its own place instead of being kept
 * whole in memory. Run only on a line JSON.parse has read whole: the text is valid JSON, so the
 * scan needs no damage handling, only to find the same array JSON.parse took (the last member of
 * that name, as it keeps the last of repeated keys).
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Start and end offsets (in `bytes`) of each element of the top-level object's `key` array, in pairs; null when an element is not an object. */
export function envelopeElements(bytes: Uint8Array, from: number, to: number, key: string): number[] | null {
  const name = Buffer.from(JSON.stringify(key));
  let depth = 0;
  /** The last string at depth 1 was the member name `key`. */
  let named = false;
  let lastStringStart = -1;
  let lastStringEnd = -1;
  let found: number[] | null = null;
  /** Inside the array of `key`: its elements so far, and where the open one starts. */
  let current: number[] | null = null;
  let elementStart = -1;
  for (let i = from; i < to; ) {
    const c = bytes[i];
    if (c === QUOTE) {
      let q = i + 1;
      for (;;) {
        q = bytes.indexOf(QUOTE, q);
        if (q === -1 || q >= to) return null;
        let run = 0;
        while (bytes[q - 1 - run] === BACKSLASH) run++;
        if ((run & 1) === 0) break;
        q++;
      }
      lastStringStart = i;
      lastStringEnd = q + 1;
      i = q + 1;
      continue;
    }
    if (c === 58 && depth === 1) {
      // A member name with an escape (`"\u0076alue"`) is not compared by its bytes: JSON.parse
      // reads it as the name it spells, and a wrong pairing would give records others' bytes.
      if (bytes.subarray(lastStringStart, lastStringEnd).includes(BACKSLASH)) return null;
      named = sameBytes(bytes, lastStringStart, lastStringEnd, name);
    }
    else if (c === 123 || c === 91) {
      if (depth === 1 && c === 91 && named) current = [];
      else if (depth === 2 && current !== null) {
        if (c !== 123) return null;
        elementStart = i;
      }
      depth++;
    } else if (c === 125 || c === 93) {
      depth--;
      if (depth === 2 && current !== null && elementStart !== -1) {
        current.push(elementStart, i + 1);
        elementStart = -1;
      } else if (depth === 1 && current !== null) {
        found = current;
        current = null;
      }
    } else if (depth === 2 && current !== null && c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 44) return null; // a scalar element
    if (depth === 1 && c !== 58 && c !== 32 && c !== 9 && c !== 10 && c !== 13) named = named && (c === 91 || c === 123);
    i++;
  }
  return found;
}

function sameBytes(bytes: Uint8Array, start: number, end: number, name: Uint8Array): boolean {
  if (end - start !== name.length) return false;
  for (let k = 0; k < name.length; k++) if (bytes[start + k] !== name[k]) return false;
  return true;
}
