// Building settlements and keeping a scheme's running totals; the pool-fee cut of a block reward.
import { splitByBasisPoints, BASIS_POINTS_PER_WHOLE } from '../ledger/split.js';
import type { Payout, SchemeTotals, Settlement } from './types.js';

export const EMPTY_SETTLEMENT: Settlement = Object.freeze({ inflowSat: 0n, payouts: Object.freeze([]) as readonly Payout[], poolFeeSat: 0n, retainedSat: 0n });

/**
 * Splits a block reward into the pool fee and the miners' part by largest remainder over
 * [feeBps, 10000 − feeBps]: fee ≈ reward·f to within one satoshi and fee + rest = reward exactly.
 */
export function splitPoolFee(rewardSat: bigint, feeBps: number): { feeSat: bigint; minersSat: bigint } {
  const [feeSat, minersSat] = splitByBasisPoints(rewardSat, [feeBps, BASIS_POINTS_PER_WHOLE - feeBps]) as [bigint, bigint];
  return { feeSat, minersSat };
}

export class SettlementTally {
  private shares = 0;
  private blocks = 0;
  private inflowSat = 0n;
  private paidSat = 0n;
  private poolFeeSat = 0n;
  private retainedSat = 0n;

  /** Adds a settlement to the totals and returns it, frozen. */
  record(kind: 'share' | 'block', settlement: Settlement): Settlement {
    if (kind === 'share') this.shares += 1;
    else this.blocks += 1;
    this.inflowSat += settlement.inflowSat;
    for (const p of settlement.payouts) this.paidSat += p.amountSat;
    this.poolFeeSat += settlement.poolFeeSat;
    this.retainedSat += settlement.retainedSat;
    return Object.freeze(settlement);
  }

  totals(): SchemeTotals {
    return { shares: this.shares, blocks: this.blocks, inflowSat: this.inflowSat, paidSat: this.paidSat, poolFeeSat: this.poolFeeSat, retainedSat: this.retainedSat };
  }
}
