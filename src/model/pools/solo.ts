// SOLO (Rosenfeld 2011 §1.2; public-pool): the miner whose share solved the block takes the
// reward minus the pool fee; shares earn nothing by themselves.
import { EMPTY_SETTLEMENT, SettlementTally, splitPoolFee } from './settlement.js';
import type { FoundBlock, PayoutScheme, PoolContext, SchemeTotals, Settlement, Share } from './types.js';
import { checkBlock, checkContext, checkFeeBps, checkShare } from './validate.js';

export interface SoloOptions {
  readonly feeBps: number;
}

export class SoloScheme implements PayoutScheme {
  readonly name = 'SOLO' as const;
  readonly feeBps: number;
  private readonly tally = new SettlementTally();

  constructor(options: SoloOptions) {
    checkFeeBps(options.feeBps);
    this.feeBps = options.feeBps;
  }

  onShare(share: Share, ctx: PoolContext): Settlement {
    checkShare(share);
    checkContext(ctx);
    return this.tally.record('share', EMPTY_SETTLEMENT);
  }

  onBlock(block: FoundBlock, ctx: PoolContext): Settlement {
    checkBlock(block);
    checkContext(ctx);
    const { feeSat, minersSat } = splitPoolFee(block.rewardSat, this.feeBps);
    const payouts = minersSat > 0n ? [{ minerId: block.finderMinerId, amountSat: minersSat, reason: 'solo:block' }] : [];
    return this.tally.record('block', { inflowSat: block.rewardSat, payouts, poolFeeSat: feeSat, retainedSat: 0n });
  }

  totals(): SchemeTotals {
    return this.tally.totals();
  }
}

export function createSolo(options: SoloOptions): SoloScheme {
  return new SoloScheme(options);
}
