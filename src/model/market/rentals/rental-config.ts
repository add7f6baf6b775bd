// Settings of the rental scheduler (DESIGN.md system 2) with their defaults and where each comes
// from; resolveRentalConfig fills the gaps and checks every value.
import { DEFAULT_DEAD_AFTER_US, DEFAULT_DEGRADED_BELOW_PCT, DEFAULT_ESTIMATOR_BINS, DEFAULT_ESTIMATOR_WINDOW_US } from '../../shares/index.js';
import { US_PER_MIN } from '../../units.js';
import { checkId, checkPositive, checkPositiveUs, checkUs, shown } from '../_check.js';
import { shortfallRefundRule, type RefundRule } from './refund-rules.js';

/**
 * 'shares': a worker is judged only by the shares the pool accepts (HealthTracker) — what rental
 * markets do (domain-facts §1.3). 'hardware': by the caller's hardware verdict (the miner's own
 * API), which misses silent degradation; kept so one scenario can compare the two.
 */
export type MonitoringMode = 'shares' | 'hardware';

export interface RentalAccounts {
  /** The operator's revenue account; default 'operator:rentals'. */
  readonly operator?: string;
  /** Customers' accounts are prefix + customerId; default 'customer:'. */
  readonly customerPrefix?: string;
}

export interface RentalSchedulerConfig {
  readonly monitoring?: MonitoringMode;
  /** Share window W of the hashrate estimate; default 10 min (Miningcore StatsRecorder, §2.1). */
  readonly windowUs?: number;
  /** Estimator bin; default W / 60. */
  readonly binUs?: number;
  /** Degraded below this % of nominal; default 80 (shares/health.ts). */
  readonly degradedBelowPct?: number;
  /** Dead after this long without an accepted share; default 5 min (shares/health.ts). */
  readonly deadAfterUs?: number;
  /** How often verdicts are taken and acted on; default 1 min. */
  readonly checkEveryUs?: number;
  /** A 'degraded' verdict must hold this long before a failover ('dead' acts at once); default 2·W. */
  readonly confirmDegradedUs?: number;
  /** A failed worker must be judged alive this long before it takes its rental back; default 30 min. */
  readonly failbackAfterUs?: number;
  /** Default: shortfallRefundRule(800) — Virtual Mining's ≥ 8 % rule (§1.1). */
  readonly refundRule?: RefundRule;
  /** Accounting window the rule is applied to; null (default) = the whole rental period. */
  readonly refundWindowUs?: number | null;
  /** Engine priority of the scheduler's events; default 1, so share feeds at priority 0 land first. */
  readonly priority?: number;
  readonly accounts?: RentalAccounts;
}

export interface ResolvedRentalConfig {
  readonly monitoring: MonitoringMode;
  readonly windowUs: number;
  readonly binUs: number;
  readonly degradedBelowPct: number;
  readonly deadAfterUs: number;
  readonly checkEveryUs: number;
  readonly confirmDegradedUs: number;
  readonly failbackAfterUs: number;
  readonly refundRule: RefundRule;
  readonly refundWindowUs: number | null;
  readonly priority: number;
  readonly operatorAccount: string;
  readonly customerPrefix: string;
}

/**
 * Polling once a minute, as farm managers poll miner APIs (model/ops/detection.ts, an assumption
 * [D]); fail-back after 30 min = three default windows of good shares, so one lucky window cannot
 * bring a flaky rig back (assumption [D]).
 */
export const DEFAULT_CHECK_EVERY_US = US_PER_MIN;
/**
 * A 'degraded' verdict must last two windows: at N = 40 shares a window a healthy worker dips under
 * 80 % in ~8.6 % of windows (shares/false-alarm.ts), so confirming over one window still failed a
 * healthy rig over ~0.7 times a day, two windows about once a month (measured: 30-day runs, 1-min
 * checks). A rig at 50 % is then failed over ~25 min after it drops; a silent one after 5 min.
 */
export const DEFAULT_CONFIRM_WINDOWS = 2;
export const DEFAULT_FAILBACK_AFTER_US = 30 * US_PER_MIN;
export const DEFAULT_OPERATOR_ACCOUNT = 'operator:rentals';
export const DEFAULT_CUSTOMER_PREFIX = 'customer:';

export function resolveRentalConfig(config: RentalSchedulerConfig = {}): ResolvedRentalConfig {
  const monitoring = config.monitoring ?? 'shares';
  if (monitoring !== 'shares' && monitoring !== 'hardware') throw new RangeError(`monitoring must be 'shares' or 'hardware', got ${shown(monitoring)}`);
  const windowUs = checkPositiveUs('windowUs', config.windowUs ?? DEFAULT_ESTIMATOR_WINDOW_US);
  const binUs = checkPositiveUs('binUs', config.binUs ?? Math.floor(windowUs / DEFAULT_ESTIMATOR_BINS));
  const degradedBelowPct = checkPositive('degradedBelowPct', config.degradedBelowPct ?? DEFAULT_DEGRADED_BELOW_PCT);
  const refundWindowUs = config.refundWindowUs ?? null;
  if (refundWindowUs !== null) checkPositiveUs('refundWindowUs', refundWindowUs);
  const priority = config.priority ?? 1;
  if (!Number.isSafeInteger(priority)) throw new RangeError(`priority must be an integer, got ${shown(priority)}`);
  const refundRule = config.refundRule ?? shortfallRefundRule();
  if (typeof refundRule?.refundMicroUsd !== 'function') throw new RangeError(`refundRule must have a refundMicroUsd function, got ${shown(refundRule)}`);
  return {
    monitoring,
    windowUs,
    binUs,
    degradedBelowPct,
    deadAfterUs: checkPositiveUs('deadAfterUs', config.deadAfterUs ?? DEFAULT_DEAD_AFTER_US),
    checkEveryUs: checkPositiveUs('checkEveryUs', config.checkEveryUs ?? DEFAULT_CHECK_EVERY_US),
    confirmDegradedUs: checkUs('confirmDegradedUs', config.confirmDegradedUs ?? DEFAULT_CONFIRM_WINDOWS * windowUs),
    failbackAfterUs: checkUs('failbackAfterUs', config.failbackAfterUs ?? DEFAULT_FAILBACK_AFTER_US),
    refundRule,
    refundWindowUs,
    priority,
    operatorAccount: checkId('accounts.operator', config.accounts?.operator ?? DEFAULT_OPERATOR_ACCOUNT),
    customerPrefix: checkId('accounts.customerPrefix', config.accounts?.customerPrefix ?? DEFAULT_CUSTOMER_PREFIX),
  };
}
