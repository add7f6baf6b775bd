// Share arithmetic of SHA-256d pools: rates, counts and the pool-side hashrate estimate
// (domain-facts §2.1; Miningcore BitcoinPool.cs HashrateFromShares = Σd·2^32/t, StatsRecorder.cs).
import { hashrateFromSharesHs, shareRatePerS, TWO_POW_32 } from '../network/difficulty.js';
import { checkNonNegative, checkPositive, checkUs } from './_check.js';

/** Expected hashes per difficulty-1 share, the "pdiff ≈ bdiff" convention every pool uses. */
export const TWO_32 = TWO_POW_32;
const US_PER_S = 1_000_000;

/** λ = H / (d · 2^32): expected shares per second (one definition, in network/difficulty.ts). */
export { shareRatePerS };

/** λ·Δt = H·Δt / (d · 2^32): expected shares in an interval of whole µs. */
export function expectedShares(hashrateHs: number, shareDifficulty: number, intervalUs: number): number {
  checkUs('intervalUs', intervalUs);
  return shareRatePerS(hashrateHs, shareDifficulty) * (intervalUs / US_PER_S);
}

/** Ĥ = 2^32 · Σd / W: the hashrate a pool credits for accepted share difficulty over W seconds. */
export const hashrateFromShares = hashrateFromSharesHs;

/**
 * Relative standard deviation of Ĥ from N shares of equal difficulty: the count is Poisson, so
 * sd/mean = 1/√N (N = 40 → ±15.8 %, domain-facts §2.1). Infinite when no share is expected.
 */
export function relativeNoise(shareCount: number): number {
  checkNonNegative('shareCount', shareCount);
  return 1 / Math.sqrt(shareCount);
}

/** d = H·T / 2^32: the share difficulty at which hashrate H finds one share every T seconds. */
export function difficultyForSharePeriod(hashrateHs: number, targetSecondsPerShare: number): number {
  checkPositive('hashrateHs', hashrateHs);
  checkPositive('targetSecondsPerShare', targetSecondsPerShare);
  return (hashrateHs * targetSecondsPerShare) / TWO_32;
}

/**
 * 1 − exp(−rate·latency): the chance a share still in flight when a new block lands goes stale,
 * blocks arriving as a Poisson process. A short series below x = 1e-5 keeps full relative precision
 * without Math.expm1 (the engine sticks to exp/log for cross-engine reproducibility).
 */
export function staleProbability(latencyUs: number, blockRatePerS: number): number {
  checkNonNegative('latencyUs', latencyUs);
  checkNonNegative('blockRatePerS', blockRatePerS);
  const x = (blockRatePerS * latencyUs) / US_PER_S;
  if (x < 1e-5) return x * (1 - x * (0.5 - x / 6));
  return 1 - Math.exp(-x);
}
