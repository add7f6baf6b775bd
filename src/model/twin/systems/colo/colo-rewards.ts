// The fleet's mining rewards through the colo's contracts: each slot's earnings wait (reward-claims.ts)
// until the pools pay them into the fleet's miner accounts, then split colo share → the wholesale
// operator's unsold hashrate → the tier between wholesale and the retail managers who held hashrate.
import type { Ledger } from '../../../ledger/index.js';
import { distributeReward, type RewardDistribution, type RewardTier } from '../../../pricing/index.js';
import { satToMicroUsd, SAT_UNIT } from '../../../units.js';
import type { GroupRuntime } from '../../group-runtime.js';
import { minerAccount } from '../../pool-runtime.js';
import { OPERATOR_ACCOUNT } from '../../site-runtime.js';
import { COLO_ACCOUNT, retailAccount } from './colo-billing.js';
import { RewardClaims } from './reward-claims.js';

/** The contracts in force during one slot. */
export interface SlotRewardRules {
  readonly slot: number;
  readonly tier: RewardTier;
  /** Hashrate each tenant held from the wholesale operator (GH/s), in tenant order. */
  readonly heldGHs: readonly bigint[];
  /** The wholesale operator's hashrate that nobody held. */
  readonly unsoldGHs: bigint;
  readonly priceMicroUsdPerBtc: bigint;
}

export interface SettledReward {
  readonly rules: SlotRewardRules;
  readonly distribution: RewardDistribution;
}

/** Sat and their value at the coin price of the slot they were earned in. */
export interface Amount {
  sat: bigint;
  microUsd: bigint;
}

const zero = (): Amount => ({ sat: 0n, microUsd: 0n });

function addTo(amount: Amount, sat: bigint, priceMicroUsdPerBtc: bigint): void {
  amount.sat += sat;
  amount.microUsd += satToMicroUsd(sat, priceMicroUsdPerBtc);
}

export class ColoRewards {
  readonly colo = zero();
  /** Rewards of hashrate the wholesale operator sold to nobody. */
  readonly wholesaleOwn = zero();
  /** The wholesale operator's tier share of resold hashrate. */
  readonly wholesaleFee = zero();
  readonly retail: Amount[];
  readonly sat = { earned: 0n, distributed: 0n };
  private readonly groups: readonly GroupRuntime[];
  private readonly tenantIds: readonly string[];
  private readonly coloRewardShareBps: number;
  private readonly claims = new Map<string, RewardClaims<SlotRewardRules>>();
  private readonly lastCreditedSat = new Map<string, bigint>();

  constructor(groups: readonly GroupRuntime[], tenantIds: readonly string[], coloRewardShareBps: number) {
    this.groups = groups;
    this.tenantIds = tenantIds;
    this.coloRewardShareBps = coloRewardShareBps;
    this.retail = tenantIds.map(zero);
    for (const g of groups) {
      this.claims.set(g.config.id, new RewardClaims());
      this.lastCreditedSat.set(g.config.id, 0n);
    }
  }

  /** What each group's pool credited it since the last call was earned under these rules. */
  recordEarnings(rules: SlotRewardRules): void {
    for (const g of this.groups) {
      const credited = g.pool.creditedSat.get(g.config.id) ?? 0n;
      const earned = credited - this.lastCreditedSat.get(g.config.id)!;
      this.lastCreditedSat.set(g.config.id, credited);
      this.claims.get(g.config.id)!.add(earned, rules);
      this.sat.earned += earned;
    }
  }

  /** Earned sat not yet paid by the pools (and so not yet split). */
  get undistributedSat(): bigint {
    let sum = 0n;
    for (const claims of this.claims.values()) sum += claims.pendingSat;
    return sum;
  }

  /** Splits whatever the pools have paid into the miner accounts, claim by claim. */
  settle(ledger: Ledger, atUs: number): SettledReward[] {
    const settled: SettledReward[] = [];
    for (const g of this.groups) {
      const claims = this.claims.get(g.config.id)!;
      // Only the pools pay into a miner account, and never more than they credited; the bound is a guard.
      const cash = ledger.balance(minerAccount(g.config.id), SAT_UNIT);
      const available = cash > 0n ? cash : 0n;
      const taken = claims.take(available < claims.pendingSat ? available : claims.pendingSat);
      for (const { amountSat, rules } of taken) {
        const distribution = distributeReward({
          ledger, atUs, rewardSat: amountSat, fromAccount: minerAccount(g.config.id),
          coloAccount: COLO_ACCOUNT, coloRewardShareBps: this.coloRewardShareBps, tier: rules.tier,
          wholesaleAccount: OPERATOR_ACCOUNT, wholesaleOwnWeight: rules.unsoldGHs,
          retail: this.tenantIds.map((id, i) => ({ account: retailAccount(id), weight: rules.heldGHs[i]! })),
        });
        const price = rules.priceMicroUsdPerBtc;
        addTo(this.colo, distribution.coloSat, price);
        addTo(this.wholesaleOwn, distribution.wholesaleOwnSat, price);
        addTo(this.wholesaleFee, distribution.wholesaleSat - distribution.wholesaleOwnSat, price);
        distribution.retailSat.forEach((sat, i) => addTo(this.retail[i]!, sat, price));
        this.sat.distributed += amountSat;
        settled.push({ rules, distribution });
      }
    }
    return settled;
  }
}
