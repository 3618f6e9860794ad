/**
 * Cutting a time window into slices each answer of which stays under the query API's limits
 * (500,000 rows, about 100 MB, 10 minutes). Row counts are unknown before asking, so the slice
 * length adapts: it doubles after small answers and halves after big ones, and a slice whose
 * answer came back truncated is split in two and both halves asked again, never kept short.
 */
export const SERVICE_ROW_LIMIT = 500_000;
/** The service's cap is about 100 MB raw (64 MB compressed); grow no slice past half of it. */
export const SERVICE_BYTE_LIMIT = 100 * 1024 * 1024;
/** A slice this short that is still truncated holds more than one answer can: an error, not a guess. */
export const MIN_SLICE_MS = 1_000;
export const FIRST_SLICE_MS = 6 * 3_600_000;
export const MAX_SLICE_MS = 31 * 86_400_000;

export interface Slice {
  fromMs: number;
  toMs: number;
}

export interface SliceLimits {
  rows: number;
  bytes: number;
}

export class SlicePlanner {
  /** Slices split after a truncated answer: asked before the rest of the window. */
  private readonly pending: Slice[] = [];
  private next: number;
  private length: number;

  constructor(
    private readonly window: Slice,
    private readonly limits: SliceLimits = { rows: SERVICE_ROW_LIMIT, bytes: SERVICE_BYTE_LIMIT },
    firstLength = FIRST_SLICE_MS,
  ) {
    this.next = window.fromMs;
    this.length = Math.max(MIN_SLICE_MS, firstLength);
  }

  /** The next slice to ask for, oldest first; null when the window is covered. */
  take(): Slice | null {
    const split = this.pending.shift();
    if (split) return split;
    if (this.next >= this.window.toMs) return null;
    const slice = { fromMs: this.next, toMs: Math.min(this.window.toMs, this.next + this.length) };
    this.next = slice.toMs;
    return slice;
  }

  /** How much of the window has been handed out, 0..1 (split halves count when asked for). */
  covered(): number {
    const total = this.window.toMs - this.window.fromMs;
    if (total <= 0) return 1;
    const pendingMs = this.pending.reduce((sum, slice) => sum + slice.toMs - slice.fromMs, 0);
    return Math.max(0, Math.min(1, (this.next - this.window.fromMs - pendingMs) / total));
  }

  /** A complete answer: the next slices grow or shrink to aim at a quarter of the limits. */
  answered(slice: Slice, rows: number, bytes: number): void {
    const share = Math.max(rows / this.limits.rows, bytes / this.limits.bytes);
    const sliceMs = slice.toMs - slice.fromMs;
    if (share < 0.125) this.length = Math.min(MAX_SLICE_MS, Math.max(this.length, sliceMs * 2));
    else if (share > 0.5) this.length = Math.max(MIN_SLICE_MS, Math.floor(sliceMs / 2));
  }

  /** A truncated answer: both halves are asked again (earlier half first); false when the slice cannot be split. */
  truncated(slice: Slice): boolean {
    const sliceMs = slice.toMs - slice.fromMs;
    if (sliceMs <= MIN_SLICE_MS) return false;
    const middle = slice.fromMs + Math.floor(sliceMs / 2);
    this.pending.unshift({ fromMs: slice.fromMs, toMs: middle }, { fromMs: middle, toMs: slice.toMs });
    this.length = Math.max(MIN_SLICE_MS, Math.floor(sliceMs / 2));
    return true;
  }
}
