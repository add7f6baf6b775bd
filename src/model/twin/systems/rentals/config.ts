// What the rentals system runs (DESIGN.md system 2): the fleet group whose rigs are rented, the rigs
// held back as spares, the HA scheduler's rules and the rentals sold. Unit-explicit; the scenario
// section builds it (src/scenario/sections/rentals.ts).
import type { MonitoringMode, SlaCreditTier } from '../../../market/rentals/index.js';

export type RefundRuleConfig =
  | { readonly rule: 'shortfall'; readonly thresholdBps: number }
  | { readonly rule: 'sla'; readonly tiers: readonly SlaCreditTier[] }
  | { readonly rule: 'none' };

/** A rental's price: fixed per TH/s per day, or the hashprice when the run starts plus a markup. */
export type RentalPriceConfig =
  | { readonly kind: 'fixed'; readonly microUsdPerTHsDay: bigint }
  | { readonly kind: 'hashprice'; readonly markupBps: number };

export interface RentalConfig {
  readonly id: string;
  readonly customerId: string;
  /** Hashrate sold, H/s; served by whole rigs of the group (the scheduler covers it, rounding up). */
  readonly hashrateHs: number;
  readonly startUs: number;
  readonly durationUs: number;
  readonly price: RentalPriceConfig;
}

export interface RentalsConfig {
  readonly groupId: string;
  /** The group's last spareRigs rigs are held back for failover; the others serve rentals. */
  readonly spareRigs: number;
  /** The monitoring that acts (fails over, settles); the other runs alongside as a shadow, for comparison. */
  readonly monitoring: MonitoringMode;
  readonly checkEveryUs: number;
  readonly confirmDegradedUs: number;
  readonly failbackAfterUs: number;
  readonly refund: RefundRuleConfig;
  /** Refunds are judged per window of this length; null = over each rental's whole period. */
  readonly refundWindowUs: number | null;
  readonly rentals: readonly RentalConfig[];
}
