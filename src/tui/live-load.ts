/**
 * What the explorer needs of a load that is still under way: the store it fills, how far it is, what could not be used, and a way to hear that it changed. The
 * load session (load/load-session.ts) is one; the explorer depends on this shape, not on it.
 */
import type { LoadProblem } from '../model/loaded-event.js';
import type { LoadProgress } from '../model/load-progress.js';
import type { EventStore } from '../store/event-store.js';

export interface LiveLoad {
  readonly store: EventStore;
  readonly problems: readonly LoadProblem[];
  readonly problemCount: number;
  /** Records dropped as repeats of one loaded before (same kind and id). */
  readonly duplicates: number;
  readonly errors: readonly string[];
  /** The store was read back from the persisted index, not parsed (the note line says so). */
  readonly fromCache: boolean;
  readonly done: Promise<void>;
  progress(): LoadProgress;
  /** The inputs as named in reports, in input order. */
  sourceNames(): string[];
  /** Called whenever events, problems or progress arrive; returns how to stop listening. */
  onChange(listener: () => void): () => void;
  /** A key was pressed: work in the background (the indexes' warm-up) waits until the keys pause. */
  noteKey?(): void;
}
