/**
 * How many events a load of JSON Lines files (or split arrays) will hold, estimated once from its first part, so
 * the store can reserve its columns in one allocation instead of doubling (which leaves up to
 * half of each column unused and holds two copies while one is copied). Only byte-range loads of
 * plain files are estimated: their progress counts the same bytes as their size (a gzip input's
 * progress counts decompressed bytes, and an overestimate would cost memory for nothing).
 */

/** Read at least this much (or this share of the whole) before trusting the bytes per event. */
const MIN_BYTES = 8 * 1024 * 1024;
const MIN_SHARE = 0.03;
const MIN_EVENTS = 2000;
/** Room beyond the estimate: records later in a file may be smaller than the first ones. */
const MARGIN = 1.08;
/** Smaller files are not worth it: doubling costs little below this. */
const MIN_TOTAL_BYTES = 64 * 1024 * 1024;

export class CapacityEstimate {
  private decided = false;

  constructor(private readonly bytesTotal: number) {}

  /** An estimate for a load whose units are all byte ranges of big enough files; null for any other. */
  static forLoad(unitKinds: readonly string[], bytesTotal: number | null): CapacityEstimate | null {
    return unitKinds.every((kind) => kind === 'lines' || kind === 'elements') && bytesTotal !== null && bytesTotal >= MIN_TOTAL_BYTES ? new CapacityEstimate(bytesTotal) : null;
  }

  /** Events to reserve room for, once, when enough has been read; null otherwise. */
  estimate(bytesRead: number, events: number): number | null {
    if (this.decided || events < MIN_EVENTS || bytesRead < Math.min(MIN_BYTES, this.bytesTotal * MIN_SHARE)) return null;
    this.decided = true;
    return Math.ceil((this.bytesTotal / bytesRead) * events * MARGIN);
  }
}
