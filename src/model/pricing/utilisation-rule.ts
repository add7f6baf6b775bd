// Utilisation-driven repricing: each slot the price moves towards balance — up when utilisation is
// above target, down when below — in bounded steps between a floor and a ceiling, like NiceHash's
// order repricing limits (domain-facts §1.1: raise freely, lower by at most priceDownStep).
import { divFloor, divRoundHalfEven } from '../ledger/exact.js';
import { BPS_PER_WHOLE, BPS_PER_WHOLE_N, checkBps, checkNonNegativeBigint } from './_check.js';

/** Every figure but targetBps is a share of the reference (list) price. */
export interface UtilisationRuleParams {
  /** Utilisation the price steers towards. */
  readonly targetBps: number;
  /** Step per unit of (utilisation − target), before the step bounds. */
  readonly gainBps: number;
  readonly maxStepUpBps: number;
  readonly maxStepDownBps: number;
  readonly floorBps: number;
  readonly ceilingBps: number;
}

/**
 * Target 80 %; at 100 % (20 points over) the raw step is 20 % of list, capped at +10 %; falling is
 * slower (−5 % a slot at most), as NiceHash lets buyers raise at once but lower only in small steps.
 * Floor: half the list price; ceiling: twice it — the street price at the default 50 % discount,
 * above which a tenant would go to the cloud. (Defaults are assumptions, not sourced figures.)
 */
export const DEFAULT_UTILISATION_RULE: UtilisationRuleParams = {
  targetBps: 8_000,
  gainBps: 10_000,
  maxStepUpBps: 1_000,
  maxStepDownBps: 500,
  floorBps: 5_000,
  ceilingBps: 20_000,
};

const MAX_BPS = 1_000_000; // 100× the reference: generous, only to catch unit mistakes.

export function checkUtilisationRule(params: UtilisationRuleParams): void {
  checkBps('targetBps', params.targetBps, BPS_PER_WHOLE, 1);
  checkBps('gainBps', params.gainBps, MAX_BPS);
  checkBps('maxStepUpBps', params.maxStepUpBps, MAX_BPS);
  checkBps('maxStepDownBps', params.maxStepDownBps, MAX_BPS);
  checkBps('floorBps', params.floorBps, MAX_BPS);
  checkBps('ceilingBps', params.ceilingBps, MAX_BPS);
  if (params.ceilingBps < params.floorBps) throw new RangeError(`ceilingBps must be ≥ floorBps = ${params.floorBps}, got ${params.ceilingBps}`);
}

export interface UtilisationObservation {
  /** Price in force now (µUSD per lot per slot). */
  readonly priceMicroUsdPerLotSlot: bigint;
  /** The list price the rule's steps, floor and ceiling are shares of. */
  readonly referenceMicroUsdPerLotSlot: bigint;
  /** Quantity used — or requested, which may exceed capacity and then pushes harder. */
  readonly demandQuantity: bigint;
  readonly capacityQuantity: bigint;
}

export interface PriceBand {
  readonly floorMicroUsd: bigint;
  readonly ceilingMicroUsd: bigint;
  readonly maxStepUpMicroUsd: bigint;
  readonly maxStepDownMicroUsd: bigint;
}

/** Floor and ceiling round half-to-even; step bounds round down so a step never exceeds its share. */
export function priceBand(referenceMicroUsd: bigint, params: UtilisationRuleParams = DEFAULT_UTILISATION_RULE): PriceBand {
  checkNonNegativeBigint('referenceMicroUsd', referenceMicroUsd);
  checkUtilisationRule(params);
  const of = (bps: number) => referenceMicroUsd * BigInt(bps);
  return {
    floorMicroUsd: divRoundHalfEven(of(params.floorBps), BPS_PER_WHOLE_N),
    ceilingMicroUsd: divRoundHalfEven(of(params.ceilingBps), BPS_PER_WHOLE_N),
    maxStepUpMicroUsd: divFloor(of(params.maxStepUpBps), BPS_PER_WHOLE_N),
    maxStepDownMicroUsd: divFloor(of(params.maxStepDownBps), BPS_PER_WHOLE_N),
  };
}

const clamp = (x: bigint, lo: bigint, hi: bigint): bigint => (x < lo ? lo : x > hi ? hi : x);

/**
 * Next slot's price: step = reference · gain · (demand/capacity − target), rounded half-to-even,
 * clamped to [−maxStepDown, +maxStepUp]; then the price is clamped to [floor, ceiling]. Every stage
 * is non-decreasing in utilisation, so higher utilisation never gives a lower price. Zero capacity
 * with demand counts as infinitely over target (full step up); with no demand it holds the price.
 * A price already outside [floor, ceiling] is pulled back inside even if that is a bigger move.
 */
export function nextPriceByUtilisation(observation: UtilisationObservation, params: UtilisationRuleParams = DEFAULT_UTILISATION_RULE): bigint {
  const price = checkNonNegativeBigint('priceMicroUsdPerLotSlot', observation.priceMicroUsdPerLotSlot);
  const reference = checkNonNegativeBigint('referenceMicroUsdPerLotSlot', observation.referenceMicroUsdPerLotSlot);
  const demand = checkNonNegativeBigint('demandQuantity', observation.demandQuantity);
  const capacity = checkNonNegativeBigint('capacityQuantity', observation.capacityQuantity);
  const band = priceBand(reference, params);

  let step: bigint;
  if (capacity === 0n) {
    step = demand > 0n ? band.maxStepUpMicroUsd : 0n;
  } else {
    // (demand/capacity − target/10⁴) = (demand·10⁴ − target·capacity) / (capacity·10⁴)
    const excess = demand * BPS_PER_WHOLE_N - BigInt(params.targetBps) * capacity;
    step = divRoundHalfEven(reference * BigInt(params.gainBps) * excess, BPS_PER_WHOLE_N * BPS_PER_WHOLE_N * capacity);
  }
  step = clamp(step, -band.maxStepDownMicroUsd, band.maxStepUpMicroUsd);
  return clamp(price + step, band.floorMicroUsd, band.ceilingMicroUsd);
}
