/**
 * The parts of one split file (JSON Lines ranges, array element ranges), once all are in the
 * store: a file is refused only when no part of it recognised a record (otherwise a refused
 * part's records are problems, as they would be had the file been read whole); and JSON Lines
 * parts, which count lines from their own start, have what came before added.
 */
import type { LoadProblem } from '../model/loaded-event.js';
import type { EventStore } from '../store/event-store.js';
import type { LoadUnit, UnitResult } from './load-unit.js';

export interface PartState {
  unit: LoadUnit;
  spans: Array<[number, number]>;
  problems: LoadProblem[];
  result: UnitResult | null;
}

/** A unit that is one part of a file cut into several. */
export const isFilePart = (unit: LoadUnit): unit is Extract<LoadUnit, { kind: 'lines' | 'elements' }> => unit.kind === 'lines' || unit.kind === 'elements';

export function settleParts<P extends PartState>(parts: readonly P[], store: EventStore, addError: (error: string) => void, addProblem: (part: P, problem: LoadProblem) => void): void {
  judgeParts(parts, addError, addProblem);
  let base = 0;
  for (const part of parts) {
    if (part.unit.kind !== 'lines') continue;
    if (base > 0) {
      for (const [start, end] of part.spans) store.addLineBase(start, end, base);
      for (const problem of part.problems) if (problem.line !== undefined) problem.line += base;
    }
    base += part.result!.newlines;
  }
}

function judgeParts<P extends PartState>(parts: readonly P[], addError: (error: string) => void, addProblem: (part: P, problem: LoadProblem) => void): void {
  const refused = parts.filter((p) => p.result!.report.heldBack !== undefined);
  if (refused.length === 0) return;
  if (!parts.some((p) => p.result!.report.formats.length > 0)) {
    addError(refused[0].result!.report.error!);
    return;
  }
  for (const part of refused) {
    const report = part.result!.report;
    for (const problem of report.heldBack!) addProblem(part, problem);
    report.problems += report.heldBack!.length;
    delete report.heldBack;
    delete report.error;
  }
}
