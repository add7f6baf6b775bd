// What a "mining epoch" is when a commitment is counted in them: Ethash's 30,000-block epoch, or for
// SHA-256d — which has no epochs — the 2,016-block difficulty retarget period. Always explicit.
import { shown } from '../ledger/exact.js';
import { DIFFICULTY_ADJUSTMENT_INTERVAL, POW_TARGET_SPACING_S } from '../network/chain-params.js';
import { US_PER_S } from '../units.js';
import { checkCount } from './_check.js';

export interface MiningEpoch {
  readonly name: string;
  readonly blocks: number;
  /** Expected (target) block interval: commitments run on the clock, not on the chain's luck. */
  readonly blockIntervalUs: number;
}

/** EPOCH_SIZE = 30,000 blocks (ethereum/execution-specs ethash.py); ~125 h at 15 s (ethereum.org, domain-facts §2.8). */
export const ETHASH_EPOCH: MiningEpoch = { name: 'ethash-epoch', blocks: 30_000, blockIntervalUs: 15 * US_PER_S };

/** DifficultyAdjustmentInterval() = 2,016 blocks at nPowTargetSpacing 600 s = 14 days (Bitcoin Core). */
export const SHA256D_RETARGET_EPOCH: MiningEpoch = {
  name: 'sha256d-retarget-period',
  blocks: DIFFICULTY_ADJUSTMENT_INTERVAL,
  blockIntervalUs: POW_TARGET_SPACING_S * US_PER_S,
};

/** The reference design's minimum commitment (DESIGN.md §1). */
export const DEFAULT_COMMITMENT_EPOCHS = 6;
/** The twin mines SHA-256d, so its default epoch is the retarget period: 6 × 14 d = 84 days (6 Ethash epochs would be 750 h ≈ 31 d). */
export const DEFAULT_COMMITMENT_EPOCH = SHA256D_RETARGET_EPOCH;

export function epochDurationUs(epoch: MiningEpoch): number {
  checkCount('epoch.blocks', epoch.blocks, 1);
  checkCount('epoch.blockIntervalUs', epoch.blockIntervalUs, 1);
  const us = epoch.blocks * epoch.blockIntervalUs;
  if (!Number.isSafeInteger(us)) throw new RangeError(`epoch must last a safe integer of µs, got ${shown(epoch)}`);
  return us;
}

export function commitmentDurationUs(epochs: number, epoch: MiningEpoch = DEFAULT_COMMITMENT_EPOCH): number {
  checkCount('epochs', epochs, 1);
  const us = epochs * epochDurationUs(epoch);
  if (!Number.isSafeInteger(us)) throw new RangeError(`epochs × epoch duration must be a safe integer of µs, got ${epochs} × ${epochDurationUs(epoch)}`);
  return us;
}
