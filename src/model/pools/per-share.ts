// Pay-per-share core shared by PPS and FPPS (Rosenfeld 2011 §2.2): each share is worth
// (1 − f)·B·d/D the moment it is accepted; the operator keeps the blocks and carries the variance.
import { bitLength, shown } from '../ledger/exact.js';
import { RATIO_ZERO, ratioAdd, ratioFloor, ratioFromNumber, ratioReduce, type Ratio } from '../ledger/ratio.js';
import { BASIS_POINTS_PER_WHOLE } from '../ledger/split.js';
import { SettlementTally } from './settlement.js';
import type { FoundBlock, Payout, PayoutScheme, PoolContext, SchemeTotals, Settlement, Share } from './types.js';
import { checkBlock, checkContext, checkFeeBps, checkShare } from './validate.js';

const WHOLE = BigInt(BASIS_POINTS_PER_WHOLE);
/** Above this many denominator bits the carried fraction is reduced, then if need be folded. */
export const PPS_MAX_EXACT_DEN_BITS = 256;
/** A folded fraction is rounded down to a multiple of 2^-128 sat. */
const FOLD_BITS = 128n;

/**
 * Keeps a carried fraction's denominator bounded: reduced by gcd, and if still above
 * PPS_MAX_EXACT_DEN_BITS (only after several changes of D), rounded down to 2^-128 sat.
 */
function boundFraction(r: Ratio): Ratio {
  if (bitLength(r.den) <= PPS_MAX_EXACT_DEN_BITS) return r;
  const reduced = ratioReduce(r);
  if (bitLength(reduced.den) <= PPS_MAX_EXACT_DEN_BITS) return reduced;
  return { num: (reduced.num << FOLD_BITS) / reduced.den, den: 1n << FOLD_BITS };
}

export interface PerShareOptions {
  /** Pool fee in basis points (250 = 2.5 %). */
  readonly feeBps: number;
  /** Operator's reserve before the first share (default 0n). */
  readonly startingReserveSat?: bigint;
}

/**
 * Rounding rule: each share's value is an exact rational (d and D are read as their exact binary
 * values); per miner, the unpaid fraction of a satoshi carries to the next share, so a miner's
 * payouts total ⌊Σ exact share values⌋ — no drift, never more than owed. Each change of D adds
 * D's mantissa (~50 bits) to the carried fraction's denominator; past 256 bits the fraction is
 * reduced and, if still too long, rounded down to a multiple of 2^-128 sat. So after many
 * retargets a miner may be owed up to (folds · 2^-128) sat more than paid — never overpaid.
 */
export class PerShareScheme implements PayoutScheme {
  readonly name: 'PPS' | 'FPPS';
  readonly feeBps: number;
  private readonly blockValueSat: (ctx: PoolContext) => bigint;
  private readonly tally = new SettlementTally();
  private readonly unpaid = new Map<string, Ratio>();
  private reserve: bigint;
  private lowestReserve: bigint;

  constructor(name: 'PPS' | 'FPPS', options: PerShareOptions, blockValueSat: (ctx: PoolContext) => bigint) {
    checkFeeBps(options.feeBps);
    const start = options.startingReserveSat ?? 0n;
    if (typeof start !== 'bigint') throw new RangeError(`startingReserveSat must be a bigint, got ${shown(start)}`);
    this.name = name;
    this.feeBps = options.feeBps;
    this.blockValueSat = blockValueSat;
    this.reserve = start;
    this.lowestReserve = start;
  }

  /** The operator's reserve: start + blocks kept − shares paid. Negative means ruin. */
  get reserveSat(): bigint {
    return this.reserve;
  }

  /** The lowest the reserve has been (after any event), starting reserve included. */
  get lowestReserveSat(): bigint {
    return this.lowestReserve;
  }

  /** A miner's earned-but-unpaid fraction of a satoshi, in [0, 1). */
  unpaidFractionSat(minerId: string): Ratio {
    return this.unpaid.get(minerId) ?? RATIO_ZERO;
  }

  /** B·(1 − f)·d/D for one share, exactly. */
  shareValueSat(share: Share, ctx: PoolContext): Ratio {
    const blockValue = this.blockValueSat(ctx);
    const d = ratioFromNumber(share.difficulty);
    const D = ratioFromNumber(ctx.networkDifficulty);
    return { num: (WHOLE - BigInt(this.feeBps)) * blockValue * d.num * D.den, den: WHOLE * d.den * D.num };
  }

  onShare(share: Share, ctx: PoolContext): Settlement {
    checkShare(share);
    checkContext(ctx);
    const owed = ratioAdd(this.unpaidFractionSat(share.minerId), this.shareValueSat(share, ctx));
    const amountSat = ratioFloor(owed);
    const rest = owed.num - amountSat * owed.den;
    this.unpaid.set(share.minerId, rest === 0n ? RATIO_ZERO : boundFraction({ num: rest, den: owed.den }));
    const payouts: Payout[] = amountSat > 0n ? [{ minerId: share.minerId, amountSat, reason: `${this.name.toLowerCase()}:share` }] : [];
    return this.settle('share', { inflowSat: 0n, payouts, poolFeeSat: 0n, retainedSat: -amountSat });
  }

  /** The operator keeps the whole block (subsidy and actual fees) in the reserve. */
  onBlock(block: FoundBlock, ctx: PoolContext): Settlement {
    checkBlock(block);
    checkContext(ctx);
    return this.settle('block', { inflowSat: block.rewardSat, payouts: [], poolFeeSat: 0n, retainedSat: block.rewardSat });
  }

  totals(): SchemeTotals {
    return this.tally.totals();
  }

  private settle(kind: 'share' | 'block', settlement: Settlement): Settlement {
    this.reserve += settlement.retainedSat;
    if (this.reserve < this.lowestReserve) this.lowestReserve = this.reserve;
    return this.tally.record(kind, settlement);
  }
}
