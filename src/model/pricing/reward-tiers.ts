// Reward-share tiers between the wholesale operator and retail pool managers, switched by demand
// (DESIGN.md §1 reference: 50/50 low, 40/60 medium, 30/70 high volume), and a colo partner's share
// of rewards taken instead of part of the rent (Bitdeer's "share ratio", domain-facts §2.7, §5).
import { divRoundHalfEven, shown } from '../ledger/exact.js';
import { BPS_PER_WHOLE, BPS_PER_WHOLE_N, checkBps, checkName, checkNonNegativeBigint } from './_check.js';

export interface RewardTier {
  readonly name: string;
  /** The tier applies from this demand up (inclusive) to the next tier's threshold. */
  readonly minDemandBps: number;
  /** Wholesale operator's share; retail pool managers get the rest. */
  readonly wholesaleBps: number;
}

/**
 * Demand = retail pool managers' requested hashrate as a share of the wholesale operator's
 * capacity (demandBps). Thresholds 40 % and 75 % are assumptions — the reference design names the
 * three splits, not where they switch.
 */
export const DEFAULT_REWARD_TIERS: readonly RewardTier[] = [
  { name: 'low', minDemandBps: 0, wholesaleBps: 5_000 },
  { name: 'medium', minDemandBps: 4_000, wholesaleBps: 4_000 },
  { name: 'high', minDemandBps: 7_500, wholesaleBps: 3_000 },
];

export function checkRewardTiers(tiers: readonly RewardTier[]): void {
  if (tiers.length === 0) throw new RangeError('tiers must not be empty, got []');
  tiers.forEach((tier, i) => {
    checkName(`tiers[${i}].name`, tier.name);
    checkBps(`tiers[${i}].minDemandBps`, tier.minDemandBps, Number.MAX_SAFE_INTEGER);
    checkBps(`tiers[${i}].wholesaleBps`, tier.wholesaleBps);
    if (i === 0 && tier.minDemandBps !== 0) throw new RangeError(`tiers[0].minDemandBps must be 0, got ${tier.minDemandBps}`);
    if (i > 0 && tier.minDemandBps <= tiers[i - 1]!.minDemandBps) {
      throw new RangeError(`tiers[${i}].minDemandBps must be > tiers[${i - 1}]'s ${tiers[i - 1]!.minDemandBps}, got ${tier.minDemandBps}`);
    }
  });
}

/** Demand in basis points of capacity, rounded down (so a threshold is reached only when truly met). */
export function demandBps(demandQuantity: bigint, capacityQuantity: bigint): number {
  checkNonNegativeBigint('demandQuantity', demandQuantity);
  checkNonNegativeBigint('capacityQuantity', capacityQuantity);
  if (capacityQuantity === 0n) return demandQuantity > 0n ? Number.MAX_SAFE_INTEGER : 0;
  const bps = (demandQuantity * BPS_PER_WHOLE_N) / capacityQuantity;
  return bps > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(bps);
}

/** The tier with the highest threshold ≤ demand: a threshold itself belongs to the tier it opens. */
export function selectRewardTier(demandLevelBps: number, tiers: readonly RewardTier[] = DEFAULT_REWARD_TIERS): RewardTier {
  checkRewardTiers(tiers);
  checkBps('demandLevelBps', demandLevelBps, Number.MAX_SAFE_INTEGER);
  let chosen = tiers[0]!;
  for (const tier of tiers) if (tier.minDemandBps <= demandLevelBps) chosen = tier;
  return chosen;
}

/**
 * The tier with a dead band: from the current tier, demand must rise to a higher tier's threshold to
 * move up (as selectRewardTier), but must fall bandBps below the current tier's own threshold to move
 * down. Demand measured every slot is noisy; without a band the split would flap at every threshold
 * crossing, which no wholesale contract does. bandBps = 0 is selectRewardTier.
 */
export function selectRewardTierWithBand(
  demandLevelBps: number, current: RewardTier | undefined, bandBps: number, tiers: readonly RewardTier[] = DEFAULT_REWARD_TIERS,
): RewardTier {
  checkBps('bandBps', bandBps, Number.MAX_SAFE_INTEGER);
  const plain = selectRewardTier(demandLevelBps, tiers);
  if (current === undefined || plain.minDemandBps >= current.minDemandBps) return plain;
  // Falling: keep the current tier while within the band, else drop to the tier the banded level gives.
  return demandLevelBps + bandBps >= current.minDemandBps ? current : selectRewardTier(demandLevelBps + bandBps, tiers);
}

export function retailBps(tier: RewardTier): number {
  return BPS_PER_WHOLE - tier.wholesaleBps;
}

/** The colo partner takes x % of rewards off the top and in exchange cuts the rent by y %. */
export interface ColoRewardShareTerms {
  readonly coloRewardShareBps: number;
  readonly rentReductionBps: number;
}

/** No reward share, full rent: the plain hosting contract. */
export const NO_COLO_REWARD_SHARE: ColoRewardShareTerms = { coloRewardShareBps: 0, rentReductionBps: 0 };

export interface ReducedRent {
  readonly rentMicroUsd: bigint;
  readonly reductionMicroUsd: bigint;
}

/** Rent after the reduction; reduction = rent · y rounded half-to-even, rent + reduction = the full rent. */
export function rentAfterRewardShare(fullRentMicroUsd: bigint, terms: ColoRewardShareTerms): ReducedRent {
  checkNonNegativeBigint('fullRentMicroUsd', fullRentMicroUsd);
  checkBps('coloRewardShareBps', terms.coloRewardShareBps);
  const y = checkBps('rentReductionBps', terms.rentReductionBps);
  const reductionMicroUsd = divRoundHalfEven(fullRentMicroUsd * y, BPS_PER_WHOLE_N);
  return { rentMicroUsd: fullRentMicroUsd - reductionMicroUsd, reductionMicroUsd };
}

/**
 * The reward share x at which the colo is indifferent: x · expected rewards = y · rent, in basis
 * points rounded half-to-even (the colo gains from a share above it when rewards meet expectations).
 */
export function breakEvenRewardShareBps(expectedRewardsMicroUsd: bigint, fullRentMicroUsd: bigint, rentReductionBps: number): number {
  checkNonNegativeBigint('fullRentMicroUsd', fullRentMicroUsd);
  const y = checkBps('rentReductionBps', rentReductionBps);
  if (typeof expectedRewardsMicroUsd !== 'bigint' || expectedRewardsMicroUsd <= 0n) {
    throw new RangeError(`expectedRewardsMicroUsd must be a bigint > 0n, got ${shown(expectedRewardsMicroUsd)}`);
  }
  return Number(divRoundHalfEven(fullRentMicroUsd * y, expectedRewardsMicroUsd));
}
