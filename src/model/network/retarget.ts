// Bitcoin mainnet difficulty retarget, Bitcoin Core src/pow.cpp (GetNextWorkRequired,
// CalculateNextWorkRequired), plus a float version on difficulty for the simulator.
import { shown } from '../ledger/exact.js';
import { getCompact, setCompact } from './compact.js';
import { DIFFICULTY_ADJUSTMENT_INTERVAL, POW_LIMIT, POW_TARGET_TIMESPAN_S } from './chain-params.js';
import { difficultyFromTarget } from './difficulty.js';

const UINT256_MASK = (1n << 256n) - 1n;
const MIN_TIMESPAN_S = POW_TARGET_TIMESPAN_S / 4;
const MAX_TIMESPAN_S = POW_TARGET_TIMESPAN_S * 4;

/** Difficulty of powLimit (≈ 0.99998): the floor retargetDifficulty applies by default. */
export const POW_LIMIT_DIFFICULTY = difficultyFromTarget(POW_LIMIT);

/** True if the block at nextHeight starts a new period (GetNextWorkRequired's (h+1) % 2016 == 0). */
export function isRetargetHeight(nextHeight: number): boolean {
  if (!Number.isSafeInteger(nextHeight) || nextHeight < 0) throw new RangeError(`nextHeight must be an integer ≥ 0, got ${shown(nextHeight)}`);
  return nextHeight % DIFFICULTY_ADJUSTMENT_INTERVAL === 0;
}

/** The actual timespan clamped to [T/4, 4T] (T = 1 209 600 s). */
export function clampTimespanS(actualTimespanS: number): number {
  if (!Number.isFinite(actualTimespanS)) throw new RangeError(`actualTimespanS must be finite, got ${shown(actualTimespanS)}`);
  return Math.min(MAX_TIMESPAN_S, Math.max(MIN_TIMESPAN_S, actualTimespanS));
}

/**
 * CalculateNextWorkRequired: new target = old · clamp(actual) / T, capped at powLimit, encoded with
 * GetCompact (rounding down). actualTimespanS = time(last) − time(first of the 2016), an integer
 * (Core's int64; it spans 2015 intervals — the known off-by-one).
 */
export function calculateNextWorkRequired(lastBits: number, actualTimespanS: number, powLimit: bigint = POW_LIMIT): number {
  if (!Number.isSafeInteger(actualTimespanS)) throw new RangeError(`actualTimespanS must be an integer, got ${shown(actualTimespanS)}`);
  const timespanS = BigInt(clampTimespanS(actualTimespanS));
  // arith_uint256 arithmetic: the product wraps at 2^256 (cannot happen below mainnet powLimit).
  let target = ((setCompact(lastBits).target * timespanS) & UINT256_MASK) / BigInt(POW_TARGET_TIMESPAN_S);
  if (target > powLimit) target = powLimit;
  return getCompact(target);
}

export interface RetargetDifficultyOptions {
  /** Lowest difficulty allowed (default: powLimit's, ≈ 0.99998); pass 0 for toy networks. */
  readonly minDifficulty?: number;
}

/** Float retarget for the simulator: old · T / clamp(actual), floored at minDifficulty. */
export function retargetDifficulty(oldDifficulty: number, actualTimespanS: number, options: RetargetDifficultyOptions = {}): number {
  if (!Number.isFinite(oldDifficulty) || oldDifficulty <= 0) throw new RangeError(`oldDifficulty must be a finite number > 0, got ${shown(oldDifficulty)}`);
  const next = (oldDifficulty * POW_TARGET_TIMESPAN_S) / clampTimespanS(actualTimespanS);
  return Math.max(options.minDifficulty ?? POW_LIMIT_DIFFICULTY, next);
}
