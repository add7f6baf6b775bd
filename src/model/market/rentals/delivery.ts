// Delivered vs. sold hashrate as the pool measures it: delivered hashes = 2^32·Σd of the accepted
// shares credited to a rental (domain-facts §2.1, §5; Miningcore HashrateFromShares), sold = H·T.
// Compared exactly, from the doubles' binary values, so a threshold test never flips on rounding.
import { ratioFromNumber, ratioToNumber, type Ratio, RATIO_ZERO } from '../../ledger/ratio.js';
import { TWO_32 } from '../../shares/index.js';
import { US_PER_S } from '../../units.js';
import { checkNonNegative, checkPositive, checkPositiveUs } from '../_check.js';

const US_PER_S_N = BigInt(US_PER_S);

/** Hashes a batch of accepted shares stands for: 2^32 · Σd. */
export function hashesFromDifficulty(sumDifficulty: number): number {
  return TWO_32 * checkNonNegative('sumDifficulty', sumDifficulty);
}

/** Hashes sold: soldHs · durationUs / 10^6, as a double (for KPIs; comparisons use shortfallRatio). */
export function soldHashes(soldHs: number, durationUs: number): number {
  return (checkPositive('soldHs', soldHs) * checkPositiveUs('durationUs', durationUs)) / US_PER_S;
}

/**
 * The part of the sold work not delivered, max(0, sold − delivered) / sold, as an exact ratio in
 * [0, 1]. Over-delivery is not a negative shortfall: the customer is never charged extra.
 */
export function shortfallRatio(soldHs: number, durationUs: number, deliveredHashes: number): Ratio {
  const sold = ratioFromNumber(checkPositive('soldHs', soldHs));
  const delivered = ratioFromNumber(checkNonNegative('deliveredHashes', deliveredHashes));
  checkPositiveUs('durationUs', durationUs);
  // Both sides in hash·µs over the common denominator sold.den · delivered.den.
  const soldHashMicros = sold.num * BigInt(durationUs) * delivered.den;
  const deliveredHashMicros = delivered.num * US_PER_S_N * sold.den;
  if (deliveredHashMicros >= soldHashMicros) return RATIO_ZERO;
  return { num: soldHashMicros - deliveredHashMicros, den: soldHashMicros };
}

/** Shortfall in basis points (a float, for KPIs and plots). */
export function shortfallBps(soldHs: number, durationUs: number, deliveredHashes: number): number {
  return ratioToNumber(shortfallRatio(soldHs, durationUs, deliveredHashes)) * 10_000;
}
