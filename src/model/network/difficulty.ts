// Difficulty ↔ target and the share/block rates that follow from it: Rosenfeld 2011 §1.1, pool
// practice (Miningcore BitcoinPool.cs: hashrate = Σd·2^32/t) and Bitcoin Core pow.cpp/chain.cpp.
import { shown } from '../ledger/exact.js';
import { ratio, ratioFromNumber, ratioToNumber, type Ratio } from '../ledger/ratio.js';

/** Difficulty-1 target ("bdiff"): 0x00000000ffff0000…0000 = 0xffff · 2^208 (nBits 0x1d00ffff). */
export const DIFF1_TARGET = 0xffffn << 208n;
export const TWO_POW_32 = 2 ** 32;
const MAX_TARGET = (1n << 256n) - 1n;

function checkPositive(argument: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${argument} must be a finite number > 0, got ${shown(value)}`);
  }
}

function checkTarget(target: bigint): void {
  if (typeof target !== 'bigint' || target <= 0n || target > MAX_TARGET) {
    throw new RangeError(`target must be a bigint in (0, 2^256), got ${shown(target)}`);
  }
}

/** DIFF1_TARGET / target exactly, as a ratio. */
export function difficultyRatioFromTarget(target: bigint): Ratio {
  checkTarget(target);
  return ratio(DIFF1_TARGET, target);
}

/** DIFF1_TARGET / target, correctly rounded to a double (Core's GetDifficulty uses floats). */
export function difficultyFromTarget(target: bigint): number {
  return ratioToNumber(difficultyRatioFromTarget(target));
}

/**
 * ⌊DIFF1_TARGET / difficulty⌋ computed from the double's exact binary value, so fractional share
 * difficulties (0.001, 1e-5) get their exact target; capped at 2^256 − 1 for difficulty < ~2^-32.
 */
export function targetFromDifficulty(difficulty: number): bigint {
  checkPositive('difficulty', difficulty);
  const d = ratioFromNumber(difficulty);
  const target = (DIFF1_TARGET * d.den) / d.num;
  return target > MAX_TARGET ? MAX_TARGET : target;
}

/**
 * Expected hashes to find one share of this difficulty: d · 2^32 (the convention pools use).
 * The exact value for the truncated difficulty-1 target is d · 2^48 / (2^16 − 1)
 * (expectedHashesPerShareExact), 1.0000153 times larger.
 */
export function expectedHashesPerShare(difficulty: number): number {
  checkPositive('difficulty', difficulty);
  return difficulty * TWO_POW_32;
}

/** d · 2^48 / (2^16 − 1): Rosenfeld 2011 §1.1's exact hashes per difficulty-d share. */
export function expectedHashesPerShareExact(difficulty: number): number {
  checkPositive('difficulty', difficulty);
  return (difficulty * 2 ** 48) / 0xffff;
}

/** chain.cpp GetBlockProof: expected hashes to meet a target, ⌊2^256 / (target + 1)⌋. */
export function getBlockProof(target: bigint): bigint {
  checkTarget(target);
  return (1n << 256n) / (target + 1n);
}

/** Expected shares per second at a share difficulty: H / (d · 2^32). */
export function shareRatePerS(hashrateHs: number, shareDifficulty: number): number {
  if (!Number.isFinite(hashrateHs) || hashrateHs < 0) throw new RangeError(`hashrateHs must be a finite number ≥ 0, got ${shown(hashrateHs)}`);
  checkPositive('shareDifficulty', shareDifficulty);
  return hashrateHs / (shareDifficulty * TWO_POW_32);
}

/** The pool-side hashrate estimate from accepted shares: 2^32 · Σd / window. */
export function hashrateFromSharesHs(sumShareDifficulty: number, windowS: number): number {
  if (!Number.isFinite(sumShareDifficulty) || sumShareDifficulty < 0) {
    throw new RangeError(`sumShareDifficulty must be a finite number ≥ 0, got ${shown(sumShareDifficulty)}`);
  }
  checkPositive('windowS', windowS);
  return (sumShareDifficulty * TWO_POW_32) / windowS;
}

/** P(a share of difficulty d is also a block) = d / D, and 1 once d ≥ D (its hash then meets the block target). */
export function blockProbabilityPerShare(shareDifficulty: number, networkDifficulty: number): number {
  checkPositive('shareDifficulty', shareDifficulty);
  checkPositive('networkDifficulty', networkDifficulty);
  return Math.min(1, shareDifficulty / networkDifficulty);
}

/** Blocks per second a hashrate finds at network difficulty D: H / (D · 2^32). */
export function blockRatePerS(hashrateHs: number, networkDifficulty: number): number {
  return shareRatePerS(hashrateHs, networkDifficulty);
}

/** The difficulty at which a network hashrate finds a block every spacing seconds: H · spacing / 2^32. */
export function equilibriumDifficulty(networkHashrateHs: number, spacingS = 600): number {
  checkPositive('networkHashrateHs', networkHashrateHs);
  checkPositive('spacingS', spacingS);
  return (networkHashrateHs * spacingS) / TWO_POW_32;
}
