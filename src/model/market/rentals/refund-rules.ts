// What a customer gets back when a rental under-delivers. Default: Virtual Mining's rule — refund
// the price of the hashrate not delivered when the achieved average is ≥ 8 % below what was sold
// (domain-facts §1.1, virtualmining.com/Help/Content/en/RefundPolicy). Alternative: SLA credits by
// availability tiers, shaped like the AWS Compute SLA (aws.amazon.com/compute/sla/historical).
import { divRoundHalfEven } from '../../ledger/exact.js';
import { BPS_PER_WHOLE, BPS_PER_WHOLE_N, checkBps, checkNonNegativeBigint, checkPositive, checkPositiveUs, checkUs, shown } from '../_check.js';
import { shortfallRatio } from './delivery.js';

export interface RefundInput {
  /** What the customer pays for this accounting window (the whole period by default). */
  readonly priceMicroUsd: bigint;
  readonly soldHs: number;
  readonly durationUs: number;
  /** 2^32·Σd of the accepted shares credited to the rental in the window. */
  readonly deliveredHashes: number;
  /** Time the scheduler saw the rental impaired (rental-scheduler.ts defines it). */
  readonly downtimeUs: number;
}

export interface RefundRule {
  readonly name: string;
  /** One sentence a customer could read. */
  readonly description: string;
  /** 0n ≤ refund ≤ priceMicroUsd. */
  refundMicroUsd(input: RefundInput): bigint;
}

/** Virtual Mining refunds automatically at an average ≥ 8 % under the advertised hashrate (§1.1). */
export const DEFAULT_REFUND_THRESHOLD_BPS = 800;

function checkInput(input: RefundInput): void {
  checkNonNegativeBigint('priceMicroUsd', input.priceMicroUsd);
  checkPositive('soldHs', input.soldHs);
  checkPositiveUs('durationUs', input.durationUs);
  checkUs('downtimeUs', input.downtimeUs);
}

/**
 * Refund = price · (sold − delivered) / sold, half-to-even, when (sold − delivered) / sold ≥
 * thresholdBps / 10 000 (inclusive, as Virtual Mining words it: "≥ 8 % below"); else 0n.
 * Delivered above sold counts as sold (no surcharge).
 */
export function shortfallRefundRule(thresholdBps: number = DEFAULT_REFUND_THRESHOLD_BPS): RefundRule {
  checkBps('thresholdBps', thresholdBps);
  const threshold = BigInt(thresholdBps);
  return {
    name: 'shortfall-refund',
    description: `refund the price of the undelivered hashrate when the average falls ≥ ${thresholdBps / 100} % short`,
    refundMicroUsd(input: RefundInput): bigint {
      checkInput(input);
      const shortfall = shortfallRatio(input.soldHs, input.durationUs, input.deliveredHashes);
      if (shortfall.num === 0n || shortfall.num * BPS_PER_WHOLE_N < threshold * shortfall.den) return 0n;
      return divRoundHalfEven(input.priceMicroUsd * shortfall.num, shortfall.den);
    },
  };
}

export interface SlaCreditTier {
  /** The tier applies when availability < belowBps / 10 000. */
  readonly belowBps: number;
  /** Credit as a share of the window's price. */
  readonly creditBps: number;
}

/**
 * AWS Compute SLA (region level, version of 2022-05-05): availability < 99.99 % → 10 %, < 99.0 % →
 * 30 %, < 95.0 % → 100 % of the charges [O] aws.amazon.com/compute/sla/historical.
 */
export const DEFAULT_SLA_CREDIT_TIERS: readonly SlaCreditTier[] = Object.freeze([
  { belowBps: 9_999, creditBps: 1_000 },
  { belowBps: 9_900, creditBps: 3_000 },
  { belowBps: 9_500, creditBps: 10_000 },
]);

/**
 * Credit = price · creditBps of the highest-credit tier whose threshold the availability
 * (1 − downtime / duration, compared exactly) falls under; half-to-even. Judges downtime, not
 * delivery: a silently degraded rig the monitor never flags earns no credit under this rule.
 */
export function slaCreditRule(tiers: readonly SlaCreditTier[] = DEFAULT_SLA_CREDIT_TIERS): RefundRule {
  if (!Array.isArray(tiers) || tiers.length === 0) throw new RangeError(`tiers must be a non-empty array, got ${shown(tiers)}`);
  tiers.forEach((t, i) => {
    checkBps(`tiers[${i}].belowBps`, t.belowBps);
    checkBps(`tiers[${i}].creditBps`, t.creditBps);
  });
  const frozen = tiers.map((t) => ({ ...t }));
  return {
    name: 'sla-credit',
    description: `credit a share of the price by availability tier (${frozen.map((t) => `< ${t.belowBps / 100} % → ${t.creditBps / 100} %`).join(', ')})`,
    refundMicroUsd(input: RefundInput): bigint {
      checkInput(input);
      const downUs = Math.min(input.downtimeUs, input.durationUs);
      const upBpsTimesDuration = BigInt(input.durationUs - downUs) * BPS_PER_WHOLE_N;
      let creditBps = 0;
      for (const tier of frozen) {
        if (upBpsTimesDuration < BigInt(tier.belowBps) * BigInt(input.durationUs) && tier.creditBps > creditBps) creditBps = tier.creditBps;
      }
      return divRoundHalfEven(input.priceMicroUsd * BigInt(creditBps), BigInt(BPS_PER_WHOLE));
    },
  };
}

/** NiceHash's "no refund for delivered shares" (§1.1): the buyer pays per share, so nothing to refund. */
export const noRefundRule: RefundRule = Object.freeze({
  name: 'no-refund',
  description: 'no refunds: the customer bears every shortfall',
  refundMicroUsd(input: RefundInput): bigint {
    checkInput(input);
    return 0n;
  },
});
