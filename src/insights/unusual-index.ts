/**
 * The unusual values of one store, per pane, measured once and kept with the store (owned by
 * StoreIndexes): what the insights' Unusual list, the table's `?` marker, the `u` lens and
 * `risk:unusual` all read. "First seen late" means nothing on half a file (everything read so far
 * is new), so while a load streams (`hold`) no event is marked; the insights list, asked for, is
 * measured on what is in and says so. Measured again when the store has grown by a quarter since,
 * or when asked to (`refresh`), so a streaming load does not pay a full pass per frame.
 */
import { PANES, type Pane } from '../model/pane.js';
import type { EventStore } from '../store/event-store.js';
import type { StringField } from '../store/event-batch.js';
import { MEASURED_FOR_A_FRAME_MOST } from './frame-budget.js';
import { findUnusual, DEFAULT_UNUSUAL_SETTINGS, UNUSUAL_FIELDS, type UnusualReport, type UnusualSettings } from './unusual.js';

interface Measured {
  count: number;
  report: UnusualReport;
  /** Per field, the ids of its unusual values. */
  ids: Map<StringField, Set<number>>;
}

const REMEASURE_GROWTH = 1.25;

export class UnusualIndex {
  private readonly measured = new Map<Pane, Measured>();
  private holding = false;
  private readonly warmed = new Set<() => void>();

  constructor(
    private readonly store: EventStore,
    private readonly isSensitive: (index: number) => boolean,
    readonly settings: UnusualSettings = DEFAULT_UNUSUAL_SETTINGS,
    private readonly measuredForAFrameMost = MEASURED_FOR_A_FRAME_MOST,
  ) {}

  /** A load is streaming in: mark nothing until `release`. */
  hold(): void {
    this.holding = true;
  }

  /** The load is complete: measure the whole store when next asked. */
  release(): void {
    this.holding = false;
    this.refresh();
  }

  /** Whether marks wait for a load to complete. */
  get held(): boolean {
    return this.holding;
  }

  /** Forget every measure: the next question measures the store as it is now. */
  refresh(): void {
    this.measured.clear();
  }

  /** The pane's measure, if it still holds for the store as it is. */
  private current(pane: Pane): Measured | undefined {
    const cached = this.measured.get(pane);
    return cached && (cached.count === this.store.count || this.store.count < cached.count * REMEASURE_GROWTH) ? cached : undefined;
  }

  private measure(pane: Pane): Measured {
    const { store } = this;
    const cached = this.current(pane);
    if (cached) return cached;
    const report = findUnusual(store, pane, { settings: this.settings, isSensitive: this.isSensitive });
    const ids = new Map<StringField, Set<number>>(UNUSUAL_FIELDS[pane].map((field) => [field.storeField, new Set<number>()]));
    for (const value of report.values) ids.get(value.field.storeField)?.add(value.valueId);
    const measured = { count: store.count, report, ids };
    this.measured.set(pane, measured);
    return measured;
  }

  /** The pane's unusual values some event of `rows` has, strongest first, at most the settings' limit. */
  inView(pane: Pane, rows: ArrayLike<number>): UnusualReport {
    const { report, ids } = this.measure(pane);
    const seen = new Map<StringField, Set<number>>([...ids.keys()].map((field) => [field, new Set<number>()]));
    for (let k = 0; k < rows.length; k++) for (const [field, set] of seen) set.add(this.store.stringId(rows[k], field));
    const values = report.values.filter((value) => seen.get(value.field.storeField)?.has(value.valueId)).slice(0, this.settings.limit);
    return { ...report, values, partial: this.holding };
  }

  /** True when event `index` has an unusual value (IP, user agent, initiator, …) of its pane. */
  isUnusual(index: number): boolean {
    if (this.holding) return false;
    const { ids } = this.measure(this.store.pane(index));
    for (const [field, set] of ids) if (set.size > 0 && set.has(this.store.stringId(index, field))) return true;
    return false;
  }

  /**
   * The table's `?` marker: as isUnusual, but a large store not measured yet shows no marker
   * until the warm-up has measured it (`onWarmed` says when), rather than measuring on a frame.
   */
  markedUnusual(index: number): boolean {
    if (this.holding) return false;
    if (this.store.count > this.measuredForAFrameMost && !this.current(this.store.pane(index))) return false;
    return this.isUnusual(index);
  }

  /** Called when a warm-up has measured every pane (the table can show its markers). */
  onWarmed(listener: () => void): () => void {
    this.warmed.add(listener);
    return () => this.warmed.delete(listener);
  }

  /** The event's unusual values, by the query field that names them (`ip`, `agent`, `actor`, …). */
  unusualValuesOf(index: number): Array<{ field: string; value: string }> {
    if (this.holding) return [];
    const pane = this.store.pane(index);
    const { ids } = this.measure(pane);
    return UNUSUAL_FIELDS[pane].flatMap((field) => {
      const id = this.store.stringId(index, field.storeField);
      return id !== 0 && ids.get(field.storeField)?.has(id) ? [{ field: field.queryField, value: this.store.vocabulary.get(id) }] : [];
    });
  }

  /** Measure every pane again, one pane per step (`schedule` runs the next later, keeping keys live). */
  warm(schedule: (step: () => void) => void): void {
    this.refresh();
    const pending = [...PANES];
    const step = () => {
      const pane = pending.shift();
      if (pane === undefined) {
        for (const listener of this.warmed) listener();
        return;
      }
      this.measure(pane);
      schedule(step);
    };
    schedule(step);
  }
}
