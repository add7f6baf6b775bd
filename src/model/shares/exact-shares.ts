// Exact resolution: each share is its own event, inter-arrival times Exp(λ) with λ = H/(d·2^32)
// (domain-facts §2.1; the p2poolv2 test harness emits shares the same way, §5).
import type { RandomStream } from '../../engine/index.js';
import { checkPositive } from './_check.js';
import { shareRatePerS } from './share-math.js';

const US_PER_S = 1_000_000;

/**
 * Delay to the next share in whole µs (rounded, at least 1 so time always moves). Rounding shifts
 * the mean by < 1 µs, negligible while 1/λ ≫ 1 µs. A worker with no hashrate finds no share:
 * don't schedule one (hashrateHs must be > 0).
 */
export function nextShareDelayUs(hashrateHs: number, shareDifficulty: number, rng: RandomStream): number {
  checkPositive('hashrateHs', hashrateHs);
  const delayS = rng.exponential(shareRatePerS(hashrateHs, shareDifficulty));
  return Math.max(1, Math.round(delayS * US_PER_S));
}
