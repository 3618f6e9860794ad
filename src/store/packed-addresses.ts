/**
 * Many events' raw addresses as one typed array, for a print worker (cli/print-worker.ts):
 * posting a thousand RawAddress objects a chunk cost the main thread ~1 s of structured
 * cloning per million events printed, and the worker as much to take them apart; one
 * Float64Array moves as a transfer, with the few source names beside it.
 */
import type { RawAddress } from './record-address.js';

/** One event's fields, in this order, `STRIDE` numbers apart. */
const SOURCE = 0;
const OFFSET = 1;
const LENGTH = 2;
const HASH = 3;
const FORMAT = 4;
const CUSTOM_SECURITY = 5;
const TIME = 6;
const LINE = 7;
const STRIDE = 8;
/** In the SOURCE slot: the event is kept in the store's arena, not in a file (no address). */
const NO_ADDRESS = -1;

export interface PackedAddresses {
  /** The source files named by the events (a chunk usually has one). */
  sources: string[];
  /** STRIDE numbers per event. */
  fields: Float64Array<ArrayBuffer>;
}

/** Builds a PackedAddresses event by event (the store's columns are private to it). */
export class AddressPacker {
  private readonly sourceIndex = new Map<string, number>();
  readonly packed: PackedAddresses;

  constructor(events: number) {
    this.packed = { sources: [], fields: new Float64Array(events * STRIDE) };
  }

  /** Event `at` of the chunk: `address` null for an event kept in the arena. */
  set(at: number, address: RawAddress | null): void {
    if (!address) {
      this.packed.fields[at * STRIDE + SOURCE] = NO_ADDRESS;
      return;
    }
    let source = this.sourceIndex.get(address.source);
    if (source === undefined) {
      source = this.packed.sources.push(address.source) - 1;
      this.sourceIndex.set(address.source, source);
    }
    const fields = this.packed.fields;
    const base = at * STRIDE;
    fields[base + SOURCE] = source;
    fields[base + OFFSET] = address.offset;
    fields[base + LENGTH] = address.length;
    fields[base + HASH] = address.hash;
    fields[base + FORMAT] = address.format;
    fields[base + CUSTOM_SECURITY] = address.customSecuritySource ? 1 : 0;
    fields[base + TIME] = address.timeMs;
    fields[base + LINE] = address.origin.line ?? 0;
  }
}

export function packedCount(packed: PackedAddresses): number {
  return packed.fields.length / STRIDE;
}

/** Event `at`'s address again, or null for one kept in the arena. */
export function unpackAddress(packed: PackedAddresses, at: number): RawAddress | null {
  const fields = packed.fields;
  const base = at * STRIDE;
  if (fields[base + SOURCE] === NO_ADDRESS) return null;
  const source = packed.sources[fields[base + SOURCE]];
  const line = fields[base + LINE];
  return {
    source,
    offset: fields[base + OFFSET],
    length: fields[base + LENGTH],
    hash: fields[base + HASH],
    format: fields[base + FORMAT],
    customSecuritySource: fields[base + CUSTOM_SECURITY] === 1,
    origin: line === 0 ? { source } : { source, line },
    timeMs: fields[base + TIME],
  };
}
