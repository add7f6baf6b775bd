// Share counts per worker per interval behind one interface, so the simulator can swap resolutions:
// Poisson counts (aggregate) or real SHA-256d at a tiny target (hashed); DESIGN.md "Resolution is a choice".
import type { RandomStream } from '../../engine/index.js';
import { shown } from './_check.js';
import { expectedShares } from './share-math.js';

export interface ShareSource {
  /**
   * Shares a worker hashing at hashrateHs finds at shareDifficulty during intervalUs; expected count
   * H·Δt / (d·2^32) in every implementation. rng is the worker's own stream.
   */
  sharesIn(workerKey: string, hashrateHs: number, shareDifficulty: number, intervalUs: number, rng: RandomStream): number;
}

export function checkWorkerKey(workerKey: string): string {
  if (typeof workerKey !== 'string' || workerKey.length === 0) throw new RangeError(`workerKey must be a non-empty string, got ${shown(workerKey)}`);
  return workerKey;
}

/** Aggregate resolution: the count is Poisson(λ·Δt), one draw per worker per interval. */
export const aggregateShareSource: ShareSource = Object.freeze({
  sharesIn(workerKey: string, hashrateHs: number, shareDifficulty: number, intervalUs: number, rng: RandomStream): number {
    checkWorkerKey(workerKey);
    return rng.poisson(expectedShares(hashrateHs, shareDifficulty, intervalUs));
  },
});
