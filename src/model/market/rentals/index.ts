// High-availability rentals (DESIGN.md system 2): share-judged failover and fail-back, delivery
// accounting from shares, refunds or SLA credits, settlement through the Ledger.
export { hashesFromDifficulty, soldHashes, shortfallRatio, shortfallBps } from './delivery.js';
export {
  shortfallRefundRule, slaCreditRule, noRefundRule, DEFAULT_REFUND_THRESHOLD_BPS, DEFAULT_SLA_CREDIT_TIERS,
  type RefundInput, type RefundRule, type SlaCreditTier,
} from './refund-rules.js';
export {
  resolveRentalConfig, DEFAULT_CHECK_EVERY_US, DEFAULT_CONFIRM_WINDOWS, DEFAULT_FAILBACK_AFTER_US, DEFAULT_OPERATOR_ACCOUNT, DEFAULT_CUSTOMER_PREFIX,
  type MonitoringMode, type RentalAccounts, type RentalSchedulerConfig, type ResolvedRentalConfig,
} from './rental-config.js';
export type { RentalSpec, RentalStatus } from './rental-book.js';
export type { WorkerRole } from './worker-pool.js';
export type { RentalKpi, RentalKpis, RentalTotals, RentalWindowKpi } from './rental-kpis.js';
export type { RentalSettlement } from './rental-settlement.js';
export {
  createRentalScheduler,
  type RentalScheduler, type RentalHooks, type RentalEvent, type RentalEventType, type WorkerStatus,
} from './rental-scheduler.js';
