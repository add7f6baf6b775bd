// Percentiles of exact amounts (bigint): linear interpolation between closest ranks — Hyndman & Fan
// type 7, numpy's and spreadsheets' default — with the one fractional step rounded half-to-even.
// Rounding the step (not the sum) keeps P(x − c) = P(x) − c exactly, so a buyer's net percentiles
// are the revenue percentiles less the price to the µUSD.
import { divRoundHalfEven } from '../../model/ledger/exact.js';

/** The pct-th percentile (integer 0..100) of the amounts, in any order. */
export function percentileOf(amounts: readonly bigint[], pct: number): bigint {
  if (amounts.length === 0) throw new RangeError('amounts must not be empty, got []');
  if (!Number.isInteger(pct) || pct < 0 || pct > 100) throw new RangeError(`pct must be a whole number from 0 to 100, got ${pct}`);
  const sorted = [...amounts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // Rank h = (n − 1)·p/100, kept as the integer (n − 1)·p and the divisor 100.
  const scaledRank = (sorted.length - 1) * pct;
  const below = Math.floor(scaledRank / 100);
  const fraction100 = BigInt(scaledRank - below * 100);
  if (fraction100 === 0n) return sorted[below];
  return sorted[below] + divRoundHalfEven(fraction100 * (sorted[below + 1] - sorted[below]), 100n);
}

/** Mean rounded half-to-even. */
export function meanOf(amounts: readonly bigint[]): bigint {
  if (amounts.length === 0) throw new RangeError('amounts must not be empty, got []');
  return divRoundHalfEven(amounts.reduce((sum, a) => sum + a, 0n), BigInt(amounts.length));
}
