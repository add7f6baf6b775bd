// PROP (Rosenfeld 2011 §2.1): each block's reward, minus the pool fee, is split among the shares
// of the round that found it in proportion to their difficulty; then a new round starts.
import { RATIO_ZERO, ratioAdd, ratioFromNumber, type Ratio } from '../ledger/ratio.js';
import { splitByWeights } from '../ledger/split.js';
import { EMPTY_SETTLEMENT, SettlementTally, splitPoolFee } from './settlement.js';
import type { FoundBlock, Payout, PayoutScheme, PoolContext, SchemeTotals, Settlement, Share } from './types.js';
import { integerWeights } from './weights.js';
import { checkBlock, checkContext, checkFeeBps, checkShare } from './validate.js';

export interface PropOptions {
  readonly feeBps: number;
}

export class PropScheme implements PayoutScheme {
  readonly name = 'PROP' as const;
  readonly feeBps: number;
  private readonly tally = new SettlementTally();
  /** Σ d per miner in the current round, exact; Map order = first share in the round. */
  private round = new Map<string, Ratio>();

  constructor(options: PropOptions) {
    checkFeeBps(options.feeBps);
    this.feeBps = options.feeBps;
  }

  /** Difficulty-weighted shares of the current round, per miner (a copy). */
  roundScores(): Map<string, Ratio> {
    return new Map(this.round);
  }

  onShare(share: Share, ctx: PoolContext): Settlement {
    checkShare(share);
    checkContext(ctx);
    this.round.set(share.minerId, ratioAdd(this.round.get(share.minerId) ?? RATIO_ZERO, ratioFromNumber(share.difficulty)));
    return this.tally.record('share', EMPTY_SETTLEMENT);
  }

  /** Splits the block over the round (largest remainder); an empty round leaves it with the pool. */
  onBlock(block: FoundBlock, ctx: PoolContext): Settlement {
    checkBlock(block);
    checkContext(ctx);
    const { feeSat, minersSat } = splitPoolFee(block.rewardSat, this.feeBps);
    const payouts: Payout[] = [];
    let retainedSat = minersSat;
    if (this.round.size > 0) {
      const miners = [...this.round.keys()];
      const parts = splitByWeights(minersSat, integerWeights([...this.round.values()]));
      parts.forEach((amountSat, i) => {
        if (amountSat > 0n) payouts.push({ minerId: miners[i]!, amountSat, reason: 'prop:block' });
      });
      retainedSat = 0n;
    }
    this.round = new Map();
    return this.tally.record('block', { inflowSat: block.rewardSat, payouts, poolFeeSat: feeSat, retainedSat });
  }

  totals(): SchemeTotals {
    return this.tally.totals();
  }
}

export function createProp(options: PropOptions): PropScheme {
  return new PropScheme(options);
}
