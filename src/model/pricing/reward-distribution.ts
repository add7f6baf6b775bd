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
  /** E.g. the hashrate it resold; ≥ 0n, and the weights must not all be zero. */
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
  readonly reason?: string;
}

export interface RewardDistribution {
  readonly coloSat: bigint;
  readonly wholesaleSat: bigint;
  /** One per retail manager, in input order. */
  readonly retailSat: readonly bigint[];
  readonly entries: readonly LedgerEntry[];
}

/**
 * Three conserving splits: reward → [colo, rest] by x; rest → [wholesale, retail] by the tier;
 * retail → managers by weight. A part of 0 sat, or one whose recipient is fromAccount itself, is
 * not booked (no zero or self transfers); the parts always sum to rewardSat.
 */
export function distributeReward(input: RewardDistributionInput): RewardDistribution {
  checkAtUs('atUs', input.atUs);
  checkNonNegativeBigint('rewardSat', input.rewardSat);
  checkName('fromAccount', input.fromAccount);
  checkName('coloAccount', input.coloAccount);
  checkName('wholesaleAccount', input.wholesaleAccount);
  const x = Number(checkBps('coloRewardShareBps', input.coloRewardShareBps));
  checkBps('tier.wholesaleBps', input.tier.wholesaleBps);
  if (input.retail.length === 0) throw new RangeError('retail must list at least one pool manager, got []');
  input.retail.forEach((m, i) => checkName(`retail[${i}].account`, m.account));

  const [coloSat, restSat] = splitByBasisPoints(input.rewardSat, [x, BPS_PER_WHOLE - x]) as [bigint, bigint];
  const [wholesaleSat, retailTotalSat] = splitByBasisPoints(restSat, [input.tier.wholesaleBps, retailBps(input.tier)]) as [bigint, bigint];
  const retailSat = splitByWeights(retailTotalSat, input.retail.map((m) => m.weight));

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
  return { coloSat, wholesaleSat, retailSat, entries };
}
