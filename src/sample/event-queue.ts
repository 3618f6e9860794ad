/**
 * A min-heap of events by time. Operations log follow-up steps seconds after they start, and
 * the incident sits at fixed times; the heap lets the generator emit everything in time order
 * while holding only the few events that are not due yet.
 */
import type { TimedEvent } from './event-parts.js';

interface Entry {
  timed: TimedEvent;
  /** Insertion order: equal times keep the order they were logged in. */
  order: number;
}

export class EventQueue {
  private readonly heap: Entry[] = [];
  private inserted = 0;

  get size(): number {
    return this.heap.length;
  }

  push(timed: TimedEvent): void {
    this.heap.push({ timed, order: this.inserted++ });
    let index = this.heap.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.before(this.heap[index], this.heap[parent])) break;
      this.swap(index, parent);
      index = parent;
    }
  }

  /** The earliest event if it happens at or before `ticks`; otherwise nothing is removed. */
  popDue(ticks: number): TimedEvent | undefined {
    const top = this.heap[0];
    if (top === undefined || top.timed.ticks > ticks) return undefined;
    const last = this.heap.pop();
    if (last !== undefined && this.heap.length > 0) {
      this.heap[0] = last;
      let index = 0;
      for (;;) {
        const left = 2 * index + 1;
        const right = left + 1;
        let smallest = index;
        if (left < this.heap.length && this.before(this.heap[left], this.heap[smallest])) smallest = left;
        if (right < this.heap.length && this.before(this.heap[right], this.heap[smallest])) smallest = right;
        if (smallest === index) break;
        this.swap(index, smallest);
        index = smallest;
      }
    }
    return top.timed;
  }

  private before(a: Entry, b: Entry): boolean {
    return a.timed.ticks < b.timed.ticks || (a.timed.ticks === b.timed.ticks && a.order < b.order);
  }

  private swap(i: number, j: number): void {
    const held = this.heap[i];
    this.heap[i] = this.heap[j];
    this.heap[j] = held;
  }
}
