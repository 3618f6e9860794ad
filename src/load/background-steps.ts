/**
 * The warm-up's steps (indexes built after a load, a piece at a time), run between keys: each
 * step runs on a timer, and while someone types it waits until the keys pause, so a step of the
 * warm-up (some take a few hundred milliseconds at a million events) does not hold every key of
 * a query being typed. Stopped whole when the session closes (quitting mid-warm-up).
 */
import { trace } from '../trace.js';

/** Pending steps are few (each schedules the next); more than this means a runaway. */
const MAX_PENDING_STEPS = 64;
/** Keys this close together are typing: the warm-up waits this long after the last one. */
const QUIET_AFTER_KEY_MS = 400;
/** A step longer than this is traced (ENTRA_AUDIT_TRACE): a key pressed during it waited. */
const LONG_STEP_MS = 50;

export class BackgroundSteps {
  private readonly pending = new Set<NodeJS.Timeout>();
  private stopped = false;
  private lastKeyAt = Number.NEGATIVE_INFINITY;

  /** Run `step` after `delayMs`, or later while keys keep coming; never once stopped. */
  later(step: () => void, delayMs = 5): void {
    if (this.stopped || this.pending.size > MAX_PENDING_STEPS) return;
    const timer = setTimeout(() => {
      this.pending.delete(timer);
      if (this.stopped) return;
      const sinceKey = performance.now() - this.lastKeyAt;
      if (sinceKey < QUIET_AFTER_KEY_MS) return this.later(step, QUIET_AFTER_KEY_MS - sinceKey);
      const started = performance.now();
      step();
      const took = performance.now() - started;
      if (took > LONG_STEP_MS) trace(`warm-up: a step took ${took.toFixed(0)} ms`);
    }, delayMs);
    this.pending.add(timer);
  }

  /** A key was pressed: steps due in the next moments wait for the keys to pause. */
  noteKey(): void {
    this.lastKeyAt = performance.now();
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.pending) clearTimeout(timer);
    this.pending.clear();
  }
}
