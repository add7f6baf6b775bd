// The `rentals` section (DESIGN.md system 2, HA rentals on the stratum hub): the fleet group whose rigs
// are rented and its spares, the scheduler's monitoring, failover and refund rules, and the rentals
// sold; its cross-checks with paths, and its conversion to the twin's unit-explicit RentalsConfig.
import { z } from 'zod';
import { findModel } from '../../model/hardware/index.js';
import {
  DEFAULT_CHECK_EVERY_US, DEFAULT_CONFIRM_WINDOWS, DEFAULT_FAILBACK_AFTER_US, DEFAULT_REFUND_THRESHOLD_BPS, DEFAULT_SLA_CREDIT_TIERS,
} from '../../model/market/rentals/index.js';
import { HS_PER_THS, usdToMicroUsd } from '../../model/units.js';
import type { RefundRuleConfig, RentalsConfig } from '../../model/twin/systems/rentals/config.js';
import { formatDuration } from '../duration.js';
import type { ScenarioIssue } from '../errors.js';
import { duration, id, optionalDuration, pct, requiredDuration } from '../fields.js';
import type { Scenario } from '../schema.js';
import { duplicates } from '../unique-ids.js';
import { leasedFleetGroupIds } from './iaas.js';
import { operationsGroupIds } from './operations.js';

const BPS_PER_PCT = 100;

const rentalSchema = z.strictObject({
  id,
  customer: id.describe("the customer's ledger account is customer:<id>"),
  rigs: z.number().int().min(1).optional().describe("hashrate sold as whole rigs of the group (rigs × the rig's nominal TH/s)"),
  hashrateTHs: z.number().positive().optional().describe('or hashrate sold in TH/s (served by whole rigs, rounding up)'),
  start: duration('0s').describe('when the rental starts, from the start of the run'),
  duration: requiredDuration(true).describe('how long it runs; a rental running past the horizon is sold and booked for the part inside it'),
  priceUSDperTHsDay: z.number().min(0).optional().describe('price per TH/s per day sold'),
  hashpriceMarkupPct: z.number().min(-100).max(1000).optional()
    .describe("or the network's hashprice when the run starts, plus this markup (default when no price is given: the hashprice)"),
});

const slaTierSchema = z.strictObject({
  availabilityBelowPct: pct.describe('the tier applies when the rental was up less than this share of its window'),
  creditPct: pct.describe("credit as a share of the window's price"),
});

const refundSchema = z.discriminatedUnion('rule', [
  z.strictObject({
    rule: z.literal('shortfall'),
    thresholdPct: pct.default(DEFAULT_REFUND_THRESHOLD_BPS / BPS_PER_PCT)
      .describe('refund the undelivered part of the price when delivery falls this far short (Virtual Mining: ≥ 8 %, domain-facts §1.1)'),
  }),
  z.strictObject({
    rule: z.literal('sla'),
    tiers: z.array(slaTierSchema).min(1).default(DEFAULT_SLA_CREDIT_TIERS.map((t) => ({ availabilityBelowPct: t.belowBps / BPS_PER_PCT, creditPct: t.creditBps / BPS_PER_PCT })))
      .describe('credits by availability (default the AWS Compute SLA tiers: < 99.99 % → 10 %, < 99 % → 30 %, < 95 % → 100 %)'),
  }),
  z.strictObject({ rule: z.literal('none').describe('no refunds: the customer bears every shortfall (NiceHash)') }),
]);

export const rentalsSchema = z.strictObject({
  group: id.describe('the fleet group whose rigs are rented; it must be under operations (its rigs fail and are repaired)'),
  spareRigs: z.number().int().min(0).default(0).describe("the group's last N rigs are held back as spares for failover"),
  monitoring: z.enum(['shares', 'hardware']).default('shares')
    .describe("what judges a rented rig and acts: the pool's shares (finds silent degradation) or the rig's own API; the other is reported alongside as rentals.<mode>.*"),
  checkEvery: duration(formatDuration(DEFAULT_CHECK_EVERY_US), true).describe('how often the scheduler takes verdicts and acts'),
  confirmDegraded: optionalDuration()
    .describe(`a 'degraded' verdict must hold this long before a failover ('dead' acts at once); default ${DEFAULT_CONFIRM_WINDOWS} monitoring windows`),
  failbackAfter: duration(formatDuration(DEFAULT_FAILBACK_AFTER_US)).describe('a repaired rig must be judged alive this long before it takes its rental back'),
  refund: refundSchema.default({ rule: 'shortfall', thresholdPct: DEFAULT_REFUND_THRESHOLD_BPS / BPS_PER_PCT }),
  refundWindow: z.union([z.literal('whole'), requiredDuration(true)]).default('whole')
    .describe('refunds are judged per window of this length (e.g. 1d), or over each rental as a whole'),
  rentals: z.array(rentalSchema).min(1),
});

export type RentalsSection = z.output<typeof rentalsSchema>;

/** Nominal hashrate of one rig of a fleet group, H/s (cross-check.ts guarantees a model or a hashrate). */
function rigHashrateHs(group: Scenario['fleet'][number]): number {
  return group.hashrateTHs !== undefined ? group.hashrateTHs * HS_PER_THS : findModel(group.model!)!.hashrateHs;
}

function refundOf(refund: RentalsSection['refund']): RefundRuleConfig {
  switch (refund.rule) {
    case 'shortfall':
      return { rule: 'shortfall', thresholdBps: Math.round(refund.thresholdPct * BPS_PER_PCT) };
    case 'sla':
      return { rule: 'sla', tiers: refund.tiers.map((t) => ({ belowBps: Math.round(t.availabilityBelowPct * BPS_PER_PCT), creditBps: Math.round(t.creditPct * BPS_PER_PCT) })) };
    case 'none':
      return { rule: 'none' };
  }
}

export function toRentalsConfig(scenario: Scenario, monitoringWindowUs: number): RentalsConfig | undefined {
  const section = scenario.rentals;
  if (section === undefined) return undefined;
  const group = scenario.fleet.find((g) => g.id === section.group)!;
  const rigHs = rigHashrateHs(group);
  return {
    groupId: section.group,
    spareRigs: section.spareRigs,
    monitoring: section.monitoring,
    checkEveryUs: section.checkEvery,
    confirmDegradedUs: section.confirmDegraded ?? DEFAULT_CONFIRM_WINDOWS * monitoringWindowUs,
    failbackAfterUs: section.failbackAfter,
    refund: refundOf(section.refund),
    refundWindowUs: section.refundWindow === 'whole' ? null : section.refundWindow,
    rentals: section.rentals.map((r) => ({
      id: r.id,
      customerId: r.customer,
      hashrateHs: r.rigs !== undefined ? r.rigs * rigHs : r.hashrateTHs! * HS_PER_THS,
      startUs: r.start,
      durationUs: Math.min(r.duration, scenario.horizon - r.start),
      price: r.priceUSDperTHsDay !== undefined
        ? { kind: 'fixed', microUsdPerTHsDay: usdToMicroUsd(r.priceUSDperTHsDay) }
        : { kind: 'hashprice', markupBps: Math.round((r.hashpriceMarkupPct ?? 0) * BPS_PER_PCT) },
    })),
  };
}

export function crossCheckRentals(scenario: Scenario): ScenarioIssue[] {
  const section = scenario.rentals;
  if (section === undefined) return [];
  const issues: ScenarioIssue[] = [];
  const group = scenario.fleet.find((g) => g.id === section.group);
  if (group === undefined) {
    issues.push({ path: 'rentals.group', message: `no fleet group "${section.group}" (fleet: ${scenario.fleet.map((g) => g.id).join(', ')})` });
  } else if (leasedFleetGroupIds(scenario).has(group.id)) {
    issues.push({ path: 'rentals.group', message: `fleet group "${group.id}" is leased to the IaaS, so it cannot be rented here too` });
  } else if (!operationsGroupIds(scenario).includes(group.id)) {
    issues.push({ path: 'rentals.group', message: `fleet group "${group.id}" must be under operations (add an operations section, or list it in operations.groups)` });
  } else if (section.spareRigs >= group.count) {
    issues.push({ path: 'rentals.spareRigs', message: `must leave at least one of the group's ${group.count} rigs to rent` });
  }
  const repeated = duplicates(section.rentals.map((r) => r.id));
  section.rentals.forEach((r, i) => {
    const path = `rentals.rentals[${i}]`;
    if (repeated.has(r.id)) issues.push({ path: `${path}.id`, message: `"${r.id}" is used by more than one rental` });
    if ((r.rigs === undefined) === (r.hashrateTHs === undefined)) issues.push({ path, message: 'needs either rigs or hashrateTHs (not both)' });
    if (r.priceUSDperTHsDay !== undefined && r.hashpriceMarkupPct !== undefined) issues.push({ path, message: 'needs either priceUSDperTHsDay or hashpriceMarkupPct (not both)' });
    if (r.start >= scenario.horizon) issues.push({ path: `${path}.start`, message: `is not before the horizon (${formatDuration(scenario.horizon)})` });
  });
  return issues;
}
