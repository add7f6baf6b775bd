// Distributing one reward (satoshi) through the ledger: the colo partner's share off the top, the
// rest between wholesale and retail by the demand tier, retail among pool managers by weight —
// each split largest-remainder (ledger/split.ts), so every satoshi is accounted for.
import type { Ledger, LedgerEntry } from '../ledger/ledger.js';
import { splitByBasisPoints, splitByWeights } from '../ledger/split.js';
import { SAT_UNIT } from '../units.js';
import { BPS_PER_WHOLE, checkAtUs, checkBps, checkName, checkNonNegativeBigint } from './_check.js';
import { retailBps, type RewardTier } from './reward-tiers.js';

export interface RetailManager {
  readonly account: string;
  /** E.g. the hashrate it bought; ≥ 0n, and the weights must not all be zero unless wholesaleOwnWeight is given. */
  readonly weight: bigint;
}

export interface RewardDistributionInput {
  readonly ledger: Ledger;
  readonly atUs: number;
  readonly rewardSat: bigint;
  /** The account holding the reward (e.g. the wholesale pool's wallet). */
  readonly fromAccount: string;
  readonly coloAccount: string;
  /** x of ColoRewardShareTerms (0 when the colo takes plain rent). */
  readonly coloRewardShareBps: number;
  readonly tier: RewardTier;
  readonly wholesaleAccount: string;
  readonly retail: readonly RetailManager[];
  /**
   * The wholesale operator's hashrate that was not resold, in the retail weights' unit. When given,
   * the rest is first split [not resold, resold] by [this, Σ retail weights]: the operator keeps the
   * whole reward of hashrate it sold to nobody, and only the resold part goes through the tier.
   */
  readonly wholesaleOwnWeight?: bigint;
  readonly reason?: string;
}

export interface RewardDistribution {
  readonly coloSat: bigint;
  /** Everything the wholesale operator gets: wholesaleOwnSat + its tier share of the resold part. */
  readonly wholesaleSat: bigint;
  /** The reward of hashrate not resold (0n without wholesaleOwnWeight). */
  readonly wholesaleOwnSat: bigint;
  /** One per retail manager, in input order. */
  readonly retailSat: readonly bigint[];
  readonly entries: readonly LedgerEntry[];
}

/**
 * Conserving splits: reward → [colo, rest] by x; with wholesaleOwnWeight, rest → [own, resold] by
 * weight; resold (or the whole rest) → [wholesale, retail] by the tier; retail → managers by weight.
 * The operator's two parts are booked as one transfer. A part of 0 sat, or one whose recipient is
 * fromAccount itself, is not booked (no zero or self transfers); the parts always sum to rewardSat.
 */
export function distributeReward(input: RewardDistributionInput): RewardDistribution {
  checkAtUs('atUs', input.atUs);
  checkNonNegativeBigint('rewardSat', input.rewardSat);
  checkName('fromAccount', input.fromAccount);
  checkName('coloAccount', input.coloAccount);
  checkName('wholesaleAccount', input.wholesaleAccount);
  const x = Number(checkBps('coloRewardShareBps', input.coloRewardShareBps));
  checkBps('tier.wholesaleBps', input.tier.wholesaleBps);
  const own = input.wholesaleOwnWeight;
  if (own !== undefined) checkNonNegativeBigint('wholesaleOwnWeight', own);
  if (input.retail.length === 0 && own === undefined) throw new RangeError('retail must list at least one pool manager, got []');
  input.retail.forEach((m, i) => {
    checkName(`retail[${i}].account`, m.account);
    checkNonNegativeBigint(`retail[${i}].weight`, m.weight);
  });
  const resoldWeight = input.retail.reduce((sum, m) => sum + m.weight, 0n);
  if (own !== undefined && own + resoldWeight === 0n) throw new RangeError('wholesaleOwnWeight and the retail weights must not all be 0n, got 0n');

  const [coloSat, restSat] = splitByBasisPoints(input.rewardSat, [x, BPS_PER_WHOLE - x]) as [bigint, bigint];
  const [wholesaleOwnSat, resoldSat] = own === undefined ? [0n, restSat] : (splitByWeights(restSat, [own, resoldWeight]) as [bigint, bigint]);
  const [feeSat, retailTotalSat] = splitByBasisPoints(resoldSat, [input.tier.wholesaleBps, retailBps(input.tier)]) as [bigint, bigint];
  // Nothing resold: no retail weights to split over (they may all be zero).
  const retailSat = retailTotalSat === 0n ? input.retail.map(() => 0n) : splitByWeights(retailTotalSat, input.retail.map((m) => m.weight));
  const wholesaleSat = wholesaleOwnSat + feeSat;

  const reason = input.reason ?? 'reward-share';
  const entries: LedgerEntry[] = [];
  const pay = (to: string, amount: bigint, what: string): void => {
    if (amount > 0n && to !== input.fromAccount) {
      entries.push(input.ledger.transfer({ atUs: input.atUs, from: input.fromAccount, to, amount, unit: SAT_UNIT, reason: `${reason}:${what}` }));
    }
  };
  pay(input.coloAccount, coloSat, 'colo');
  pay(input.wholesaleAccount, wholesaleSat, `wholesale:${input.tier.name}`);
  input.retail.forEach((m, i) => pay(m.account, retailSat[i]!, `retail:${input.tier.name}`));
  return { coloSat, wholesaleSat, wholesaleOwnSat, retailSat, entries };
}
