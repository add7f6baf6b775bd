// Investors in a scenario: the top-level `investors` section (shares of the fleet operator's earnings)
// and the same block under each colo tenant (shares of a retail pool manager's) — one schema, one
// conversion, one set of checks, wherever investors appear.
import { z } from 'zod';
import type { InvestorsConfig } from '../../model/pricing/index.js';
import { usdToMicroUsd } from '../../model/units.js';
import type { ScenarioIssue } from '../errors.js';
import { duration, id } from '../fields.js';
import type { Scenario } from '../schema.js';
import { duplicates } from '../unique-ids.js';

const holderSchema = z.strictObject({
  id: id.describe('the investor; unique across the scenario (its ledger account is investor:<id>)'),
  sharePct: z.number().gt(0).max(100).describe("share of the owner's distributable earnings, at most two decimals"),
  investedUSD: z.number().min(0).default(0).describe('what the investor paid in, for profit and annualised return in the investors table'),
});

export const investorsSchema = z.strictObject({
  basis: z.enum(['gross', 'net']).default('net')
    .describe("net: shares of the earnings after the owner's costs (the fleet operator's energy bill; a retail manager's colo rent), converted to sat at each payout, losses carried forward; gross: shares of the income"),
  payoutInterval: duration('1d', true).describe('how often investors are paid (and once more at the horizon)'),
  holders: z.array(holderSchema).min(1),
});

export type InvestorsSection = z.output<typeof investorsSchema>;

export function toInvestorsConfig(section: InvestorsSection): InvestorsConfig {
  return {
    basis: section.basis,
    payoutIntervalUs: section.payoutInterval,
    holdings: section.holders.map((h) => ({ id: h.id, shareBps: Math.round(h.sharePct * 100), investedMicroUsd: usdToMicroUsd(h.investedUSD) })),
  };
}

/** Where investors appear in a scenario, with the path of each block. */
function investorSections(scenario: Scenario): { path: string; section: InvestorsSection }[] {
  const found: { path: string; section: InvestorsSection }[] = [];
  if (scenario.investors !== undefined) found.push({ path: 'investors', section: scenario.investors });
  scenario.colo?.tenants.forEach((t, i) => {
    if (t.investors !== undefined) found.push({ path: `colo.tenants[${i}].investors`, section: t.investors });
  });
  return found;
}

/** Shares in whole basis points summing to ≤ 100 % per owner; investor ids unique across the scenario. */
export function crossCheckInvestors(scenario: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const sections = investorSections(scenario);
  const repeated = duplicates(sections.flatMap(({ section }) => section.holders.map((h) => h.id)));
  for (const { path, section } of sections) {
    let totalBps = 0;
    section.holders.forEach((h, i) => {
      const bps = h.sharePct * 100;
      if (Math.abs(bps - Math.round(bps)) > 1e-6) issues.push({ path: `${path}.holders[${i}].sharePct`, message: `must have at most two decimals, got ${h.sharePct}` });
      totalBps += Math.round(bps);
      if (repeated.has(h.id)) issues.push({ path: `${path}.holders[${i}].id`, message: `"${h.id}" is used by more than one investor` });
    });
    if (totalBps > 10_000) issues.push({ path: `${path}.holders`, message: `shares must sum to at most 100 %, got ${totalBps / 100} %` });
  }
  return issues;
}
