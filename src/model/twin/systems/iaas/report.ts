// The IaaS's KPIs and tables at the end of a run: margins (total, per tenant, per slot, and where they
// went negative), utilisation of the local nodes, hashrate served locally vs burst, and the crowd's
// work and rewards. Table money is exact: µUSD as decimal US$ text ("-12.345678").
import type { Algorithm } from '../../../hardware/index.js';
import { HASHRATE_UNIT_HS, HASHRATE_UNIT_LABEL, type CrowdDistribution, type CrowdNodeKpi, type TenantMarketKpis } from '../../../market/tenants/index.js';
import { TWO_32 } from '../../../shares/index.js';
import { HS_PER_THS, microUsdToUsd, S_PER_DAY, US_PER_HOUR, US_PER_S } from '../../../units.js';
import type { TableRow } from '../../system.js';
import type { IaasNodeConfig } from './config.js';
import { UNIT_SUFFIX, type HashrateLevels } from './hashrate-levels.js';

const MICRO_PER_USD = 1_000_000n;
const S_PER_HOUR = US_PER_HOUR / US_PER_S;
const round = (value: number, digits = 6): number => Number(value.toFixed(digits));
const hoursOf = (us: number): number => round(us / US_PER_HOUR, 4);

/** µUSD → exact decimal dollars, e.g. -1234567n → "-1.234567". */
export function usdText(amountMicroUsd: bigint): string {
  const negative = amountMicroUsd < 0n;
  const abs = negative ? -amountMicroUsd : amountMicroUsd;
  return `${negative ? '-' : ''}${abs / MICRO_PER_USD}.${(abs % MICRO_PER_USD).toString().padStart(6, '0')}`;
}

const pctOf = (part: number, whole: number): number => (whole > 0 ? round((100 * part) / whole, 4) : 0);

export interface IaasReportInput {
  readonly market: TenantMarketKpis;
  readonly nodes: readonly IaasNodeConfig[];
  readonly levels: HashrateLevels;
  readonly horizonUs: number;
  readonly tenantPriceMicroUsdPerUnitDay: Readonly<Record<Algorithm, bigint>>;
  readonly crowd?: { readonly nodes: readonly CrowdNodeKpi[]; readonly distributions: readonly CrowdDistribution[] };
}

export function iaasKpis(input: IaasReportInput): Record<string, number> {
  const { market, levels, horizonUs } = input;
  const t = market.totals;
  const negativeSlots = market.where.negativeSlots;
  const kpis: Record<string, number> = {
    tenants: t.tenants,
    burstTenants: t.burstTenants,
    unservedTenants: market.tenants.filter((x) => x.unservedHs > 0).length,
    tenantsAtEnd: market.tenants.filter((x) => x.truncated).length,
    revenueUsd: round(microUsdToUsd(t.revenueMicroUsd), 2),
    localCostUsd: round(microUsdToUsd(t.localCostMicroUsd), 2),
    burstCostUsd: round(microUsdToUsd(t.burstCostMicroUsd), 2),
    fixedCostUsd: round(microUsdToUsd(t.fixedCostMicroUsd), 2),
    marginUsd: round(microUsdToUsd(t.marginMicroUsd), 2),
    marginPct: t.revenueMicroUsd > 0n ? round((100 * Number(t.marginMicroUsd)) / Number(t.revenueMicroUsd), 4) : 0,
    negativeMarginSlots: negativeSlots.length,
    negativeMarginTenants: market.where.negativeTenants.length,
    worstSlotMarginUsd: round(microUsdToUsd(market.slots.reduce((lo, s) => (s.marginMicroUsd < lo ? s.marginMicroUsd : lo), 0n)), 2),
    // Each node counts the same, whatever its algorithm or size (TH/s and MH/s do not add up).
    meanUtilisationPct: market.nodes.length > 0 ? round((100 * market.nodes.reduce((s, n) => s + n.meanUtilisation, 0)) / market.nodes.length, 4) : 0,
  };
  for (const alg of levels.algorithms) {
    const u = UNIT_SUFFIX[alg];
    kpis[`tenantPriceUsdPer${u}Day`] = round(microUsdToUsd(input.tenantPriceMicroUsdPerUnitDay[alg]));
    kpis[`capacity${u}`] = round(input.nodes.filter((n) => n.algorithm === alg).reduce((s, n) => s + n.capacityHs, 0) / HASHRATE_UNIT_HS[alg]);
    kpis[`peakDemand${u}`] = round(levels.peak(alg).demand);
    kpis[`peakBurst${u}`] = round(levels.peak(alg).burst);
    for (const kind of ['demand', 'local', 'burst', 'unserved'] as const) kpis[`${kind}${u}Hours`] = round(levels.unitHours(alg, kind, horizonUs));
  }
  if (input.crowd !== undefined) {
    const { nodes, distributions } = input.crowd;
    const workHashes = nodes.reduce((s, n) => s + n.workDifficulty, 0) * TWO_32;
    const rewardSat = nodes.reduce((s, n) => s + n.rewardSat, 0n);
    kpis.crowdNodes = nodes.length;
    kpis.crowdNodesAtEnd = nodes.filter((n) => n.leftAtUs === null).length;
    kpis.crowdWorkTHsHours = round(workHashes / HS_PER_THS / S_PER_HOUR);
    kpis.crowdRewardSat = Number(rewardSat);
    kpis.crowdOperatorFeeSat = Number(distributions.reduce((s, d) => s + d.operatorFeeSat, 0n));
    kpis.crowdDistributions = distributions.length;
    // What a TH/s of crowd work earned a day, to hold against the pool's hashprice.
    kpis.crowdRewardSatPerTHsDay = workHashes > 0 ? round(Number(rewardSat) / (workHashes / HS_PER_THS / S_PER_DAY)) : 0;
  }
  return kpis;
}

export function tenantRows(market: TenantMarketKpis): TableRow[] {
  return market.tenants.map((t) => {
    const inUnit = (hs: number): number => round(hs / HASHRATE_UNIT_HS[t.algorithm]);
    const local = t.localParts.reduce((s, p) => s + p.hashrateHs, 0);
    return {
      tenant: t.tenantId,
      algorithm: t.algorithm,
      unit: HASHRATE_UNIT_LABEL[t.algorithm],
      demand: inUnit(t.demandHs),
      local: inUnit(local),
      burst: inUnit(t.burstHs),
      unserved: inUnit(t.unservedHs),
      arrivedAtHours: hoursOf(t.arrivalUs),
      stayHours: hoursOf(t.departureUs - t.arrivalUs),
      stillThereAtEnd: t.truncated,
      nodes: t.localParts.map((p) => p.nodeId).join(' '),
      burstOffer: t.burstOfferId,
      burstClass: t.burstClass,
      burstUnits: Number(t.burstUnits),
      revenueUsd: usdText(t.revenueMicroUsd),
      localCostUsd: usdText(t.localCostMicroUsd),
      burstCostUsd: usdText(t.burstCostMicroUsd),
      marginUsd: usdText(t.marginMicroUsd),
    };
  });
}

export function nodeRows(market: TenantMarketKpis, nodes: readonly IaasNodeConfig[]): TableRow[] {
  return nodes.map((n, i) => ({
    node: n.id,
    source: n.source,
    algorithm: n.algorithm,
    unit: HASHRATE_UNIT_LABEL[n.algorithm],
    capacity: round(n.capacityHs / HASHRATE_UNIT_HS[n.algorithm]),
    meanUtilisationPct: round(100 * market.nodes[i]!.meanUtilisation, 4),
    powerCostUsdPerUnitDay: usdText(n.variableCostMicroUsdPerUnitDay),
    fixedCostUsdPerDay: usdText(n.fixedCostMicroUsdPerDay),
  }));
}

export function crowdRows(nodes: readonly CrowdNodeKpi[]): TableRow[] {
  const totalWork = nodes.reduce((s, n) => s + n.workDifficulty, 0);
  const totalSat = Number(nodes.reduce((s, n) => s + n.rewardSat, 0n));
  return nodes.map((n) => ({
    node: n.nodeId,
    hashrateTHs: round(n.hashrateHs / HS_PER_THS, 9),
    joinedAtHours: hoursOf(n.joinedAtUs),
    leftAtHours: n.leftAtUs === null ? null : hoursOf(n.leftAtUs),
    workDifficulty: n.workDifficulty,
    workTHsHours: round((n.workDifficulty * TWO_32) / HS_PER_THS / S_PER_HOUR, 9),
    workSharePct: pctOf(n.workDifficulty, totalWork),
    rewardSat: String(n.rewardSat),
    rewardSharePct: pctOf(Number(n.rewardSat), totalSat),
  }));
}
