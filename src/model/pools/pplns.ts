// PPLNS as in Miningcore src/Miningcore/Payments/PaymentSchemes/PPLNSPaymentScheme.cs (domain-facts
// §2.6; Rosenfeld 2011 §5): each block pays the last X = windowFactor network-difficulty's worth of
// shares, score_i = d_i / D_i, reward_i = score_i · B(1 − f) / X, the oldest share counted partly.
import { shown } from '../ledger/exact.js';
import { ratioFromNumber } from '../ledger/ratio.js';
import { splitByWeights } from '../ledger/split.js';
import { RingDeque } from './ring-deque.js';
import { EMPTY_SETTLEMENT, SettlementTally, splitPoolFee } from './settlement.js';
import type { FoundBlock, Payout, PayoutScheme, PoolContext, SchemeTotals, Settlement, Share } from './types.js';
import { checkBlock, checkContext, checkFeeBps, checkShare } from './validate.js';

/** Miningcore's default `factor`; ckpool uses 5. */
export const DEFAULT_PPLNS_WINDOW_FACTOR = 2;

/** Scores are fixed-point: 2^128 units = one share of difficulty D (score 1). */
export const PPLNS_SCORE_FRACTION_BITS = 128;
const SCORE_SHIFT = BigInt(PPLNS_SCORE_FRACTION_BITS);

export interface PplnsOptions {
  readonly feeBps: number;
  /** X: window size in multiples of the network difficulty, N = X·D difficulty-1 shares (default 2). */
  readonly windowFactor?: number;
}

interface WindowEntry {
  readonly minerId: string;
  /** ⌊d/D · 2^128⌋ with D at submission. */
  readonly score: bigint;
}

/** ⌊x · 2^128⌋ for x = a/b given as doubles, computed from their exact binary values. */
function fixedPointRatio(a: number, b: number): bigint {
  const ra = ratioFromNumber(a);
  const rb = ratioFromNumber(b);
  return ((ra.num * rb.den) << SCORE_SHIFT) / (ra.den * rb.num);
}

/**
 * Young pool: while the shares ever submitted score less than X, a block pays each share what it
 * would get from a full window (score·B(1 − f)/X) and the unfilled part, B(1 − f)·(1 − Σscore/X),
 * stays with the pool as retainedSat — Miningcore's behaviour (its blockRewardRemaining).
 * Scores use D at submission (Miningcore's share.NetworkDifficulty), so a retarget does not reprice
 * shares already in the window.
 *
 * Scores are fixed-point, rounded down once when the share arrives: exact when d/D is a dyadic
 * fraction, otherwise short by < 2^-128 of a D-share (≈ 3e-39 of a block reward) — far below a
 * satoshi. Exact rationals would carry every past D's mantissa in their denominators and grow with
 * each retarget a young window spans; fixed point keeps every operation on ~130-bit integers.
 * The block split itself is exact (largest remainder): payouts + fee + retained = reward.
 */
export class PplnsScheme implements PayoutScheme {
  readonly name = 'PPLNS' as const;
  readonly feeBps: number;
  readonly windowFactor: number;
  private readonly windowScore: bigint;
  private readonly tally = new SettlementTally();
  private readonly shareWindow = new RingDeque<WindowEntry>();
  private windowSum = 0n;
  /** Per miner: Σ score and count of its shares in the window, so a block costs O(miners), not O(shares). */
  private readonly minerTotals = new Map<string, { score: bigint; shares: number }>();

  constructor(options: PplnsOptions) {
    checkFeeBps(options.feeBps);
    const factor = options.windowFactor ?? DEFAULT_PPLNS_WINDOW_FACTOR;
    if (!Number.isFinite(factor) || factor <= 0) throw new RangeError(`windowFactor must be a finite number > 0, got ${shown(factor)}`);
    this.feeBps = options.feeBps;
    this.windowFactor = factor;
    this.windowScore = fixedPointRatio(factor, 1);
    if (this.windowScore === 0n) throw new RangeError(`windowFactor must be ≥ 2^-128, got ${shown(factor)}`);
  }

  /** Shares held: those still reachable by the next block's walk. */
  get windowLength(): number {
    return this.shareWindow.length;
  }

  /** Σ score of the held shares over X, capped at 1 (< 1 while the pool is young). */
  windowFill(): number {
    return this.windowSum >= this.windowScore ? 1 : Number((this.windowSum << 53n) / this.windowScore) / 2 ** 53;
  }

  onShare(share: Share, ctx: PoolContext): Settlement {
    checkShare(share);
    checkContext(ctx);
    const score = fixedPointRatio(share.difficulty, ctx.networkDifficulty);
    this.shareWindow.push({ minerId: share.minerId, score });
    this.windowSum += score;
    const totals = this.minerTotals.get(share.minerId);
    if (totals === undefined) this.minerTotals.set(share.minerId, { score, shares: 1 });
    else {
      totals.score += score;
      totals.shares += 1;
    }
    // Drop the oldest share while the newer ones alone reach X: no future block can reach it.
    for (let oldest = this.shareWindow.oldest()!; this.shareWindow.length > 1 && this.windowSum - oldest.score >= this.windowScore; oldest = this.shareWindow.oldest()!) {
      this.shareWindow.shift();
      this.windowSum -= oldest.score;
      const t = this.minerTotals.get(oldest.minerId)!;
      t.score -= oldest.score;
      t.shares -= 1;
      if (t.shares === 0) this.minerTotals.delete(oldest.minerId);
    }
    return this.tally.record('share', EMPTY_SETTLEMENT);
  }

  onBlock(block: FoundBlock, ctx: PoolContext): Settlement {
    checkBlock(block);
    checkContext(ctx);
    const { feeSat, minersSat } = splitPoolFee(block.rewardSat, this.feeBps);

    // Walking newest → oldest until the scores reach X counts every held share in full except the
    // oldest, which crosses X (pruning keeps the newer ones below X) and counts for the rest only.
    const perMiner = new Map<string, bigint>();
    for (const [minerId, t] of this.minerTotals) perMiner.set(minerId, t.score);
    let accumulated = this.windowSum;
    const oldest = this.shareWindow.oldest();
    if (oldest !== undefined && accumulated > this.windowScore) {
      const excess = accumulated - this.windowScore;
      perMiner.set(oldest.minerId, perMiner.get(oldest.minerId)! - excess);
      accumulated = this.windowScore;
    }

    // One split over the miners plus the unfilled part: exactly B(1 − f), each within a satoshi of exact.
    const miners = [...perMiner.keys()];
    const parts = splitByWeights(minersSat, [...perMiner.values(), this.windowScore - accumulated]);
    const payouts: Payout[] = [];
    miners.forEach((minerId, i) => {
      if (parts[i]! > 0n) payouts.push({ minerId, amountSat: parts[i]!, reason: 'pplns:block' });
    });
    return this.tally.record('block', { inflowSat: block.rewardSat, payouts, poolFeeSat: feeSat, retainedSat: parts[miners.length]! });
  }

  totals(): SchemeTotals {
    return this.tally.totals();
  }
}

export function createPplns(options: PplnsOptions): PplnsScheme {
  return new PplnsScheme(options);
}
