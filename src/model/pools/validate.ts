// Argument checks shared by the payout schemes: programmer mistakes throw RangeError naming the
// argument and the value.
import { shown } from '../ledger/exact.js';
import { BASIS_POINTS_PER_WHOLE } from '../ledger/split.js';
import type { FoundBlock, PoolContext, Share } from './types.js';

export function checkFeeBps(feeBps: number): void {
  if (!Number.isSafeInteger(feeBps) || feeBps < 0 || feeBps > BASIS_POINTS_PER_WHOLE) {
    throw new RangeError(`feeBps must be an integer in [0, 10000], got ${shown(feeBps)}`);
  }
}

function checkAtUs(argument: string, atUs: number): void {
  if (!Number.isSafeInteger(atUs) || atUs < 0) throw new RangeError(`${argument} must be an integer ≥ 0, got ${shown(atUs)}`);
}

export function checkShare(share: Share): void {
  if (typeof share.minerId !== 'string' || share.minerId.length === 0) throw new RangeError(`share.minerId must be a non-empty string, got ${shown(share.minerId)}`);
  if (!Number.isFinite(share.difficulty) || share.difficulty <= 0) {
    throw new RangeError(`share.difficulty must be a finite number > 0, got ${shown(share.difficulty)}`);
  }
  checkAtUs('share.atUs', share.atUs);
}

export function checkBlock(block: FoundBlock): void {
  if (typeof block.finderMinerId !== 'string' || block.finderMinerId.length === 0) {
    throw new RangeError(`block.finderMinerId must be a non-empty string, got ${shown(block.finderMinerId)}`);
  }
  checkAtUs('block.atUs', block.atUs);
  if (typeof block.rewardSat !== 'bigint' || block.rewardSat < 0n) throw new RangeError(`block.rewardSat must be a bigint ≥ 0n, got ${shown(block.rewardSat)}`);
  if (typeof block.feesSat !== 'bigint' || block.feesSat < 0n || block.feesSat > block.rewardSat) {
    throw new RangeError(`block.feesSat must be a bigint in [0n, rewardSat], got ${shown(block.feesSat)}`);
  }
}

export function checkContext(ctx: PoolContext): void {
  if (!Number.isFinite(ctx.networkDifficulty) || ctx.networkDifficulty <= 0) {
    throw new RangeError(`ctx.networkDifficulty must be a finite number > 0, got ${shown(ctx.networkDifficulty)}`);
  }
  if (typeof ctx.subsidySat !== 'bigint' || ctx.subsidySat < 0n) throw new RangeError(`ctx.subsidySat must be a bigint ≥ 0n, got ${shown(ctx.subsidySat)}`);
  if (ctx.expectedFeesSat !== undefined && (typeof ctx.expectedFeesSat !== 'bigint' || ctx.expectedFeesSat < 0n)) {
    throw new RangeError(`ctx.expectedFeesSat must be a bigint ≥ 0n, got ${shown(ctx.expectedFeesSat)}`);
  }
}
