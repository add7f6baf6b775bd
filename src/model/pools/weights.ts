// Turning exact rational scores into the integer weights splitByWeights needs: all over their
// least common denominator, so the split is exactly proportional to the scores.
import { lcmOf, ratioNumeratorOver, type Ratio } from '../ledger/ratio.js';

export function integerWeights(scores: readonly Ratio[]): bigint[] {
  const den = lcmOf(scores.map((s) => s.den));
  return scores.map((s) => ratioNumeratorOver(s, den));
}
