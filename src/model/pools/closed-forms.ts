// Closed forms for payout schemes (Rosenfeld 2011 §1–§2, §5; domain-facts §2.6), in floats, as test
// oracles and report lines. p = d/D is a share's block probability, B' = B·(1 − f) the miners' part.
import { shown } from '../ledger/exact.js';
import { BASIS_POINTS_PER_WHOLE } from '../ledger/split.js';
import { TWO_POW_32 } from '../network/difficulty.js';
import { scaledExponentialIntegralE1 } from './exp-integral.js';
import { checkFeeBps } from './validate.js';

export interface ShareValueInput {
  /** B: expected block reward, satoshi (subsidy for PPS, subsidy + F̄ for FPPS, mean reward otherwise). */
  readonly blockRewardSat: number | bigint;
  readonly networkDifficulty: number;
  readonly feeBps: number;
  /** d (default 1). */
  readonly shareDifficulty?: number;
}

function positive(argument: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${argument} must be a finite number > 0, got ${shown(value)}`);
  return value;
}

function nonNegative(argument: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${argument} must be a finite number ≥ 0, got ${shown(value)}`);
  return value;
}

function feeFraction(feeBps: number): number {
  checkFeeBps(feeBps);
  return feeBps / BASIS_POINTS_PER_WHOLE;
}

function parts(input: ShareValueInput): { b: number; p: number; f: number } {
  const b = nonNegative('blockRewardSat', Number(input.blockRewardSat));
  const d = positive('shareDifficulty', input.shareDifficulty ?? 1);
  const p = d / positive('networkDifficulty', input.networkDifficulty);
  return { b, p, f: feeFraction(input.feeBps) };
}

/** Mean payout of one share, p·B·(1 − f): the same for every scheme (PPS pays exactly this). */
export function expectedPayoutPerShareSat(input: ShareValueInput): number {
  const { b, p, f } = parts(input);
  return p * b * (1 - f);
}

/** A PPS/FPPS miner's payout per share has no variance: the price is fixed when the share is accepted. */
export const PPS_SHARE_VARIANCE_SAT2 = 0;

/**
 * Variance of one PPLNS share's payout: it collects d·B'/N from each block among the next N = X·D
 * difficulty-1 shares, a Poisson(X) count, so var = (d·B'/N)²·N/D = d²·B'²/(X·D²) — for d = 1 the
 * pB'²/N of domain-facts §2.6. (With each difficulty-1 share an independent trial the count is
 * Binomial(N, 1/D) and the variance is smaller by the factor 1 − 1/D.)
 */
export function pplnsShareVarianceSat2(input: ShareValueInput & { readonly windowFactor: number }): number {
  const { b, p, f } = parts(input);
  const x = positive('windowFactor', input.windowFactor);
  const bMiners = b * (1 - f);
  return (p * p * bMiners * bMiners) / x;
}

export interface SoloInput {
  readonly hashrateHs: number;
  readonly durationS: number;
  readonly networkDifficulty: number;
  readonly blockRewardSat: number | bigint;
  readonly feeBps: number;
}

function soloRate(input: SoloInput): { blocks: number; bMiners: number } {
  const blocks = (nonNegative('hashrateHs', input.hashrateHs) * nonNegative('durationS', input.durationS)) /
    (TWO_POW_32 * positive('networkDifficulty', input.networkDifficulty));
  return { blocks, bMiners: nonNegative('blockRewardSat', Number(input.blockRewardSat)) * (1 - feeFraction(input.feeBps)) };
}

/** SOLO mean over a period: h·t·B'/(2^32·D) (Rosenfeld 2011 §1.1). */
export function soloExpectedSat(input: SoloInput): number {
  const { blocks, bMiners } = soloRate(input);
  return blocks * bMiners;
}

/** SOLO variance over a period: a Poisson count of blocks times B', h·t·B'²/(2^32·D). */
export function soloVarianceSat2(input: SoloInput): number {
  const { blocks, bMiners } = soloRate(input);
  return blocks * bMiners * bMiners;
}

/**
 * PROP: a share submitted after x·D shares of the round is worth eˣ·E1(x) times its fair value
 * pB' (Rosenfeld 2011 §2.1, continuous limit): more than fair early, less late.
 */
export function propShareValueFactor(x: number): number {
  return scaledExponentialIntegralE1(nonNegative('x', x));
}

export function propShareValueSat(input: ShareValueInput & { readonly x: number }): number {
  return expectedPayoutPerShareSat(input) * propShareValueFactor(input.x);
}

/** The x where eˣ·E1(x) = 1, by bisection (eˣE1 is decreasing): ≈ 0.43482, "hop out at 43.5 %". */
export function propBreakEvenX(): number {
  let lo = 0.1;
  let hi = 1;
  for (let i = 0; i < 100 && hi - lo > 1e-15; i++) {
    const mid = (lo + hi) / 2;
    if (scaledExponentialIntegralE1(mid) > 1) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export const PROP_BREAK_EVEN_X = propBreakEvenX();

export interface PpsRuinInput {
  readonly blockRewardSat: number | bigint;
  readonly feeBps: number;
}

/**
 * Diffusion approximation of a PPS operator's ruin probability with reserve R: the reserve drifts
 * up f·pB per share with variance ≈ pB², so P(ruin) ≈ exp(−2fR/B) (domain-facts §2.6 [D]).
 */
export function ppsRuinProbability(input: PpsRuinInput & { readonly reserveSat: number | bigint }): number {
  const b = positive('blockRewardSat', Number(input.blockRewardSat));
  const r = nonNegative('reserveSat', Number(input.reserveSat));
  return Math.exp((-2 * feeFraction(input.feeBps) * r) / b);
}

/** Reserve for ruin probability δ under the same approximation: B·ln(1/δ)/(2f) (∞ at f = 0). */
export function ppsReserveForRuinSat(input: PpsRuinInput & { readonly ruinProbability: number }): number {
  const b = positive('blockRewardSat', Number(input.blockRewardSat));
  const delta = input.ruinProbability;
  if (!(delta > 0 && delta < 1)) throw new RangeError(`ruinProbability must be in (0, 1), got ${shown(delta)}`);
  return (b * Math.log(1 / delta)) / (2 * feeFraction(input.feeBps));
}

/**
 * The Lundberg exponent u = κ·B of the operator's per-share walk (pay (1 − f)pB, receive B with
 * probability p): the root u > 0 of ln(1 − p + p·e^−u) + (1 − f)·p·u = 0. Then
 * P(ruin) = exp(−u·R/B) up to one share's payment of overshoot; u → 2f as p → 0, f → 0.
 */
export function ppsLundbergExponent(input: { readonly blockProbability: number; readonly feeBps: number }): number {
  const p = input.blockProbability;
  if (!(p > 0 && p < 1)) throw new RangeError(`blockProbability must be in (0, 1), got ${shown(p)}`);
  const f = feeFraction(input.feeBps);
  if (f === 0) return 0;
  const g = (u: number) => Math.log1p(p * Math.expm1(-u)) + (1 - f) * p * u;
  let hi = 2 * f;
  while (g(hi) < 0) hi *= 2;
  let lo = hi / 2;
  while (g(lo) >= 0 && lo > 1e-300) lo /= 2; // g < 0 just right of 0, since g'(0) = −f·p
  for (let i = 0; i < 200 && hi - lo > hi * 1e-15; i++) {
    const mid = (lo + hi) / 2;
    if (g(mid) < 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** P(ruin) = exp(−u·R/B) with the Lundberg exponent u for share block probability p. */
export function ppsRuinProbabilityLundberg(input: PpsRuinInput & { readonly reserveSat: number | bigint; readonly blockProbability: number }): number {
  const b = positive('blockRewardSat', Number(input.blockRewardSat));
  const r = nonNegative('reserveSat', Number(input.reserveSat));
  return Math.exp((-ppsLundbergExponent(input) * r) / b);
}
