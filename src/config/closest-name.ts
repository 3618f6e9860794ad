/** "did you mean" for names in the config file, with the query language's typo rule. */
import { editDistance } from '../text/edit-distance.js';

/** The candidate closest to `typed`, if close enough to be a plausible typo. */
export function closestName(typed: string, candidates: readonly string[]): string | undefined {
  // A third of the length, at least one (as src/query/names.ts suggestName).
  const limit = Math.max(1, Math.floor(typed.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const distance = editDistance(typed.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

export const didYouMean = (typed: string, candidates: readonly string[]): string => {
  const best = closestName(typed, candidates);
  return best === undefined ? '' : ` — did you mean ${JSON.stringify(best)}?`;
};
