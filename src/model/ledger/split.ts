// Conserving splits of an integer amount: largest-remainder (Hamilton) apportionment, so the parts
// always sum to the amount exactly and each part is within one unit of its exact proportional share.
import { shown } from './exact.js';
import { lcmOf, ratioFromNumber, ratioNumeratorOver } from './ratio.js';

export const BASIS_POINTS_PER_WHOLE = 10_000;

/**
 * Splits `amount` (≥ 0n) in proportion to `weights` (each ≥ 0n, sum > 0n).
 * Each part first gets ⌊amount·w/W⌋; the k = amount − Σ floors leftover units (k < number of
 * weights) go one each to the k largest remainders, ties to the lowest index. A zero weight never
 * gets a unit. A zero total weight has no proportional answer and throws.
 */
export function splitByWeights(amount: bigint, weights: readonly bigint[]): bigint[] {
  if (typeof amount !== 'bigint' || amount < 0n) throw new RangeError(`amount must be a bigint ≥ 0n, got ${shown(amount)}`);
  let total = 0n;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (typeof w !== 'bigint' || w < 0n) throw new RangeError(`weights[${i}] must be a bigint ≥ 0n, got ${shown(w)}`);
    total += w;
  }
  if (total === 0n) throw new RangeError(`weights must sum to > 0n, got ${weights.length} weights summing to 0n`);

  const parts = new Array<bigint>(weights.length);
  const remainders = new Array<bigint>(weights.length);
  let given = 0n;
  for (let i = 0; i < weights.length; i++) {
    const product = amount * weights[i]!;
    const q = product / total;
    parts[i] = q;
    remainders[i] = product - q * total;
    given += q;
  }
  // Σ remainders = leftover · total and each remainder < total, so leftover < weights.length.
  const leftover = Number(amount - given);
  if (leftover > 0) {
    const order: number[] = [];
    for (let i = 0; i < weights.length; i++) if (remainders[i]! > 0n) order.push(i);
    order.sort((a, b) => (remainders[a]! > remainders[b]! ? -1 : remainders[a]! < remainders[b]! ? 1 : a - b));
    for (let k = 0; k < leftover; k++) parts[order[k]!]! += 1n;
  }
  return parts;
}

/** Splits by basis points (integers ≥ 0 summing to exactly 10 000: 5000/5000, 4000/6000, …). */
export function splitByBasisPoints(amount: bigint, basisPoints: readonly number[]): bigint[] {
  let sum = 0;
  const weights = basisPoints.map((bp, i) => {
    if (!Number.isSafeInteger(bp) || bp < 0) throw new RangeError(`basisPoints[${i}] must be an integer ≥ 0, got ${shown(bp)}`);
    sum += bp;
    return BigInt(bp);
  });
  if (sum !== BASIS_POINTS_PER_WHOLE) throw new RangeError(`basisPoints must sum to 10000, got ${sum}`);
  return splitByWeights(amount, weights);
}

/**
 * Splits by percentages with at most two decimals (50/50, 40/60, 1.5/98.5) summing to 100; they
 * are converted to basis points, and any other precision throws rather than being rounded away.
 */
export function splitByPercents(amount: bigint, percents: readonly number[]): bigint[] {
  const basisPoints = percents.map((pct, i) => {
    const bp = Math.round(pct * 100);
    if (!Number.isFinite(pct) || Math.abs(pct * 100 - bp) > 1e-6) {
      throw new RangeError(`percents[${i}] must have at most two decimals, got ${shown(pct)}`);
    }
    return bp;
  });
  return splitByBasisPoints(amount, basisPoints);
}

/**
 * Splits by float weights (finite, ≥ 0, sum > 0) with no rounding of the weights at all: every
 * double is exactly m·2^e, so all of them are scaled by the same power of two to integers and
 * the split is exactly proportional to the doubles as given. (This replaces "scale by 2^32 and
 * round", which would zero out tiny weights and tie nearly equal ones.)
 */
export function splitByNumberWeights(amount: bigint, weights: readonly number[]): bigint[] {
  const ratios = weights.map((w, i) => {
    if (!Number.isFinite(w) || w < 0) throw new RangeError(`weights[${i}] must be a finite number ≥ 0, got ${shown(w)}`);
    return ratioFromNumber(w);
  });
  // Denominators are powers of two, so their lcm is the largest of them.
  const den = lcmOf(ratios.map((r) => r.den));
  return splitByWeights(amount, ratios.map((r) => ratioNumeratorOver(r, den)));
}
