/**
 * Cutting a big top-level JSON array into the load's units as the main thread scans it: the
 * planner gives each unit a byte range (plan-units.ts), and a unit holds the elements that start
 * in its range. The scan (ingest/array-elements.ts) runs in slices between keys and settles each
 * unit's cut as soon as it has passed the unit's end, so workers start on the first units while
 * the scan is still reading later ones (1.2 GB scans in ~1.4 s; parsing it takes ~10× that).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { ArrayElementScanner, type Handover } from '../ingest/array-elements.js';
import type { ArrayEnvelope } from '../ingest/array-envelope.js';

/** What one unit of a split array reads: its elements (file offsets) and, once, where the general splitter takes over. */
export interface ElementCut {
  /** Start and end offsets of each element, in pairs. */
  offsets: Float64Array;
  /** The line each element starts on. */
  lines: Float64Array;
  /** Where that line starts (a problem's column is counted from there). */
  lineStarts: Float64Array;
  /** From here to the end of the file, the general splitter reads (damage, or a shape the scan does not vouch for). */
  rest: Handover | null;
  /** The array's first whole element, once known (an element that does not parse is read as the splitter would, having learned from it). */
  first: Handover['first'];
  /** An earlier unit reads this one's bytes (the rest of the file after a handover): it reads none. */
  handedOver: boolean;
}

/** Bytes scanned a step: ~2.5 ms, so a key waits little longer than that (the workers share the two cores). */
const STEP_BYTES = 2 * 1024 * 1024;
/** The first step is small: it settles the head unit, whose rows are the first on screen. */
const FIRST_STEP_BYTES = 512 * 1024;

interface Pending {
  offsets: number[];
  lines: number[];
  lineStarts: number[];
  settle: (cut: ElementCut) => void;
  cut: Promise<ElementCut>;
}

export class ArrayCutter {
  private readonly units: Pending[];
  /** The unit the next element goes to. */
  private current = 0;
  private readonly scanner: ArrayElementScanner;
  private fd: number | null = null;
  private position: number;
  private stopped = false;
  private firstStep = true;
  /** The general splitter reads on from a handover: the units after it have nothing of their own. */
  private handedOver = false;
  private buffer = Buffer.allocUnsafe(FIRST_STEP_BYTES);

  /**
   * `starts[k]` is where unit k's range begins (ascending, the first at the array's first byte);
   * the last unit runs to the end of the file (`size`).
   */
  constructor(
    private readonly path: string,
    private readonly size: number,
    private readonly starts: readonly number[],
    maxElementBytes: number,
    /** Where the text starts: past a byte-order mark, which is no column and no record. */
    textStart = starts[0],
    /** The document is one envelope around the array: the scan starts inside it. */
    envelope: ArrayEnvelope | null = null,
  ) {
    this.position = envelope?.scanFrom.offset ?? textStart;
    this.units = starts.map(() => {
      const pending = { offsets: [], lines: [], lineStarts: [], settle: () => undefined, cut: Promise.resolve(NO_ELEMENTS) } as Pending;
      pending.cut = new Promise<ElementCut>((resolve) => (pending.settle = resolve));
      return pending;
    });
    this.scanner = new ArrayElementScanner((start, end, line, lineStart) => this.element(start, end, line, lineStart), maxElementBytes, textStart, envelope);
  }

  /** Unit `part`'s cut, once the scan has passed its range. */
  cut(part: number): Promise<ElementCut> {
    return this.units[part].cut;
  }

  /** Scan the whole file, a step at a time (`later` schedules the next step). */
  run(later: (step: () => void) => void): void {
    const step = () => {
      if (this.stopped) return;
      try {
        if (this.step()) later(step);
      } catch {
        // The file could not be read on: the general splitter, from where the scan got to, says why.
        this.handOver({ offset: this.scanner.pendingFrom === -1 ? this.position : this.scanner.pendingFrom, line: 1, lineStart: 0, inArray: true, primer: null, first: null });
        this.close();
      }
    };
    step();
  }

  /** Stop (the session closed): units not yet cut get nothing. */
  stop(): void {
    this.stopped = true;
    this.close();
    while (this.current < this.units.length) this.settle(null);
  }

  /** One slice; false once the scan is over. */
  private step(): boolean {
    this.fd ??= openSync(this.path, 'r');
    const want = Math.min(this.firstStep ? FIRST_STEP_BYTES : STEP_BYTES, this.size - this.position);
    this.firstStep = false;
    if (this.buffer.length < want) this.buffer = Buffer.allocUnsafe(STEP_BYTES);
    const read = want > 0 ? readSync(this.fd, this.buffer, 0, want, this.position) : 0;
    if (read > 0) {
      this.scanner.scan(this.buffer.subarray(0, read), this.position);
      this.position += read;
    }
    if (read === 0 || this.position >= this.size) this.scanner.end(this.position);
    if (this.scanner.handover) {
      this.handOver(this.scanner.handover);
      this.close();
      return false;
    }
    if (read === 0 || this.position >= this.size) {
      while (this.current < this.units.length) this.settle(null);
      this.close();
      return false;
    }
    // Every unit whose range the scan has left, and no element is still open in, is cut.
    const open = this.scanner.pendingFrom;
    while (this.current + 1 < this.units.length && this.starts[this.current + 1] <= (open === -1 ? this.position : open)) this.settle(null);
    return true;
  }

  private element(start: number, end: number, line: number, lineStart: number): void {
    while (this.current + 1 < this.units.length && start >= this.starts[this.current + 1]) this.settle(null);
    const unit = this.units[this.current];
    unit.offsets.push(start, end);
    unit.lines.push(line);
    unit.lineStarts.push(lineStart);
  }

  /** The unit the handover falls in reads the rest; the later ones get nothing. */
  private handOver(handover: Handover): void {
    while (this.current + 1 < this.units.length && handover.offset >= this.starts[this.current + 1]) this.settle(null);
    // Unit 0 of several is the head, parsed on the main thread: the rest of a big file read there
    // would hold the keys for as long, so the next unit, a worker's, reads it.
    if (this.current === 0 && this.units.length > 1) this.settle(null);
    this.settle(handover);
    this.handedOver = true;
    while (this.current < this.units.length) this.settle(null);
  }

  private settle(rest: Handover | null): void {
    const unit = this.units[this.current++];
    unit.settle({ offsets: Float64Array.from(unit.offsets), lines: Float64Array.from(unit.lines), lineStarts: Float64Array.from(unit.lineStarts), rest, first: this.scanner.first, handedOver: this.handedOver });
    unit.offsets = [];
    unit.lines = [];
    unit.lineStarts = [];
  }

  private close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

/** A cut with nothing in it (a unit no scan settled). */
export const NO_ELEMENTS: ElementCut = { offsets: new Float64Array(0), lines: new Float64Array(0), lineStarts: new Float64Array(0), rest: null, first: null, handedOver: false };
