// The one interface every payout scheme implements (Rosenfeld 2011 §2, domain-facts §2.6): shares
// and found blocks in, the money flows they cause out, so one property suite covers every scheme.

export type SchemeName = 'PPS' | 'FPPS' | 'PROP' | 'PPLNS' | 'SOLO';

/** An accepted share, scored by its pre-assigned difficulty d (may aggregate several shares). */
export interface Share {
  readonly minerId: string;
  readonly difficulty: number;
  readonly atUs: number;
}

/** A block found by the pool. Pass the solving share to onShare before the block to onBlock. */
export interface FoundBlock {
  readonly finderMinerId: string;
  readonly atUs: number;
  /** Subsidy + fees, satoshi. */
  readonly rewardSat: bigint;
  /** The fee part of rewardSat, satoshi. */
  readonly feesSat: bigint;
}

/** Network state when the event happens. */
export interface PoolContext {
  /** Network difficulty D. */
  readonly networkDifficulty: number;
  /** Block subsidy at the current height (getBlockSubsidy); B for PPS. */
  readonly subsidySat: bigint;
  /** FPPS only: overrides the scheme's expectedFeesSat (e.g. a rolling 144-block mean). */
  readonly expectedFeesSat?: bigint;
}

export interface Payout {
  readonly minerId: string;
  readonly amountSat: bigint;
  readonly reason: string;
}

/**
 * Money flows caused by one event, in satoshi. Always
 *   inflowSat = Σ payouts + poolFeeSat + retainedSat
 * where inflowSat is the block reward for onBlock and 0n for onShare.
 */
export interface Settlement {
  /** Into the pool wallet: block.rewardSat on onBlock, 0n on onShare. */
  readonly inflowSat: bigint;
  /** Out of the pool wallet to miners; only amounts > 0n, deterministic order. */
  readonly payouts: readonly Payout[];
  /** The operator's explicit fee cut (PROP, PPLNS, SOLO); 0n for PPS/FPPS, whose fee is priced into each share. */
  readonly poolFeeSat: bigint;
  /**
   * Left in (> 0n) or drawn from (< 0n) the pool wallet: PPS/FPPS block rewards (+) and share
   * payouts (−) — the operator's reserve; PPLNS's unfilled-window remainder (+); PROP's reward for
   * a block with an empty round (+).
   */
  readonly retainedSat: bigint;
}

export interface SchemeTotals {
  readonly shares: number;
  readonly blocks: number;
  readonly inflowSat: bigint;
  readonly paidSat: bigint;
  readonly poolFeeSat: bigint;
  readonly retainedSat: bigint;
}

export interface PayoutScheme {
  readonly name: SchemeName;
  readonly feeBps: number;
  onShare(share: Share, ctx: PoolContext): Settlement;
  onBlock(block: FoundBlock, ctx: PoolContext): Settlement;
  /** Running sums of every settlement returned so far. */
  totals(): SchemeTotals;
}
