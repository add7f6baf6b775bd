// Vardiff options and the retarget rule shared by the per-share and per-slot forms: Miningcore
// VarDiffManager.cs (band T(1±v), newDiff = diff·T/avg, delta limit, clamp) with the 15 s / 90 s /
// ±30 % defaults of domain-facts §3.6.
import { checkPositive, shown } from './_check.js';

export interface VardiffOptions {
  /** T: seconds per share the pool aims for (Miningcore TargetTime). Default 15. */
  targetSecondsPerShare?: number;
  /** Least seconds between two retargets (RetargetTime). Default 90. */
  retargetSeconds?: number;
  /** v in percent: no retarget while the average interval is within T(1 ± v). Default 30. */
  variancePct?: number;
  minDifficulty: number;
  /** Infinity for no ceiling (Miningcore's MaxDiff unset). */
  maxDifficulty: number;
  /**
   * Largest factor one retarget may move the difficulty by (newDiff within [diff/f, diff·f]).
   * Miningcore's MaxDelta is an absolute difficulty step; a factor is scale-free, so one
   * setting fits a 1 TH/s and a 1 PH/s worker alike. Unset: no limit.
   */
  maxDeltaFactor?: number;
}

export type ResolvedVardiffOptions = Required<Omit<VardiffOptions, 'maxDeltaFactor'>> & { maxDeltaFactor: number };

export const VARDIFF_DEFAULTS = Object.freeze({ targetSecondsPerShare: 15, retargetSeconds: 90, variancePct: 30 });

/** Fills defaults and checks every field; maxDeltaFactor Infinity stands for "no limit". */
export function resolveVardiffOptions(options: VardiffOptions): ResolvedVardiffOptions {
  if (typeof options !== 'object' || options === null) throw new RangeError(`options must be an object, got ${shown(options)}`);
  const targetSecondsPerShare = checkPositive('targetSecondsPerShare', options.targetSecondsPerShare ?? VARDIFF_DEFAULTS.targetSecondsPerShare);
  const retargetSeconds = checkPositive('retargetSeconds', options.retargetSeconds ?? VARDIFF_DEFAULTS.retargetSeconds);
  const variancePct = options.variancePct ?? VARDIFF_DEFAULTS.variancePct;
  if (typeof variancePct !== 'number' || !(variancePct >= 0 && variancePct < 100)) {
    throw new RangeError(`variancePct must be in [0, 100), got ${shown(variancePct)}`);
  }
  const minDifficulty = checkPositive('minDifficulty', options.minDifficulty);
  const maxDifficulty = options.maxDifficulty;
  if (typeof maxDifficulty !== 'number' || !(maxDifficulty >= minDifficulty)) {
    throw new RangeError(`maxDifficulty must be ≥ minDifficulty (${minDifficulty}) or Infinity, got ${shown(maxDifficulty)}`);
  }
  const maxDeltaFactor = options.maxDeltaFactor ?? Infinity;
  if (typeof maxDeltaFactor !== 'number' || !(maxDeltaFactor > 1)) {
    throw new RangeError(`maxDeltaFactor must be > 1 (or unset), got ${shown(maxDeltaFactor)}`);
  }
  return { targetSecondsPerShare, retargetSeconds, variancePct, minDifficulty, maxDifficulty, maxDeltaFactor };
}

/** True when the average share interval is inside T(1 − v) … T(1 + v): then nothing changes. */
export function withinBand(avgSecondsPerShare: number, options: ResolvedVardiffOptions): boolean {
  const varianceS = options.targetSecondsPerShare * (options.variancePct / 100);
  return avgSecondsPerShare >= options.targetSecondsPerShare - varianceS && avgSecondsPerShare <= options.targetSecondsPerShare + varianceS;
}

/** The clock's resolution: an average interval of 0 (shares in the same µs) counts as 1 µs. */
const MIN_AVG_S = 1e-6;

/**
 * diff · T / avg, held within the delta factor, then clamped to [min, max]. Miningcore saturates at
 * MaxDiff when avg is 0; with an unbounded maximum that would be infinite, so avg is floored at 1 µs.
 */
export function retargetDifficulty(difficulty: number, avgSecondsPerShare: number, options: ResolvedVardiffOptions): number {
  let next = (difficulty * options.targetSecondsPerShare) / Math.max(avgSecondsPerShare, MIN_AVG_S);
  next = Math.min(next, difficulty * options.maxDeltaFactor);
  next = Math.max(next, difficulty / options.maxDeltaFactor);
  return Math.min(Math.max(next, options.minDifficulty), options.maxDifficulty);
}
