/**
 * "Did you mean": the candidate closest to what was typed, for field names in the query language,
 * names in the config file, commands, and values a query term found nowhere (`status:failed`).
 */
import { editDistance } from './edit-distance.js';

/** The candidate closest to `typed`, if close enough to be a plausible typo (ties: the first). */
export function closestName(typed: string, candidates: Iterable<string>): string | undefined {
  // A third of the length, at least one: "actvity" → "activity", but "time" is not "type".
  const limit = Math.max(1, Math.floor(typed.length / 3));
  const lowered = typed.toLowerCase();
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    // Lengths further apart than the limit are further apart than it in edits too: skip the table.
    if (Math.abs(candidate.length - typed.length) > limit) continue;
    const distance = editDistance(lowered, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Starts shorter than this are too common to suggest by ("fai" is not yet "failure"). */
const MIN_PREFIX = 4;

/**
 * The candidate that starts most like `typed` — at least four characters and half of `typed` in
 * common, "failed" → "failure" (three edits apart, too far for closestName) — ties going to the
 * shortest, then the first.
 */
export function closestByPrefix(typed: string, candidates: Iterable<string>): string | undefined {
  const lowered = typed.toLowerCase();
  const needed = Math.max(MIN_PREFIX, Math.ceil(lowered.length / 2));
  let best: string | undefined;
  let bestShared = needed - 1;
  for (const candidate of candidates) {
    const other = candidate.toLowerCase();
    let shared = 0;
    while (shared < lowered.length && shared < other.length && lowered[shared] === other[shared]) shared++;
    if (shared > bestShared || (shared === bestShared && best !== undefined && candidate.length < best.length)) {
      best = candidate;
      bestShared = shared;
    }
  }
  return best;
}
