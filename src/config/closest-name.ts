/** "did you mean" for names in the config file, with the query language's typo rule (text/closest-name.ts). */
import { closestName } from '../text/closest-name.js';

export { closestName };

export const didYouMean = (typed: string, candidates: readonly string[]): string => {
  const best = closestName(typed, candidates);
  return best === undefined ? '' : ` — did you mean ${JSON.stringify(best)}?`;
};
