// Vardiff for aggregate mode, where a worker's shares are a count per slot rather than events:
// the fixed point of Miningcore's VarDiffManager.cs rule, and one retarget per slot from the count.
import { checkNonNegative, checkPositive } from './_check.js';
import { TWO_32 } from './share-math.js';
import { resolveVardiffOptions, retargetDifficulty, withinBand, type VardiffOptions } from './vardiff-rules.js';

/**
 * The difficulty vardiff settles at for a steady hashrate: H·T/2^32 (one share per T seconds),
 * clamped to [min, max]. Never lower for more hashrate; minDifficulty for none.
 */
export function steadyDifficulty(hashrateHs: number, options: VardiffOptions): number {
  checkNonNegative('hashrateHs', hashrateHs);
  const resolved = resolveVardiffOptions(options);
  const unclamped = (hashrateHs * resolved.targetSecondsPerShare) / TWO_32;
  return Math.min(Math.max(unclamped, resolved.minDifficulty), resolved.maxDifficulty);
}

/**
 * One retarget after a slot of slotS seconds in which the worker sent sharesInSlot shares at
 * currentDifficulty. The slot's average interval is slotS / shares; inside the band T(1 ± v) nothing
 * changes, else diff·T/avg = diff·shares·T/slotS, delta-limited and clamped as per share. A slot
 * without shares takes Miningcore's idle path: avg = slotS, applied without the band check.
 * Once per slot stands in for Miningcore's once per RetargetTime, so use slots ≥ retargetSeconds.
 */
export function vardiffAfterSlot(currentDifficulty: number, sharesInSlot: number, slotS: number, options: VardiffOptions): number {
  checkPositive('currentDifficulty', currentDifficulty);
  checkNonNegative('sharesInSlot', sharesInSlot);
  checkPositive('slotS', slotS);
  const resolved = resolveVardiffOptions(options);
  if (sharesInSlot === 0) return retargetDifficulty(currentDifficulty, slotS, resolved);
  const avgS = slotS / sharesInSlot;
  if (withinBand(avgS, resolved)) return currentDifficulty;
  return retargetDifficulty(currentDifficulty, avgS, resolved);
}
