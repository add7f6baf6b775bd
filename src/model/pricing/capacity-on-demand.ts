// Expanding and shrinking capacity on demand: expand after utilisation stays above X for K slots in
// a row, shrink after it stays below Y for K' slots; a decision resets both streaks (DESIGN.md §1).
import { divCeil, divFloor } from '../ledger/exact.js';
import { BPS_PER_WHOLE, BPS_PER_WHOLE_N, checkBps, checkCount, checkNonNegativeBigint } from './_check.js';

export interface CapacityRuleParams {
  readonly expandAboveBps: number;
  readonly shrinkBelowBps: number;
  readonly expandAfterSlots: number;
  readonly shrinkAfterSlots: number;
  /** How much one decision adds or removes, as a share of the current capacity. */
  readonly stepBps: number;
  /** Capacity never shrinks below this (base units). */
  readonly minCapacityQuantity: bigint;
}

/**
 * Expand above 85 % for an hour (4 × 15 min), shrink below 50 % for two hours: slower to give
 * capacity back than to add it, since a shortage loses revenue and a surplus only costs rent. Steps
 * of 25 %. Assumptions, not sourced figures.
 */
export const DEFAULT_CAPACITY_RULE: CapacityRuleParams = {
  expandAboveBps: 8_500,
  shrinkBelowBps: 5_000,
  expandAfterSlots: 4,
  shrinkAfterSlots: 8,
  stepBps: 2_500,
  minCapacityQuantity: 0n,
};

export interface CapacityRuleState {
  readonly slotsAbove: number;
  readonly slotsBelow: number;
}

export const INITIAL_CAPACITY_STATE: CapacityRuleState = { slotsAbove: 0, slotsBelow: 0 };

export type CapacityDecision = 'expand' | 'shrink' | 'hold';

export function checkCapacityRule(params: CapacityRuleParams): void {
  checkBps('expandAboveBps', params.expandAboveBps, 1_000_000);
  checkBps('shrinkBelowBps', params.shrinkBelowBps, BPS_PER_WHOLE);
  if (params.shrinkBelowBps >= params.expandAboveBps) throw new RangeError(`shrinkBelowBps must be < expandAboveBps = ${params.expandAboveBps}, got ${params.shrinkBelowBps}`);
  checkCount('expandAfterSlots', params.expandAfterSlots, 1);
  checkCount('shrinkAfterSlots', params.shrinkAfterSlots, 1);
  checkBps('stepBps', params.stepBps, 1_000_000, 1);
  checkNonNegativeBigint('minCapacityQuantity', params.minCapacityQuantity);
}

/**
 * One slot's observation. Above: used/capacity > X strictly; below: < Y strictly (compared exactly
 * in integers). Zero capacity with use counts as above; zero capacity unused is neither.
 */
export function decideCapacity(
  state: CapacityRuleState,
  observation: { readonly usedQuantity: bigint; readonly capacityQuantity: bigint },
  params: CapacityRuleParams = DEFAULT_CAPACITY_RULE,
): { state: CapacityRuleState; decision: CapacityDecision } {
  checkCapacityRule(params);
  const used = checkNonNegativeBigint('usedQuantity', observation.usedQuantity);
  const capacity = checkNonNegativeBigint('capacityQuantity', observation.capacityQuantity);
  const usedBps = used * BPS_PER_WHOLE_N;
  const above = usedBps > BigInt(params.expandAboveBps) * capacity;
  const below = capacity > 0n && usedBps < BigInt(params.shrinkBelowBps) * capacity;
  const next = { slotsAbove: above ? state.slotsAbove + 1 : 0, slotsBelow: below ? state.slotsBelow + 1 : 0 };
  if (next.slotsAbove >= params.expandAfterSlots) return { state: INITIAL_CAPACITY_STATE, decision: 'expand' };
  if (next.slotsBelow >= params.shrinkAfterSlots) return { state: INITIAL_CAPACITY_STATE, decision: 'shrink' };
  return { state: next, decision: 'hold' };
}

/** Capacity after a decision: + ⌈c·step⌉ (at least 1) or − ⌊c·step⌋, never under the minimum. */
export function resizeCapacity(capacityQuantity: bigint, decision: CapacityDecision, params: CapacityRuleParams = DEFAULT_CAPACITY_RULE): bigint {
  checkCapacityRule(params);
  checkNonNegativeBigint('capacityQuantity', capacityQuantity);
  const step = BigInt(params.stepBps);
  if (decision === 'expand') {
    const add = divCeil(capacityQuantity * step, BPS_PER_WHOLE_N);
    return capacityQuantity + (add > 0n ? add : 1n);
  }
  if (decision === 'shrink') {
    const shrunk = capacityQuantity - divFloor(capacityQuantity * step, BPS_PER_WHOLE_N);
    // A shrink never raises capacity, even when it is already under the minimum.
    const lowest = params.minCapacityQuantity < capacityQuantity ? params.minCapacityQuantity : capacityQuantity;
    return shrunk > lowest ? shrunk : lowest;
  }
  return capacityQuantity;
}
