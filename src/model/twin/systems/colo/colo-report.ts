// What a planner reads of the colo after a run: KPIs with units in their names, tables per tenant,
// investor and resource, and heat maps (resource × slot) over the series the system recorded.
import { resourceSpec, type ResourceId } from '../../../pricing/index.js';
import type { HeatmapSpec, TableRow } from '../../system.js';
import { investorRows } from '../investor-rows.js';
import type { ColoState } from './colo-system.js';

const usd = (microUsd: bigint) => Number(microUsd) / 1e6;
const round = (x: number, digits = 6) => Number(x.toFixed(digits));
const money = (microUsd: bigint) => round(usd(microUsd), 2);
const pctOf = (part: bigint, whole: bigint) => (whole > 0n ? round((100 * Number(part)) / Number(whole), 4) : 0);
const GHS_PER_THS = 1_000;

function investorsPaidSat(state: ColoState): bigint {
  let sum = 0n;
  for (const book of state.books) for (const t of book?.totals ?? []) sum += t.paidSat;
  return sum;
}

export function coloKpis(state: ColoState): Record<string, number> {
  const { stats, rewards, billing, config } = state;
  const slots = Math.max(1, stats.slots);
  const bills = [...billing.bills.values()];
  const sum = (f: (b: (typeof bills)[number]) => bigint) => bills.reduce((s, b) => s + f(b), 0n);
  const usage = sum((b) => b.usageMicroUsd);
  const shortfall = sum((b) => b.shortfallMicroUsd);
  const reduction = sum((b) => b.rentReductionMicroUsd);
  const paid = sum((b) => b.paidMicroUsd);
  const retailSat = rewards.retail.reduce((s, a) => s + a.sat, 0n);
  const retailMicroUsd = rewards.retail.reduce((s, a) => s + a.microUsd, 0n);
  const distributed = rewards.sat.distributed;
  const investorsSat = investorsPaidSat(state);
  const kpis: Record<string, number> = {
    tenants: config.tenants.length,
    wholesaleCapacityTHs: round(Number(state.capacityGHs) / GHS_PER_THS),
    soldTHsAvg: round(Number(stats.soldGHsSlots) / slots / GHS_PER_THS),
    demandLevelAvgPct: round(stats.demandLevelSumPct / slots, 4),
    tierSwitches: stats.tierSwitches,
  };
  for (const tier of config.tiers) kpis[`tierTimePct.${tier.name}`] = round((100 * (stats.tierSlots.get(tier.name) ?? 0)) / slots, 4);
  Object.assign(kpis, {
    revenueUsd: money(paid + rewards.colo.microUsd),
    invoices: bills.reduce((s, b) => s + b.invoices, 0),
    invoicedUsd: money(usage + shortfall),
    usageUsd: money(usage),
    commitmentShortfallUsd: money(shortfall),
    rentReductionUsd: money(reduction),
    rentPaidUsd: money(paid),
    rewardShareSat: Number(rewards.colo.sat),
    rewardShareUsd: money(rewards.colo.microUsd),
    rewardsSat: Number(distributed),
    wholesaleSat: Number(rewards.wholesaleOwn.sat + rewards.wholesaleFee.sat),
    wholesaleOwnSat: Number(rewards.wholesaleOwn.sat),
    wholesaleFeeSat: Number(rewards.wholesaleFee.sat),
    retailSat: Number(retailSat),
    investorsSat: Number(investorsSat),
    coloSharePct: pctOf(rewards.colo.sat, distributed),
    wholesaleSharePct: pctOf(rewards.wholesaleOwn.sat + rewards.wholesaleFee.sat, distributed),
    retailSharePct: pctOf(retailSat, distributed),
    investorsSharePct: pctOf(investorsSat, distributed),
    retailMarginUsd: money(retailMicroUsd - paid),
    wholesaleFeeUsd: money(rewards.wholesaleFee.microUsd),
    rentalEquivalentUsd: money(stats.tenants.reduce((s, t) => s + t.rentalEquivalentMicroUsd, 0n)),
    hashpriceAvgUsdPerTHsDay: round(usd(stats.hashpriceSumMicroUsdPerThDay) / slots),
    rentalPriceAvgUsdPerTHsDay: round(usd(stats.rentalPriceSumMicroUsdPerThDay) / slots),
    rentalCostAvgUsdPerTHsDay: round(usd(stats.rentalCostSumMicroUsdPerThDay) / slots),
    capacityExpansions: stats.capacityExpansions,
    capacityShrinks: stats.capacityShrinks,
    undistributedSat: Number(rewards.undistributedSat),
  });
  for (const [r, s] of stats.resources) {
    const n = Math.max(1, s.slots);
    kpis[`priceAvgUsdPerLotSlot.${r}`] = round(usd(s.priceSumMicroUsd) / n);
    kpis[`priceIndexAvgPct.${r}`] = round(s.priceIndexSumPct / n, 4);
    kpis[`utilisationAvgPct.${r}`] = round(s.utilisationSumPct / n, 4);
    kpis[`demandPeakPct.${r}`] = round(s.demandPeakPct, 4);
    kpis[`unmetDemandPct.${r}`] = pctOf(s.unmetQuantitySlots, s.requestedQuantitySlots);
  }
  return kpis;
}

export function coloTables(state: ColoState): Record<string, TableRow[]> {
  const { stats, rewards, billing, config, market } = state;
  const slots = Math.max(1, stats.slots);
  const tenants = config.tenants.map((tenant, i): TableRow => {
    const bill = billing.bills.get(tenant.id)!;
    const t = stats.tenants[i]!;
    const reward = rewards.retail[i]!;
    return {
      tenant: tenant.id,
      hashrateTHs: Number(tenant.hashrateGHs) / GHS_PER_THS,
      activeSlots: t.activeSlots,
      demandTHsAvg: round(Number(t.demandGHsSlots) / slots / GHS_PER_THS, 3),
      heldTHsAvg: round(Number(t.heldGHsSlots) / slots / GHS_PER_THS, 3),
      rewardsSat: reward.sat.toString(),
      rewardsUsd: money(reward.microUsd),
      invoices: bill.invoices,
      usageUsd: money(bill.usageMicroUsd),
      commitmentShortfallUsd: money(bill.shortfallMicroUsd),
      rentReductionUsd: money(bill.rentReductionMicroUsd),
      rentPaidUsd: money(bill.paidMicroUsd),
      marginUsd: money(reward.microUsd - bill.paidMicroUsd),
      rentalEquivalentUsd: money(t.rentalEquivalentMicroUsd),
      investorsPaidSat: (state.books[i]?.totals.reduce((s, x) => s + x.paidSat, 0n) ?? 0n).toString(),
      commitmentEndDay: bill.commitmentEndUs === undefined ? null : round(bill.commitmentEndUs / 86_400_000_000, 3),
    };
  });
  const investors = config.tenants.flatMap((tenant, i) => {
    const book = state.books[i];
    return book === undefined ? [] : investorRows(tenant.id, book, state.horizonUs);
  });
  const resources = [...stats.resources].map(([r, s]): TableRow => {
    const list = market.priceList.prices[r];
    const n = Math.max(1, s.slots);
    let revenue = 0n;
    for (const bill of billing.bills.values()) revenue += bill.usageByResource.get(r) ?? 0n;
    const lot = Number(resourceSpec(r).lotSize);
    return {
      resource: r,
      lot: resourceSpec(r).lotLabel,
      streetUsdPerLotMonth: money(list.streetMicroUsdPerLotMonth),
      listUsdPerLotMonth: money(list.coloMicroUsdPerLotMonth),
      listUsdPerLotSlot: usd(list.coloMicroUsdPerLotSlot),
      priceAvgUsdPerLotSlot: round(usd(s.priceSumMicroUsd) / n),
      priceMinUsdPerLotSlot: usd(s.priceMinMicroUsd < 0n ? 0n : s.priceMinMicroUsd),
      priceMaxUsdPerLotSlot: usd(s.priceMaxMicroUsd),
      utilisationAvgPct: round(s.utilisationSumPct / n, 2),
      demandPeakPct: round(s.demandPeakPct, 2),
      unmetDemandPct: pctOf(s.unmetQuantitySlots, s.requestedQuantitySlots),
      capacityStartLots: Number(market.baseCapacity.get(r)!) / lot,
      capacityEndLots: Number(s.capacityEndQuantity) / lot,
      usageUsd: money(revenue),
    };
  });
  return { tenants, investors, resources };
}

export function coloHeatmaps(state: ColoState): Record<string, HeatmapSpec> {
  const rows = (metric: string, label: (r: ResourceId) => string) => state.market.resources.map((r) => ({ label: label(r), series: `colo.${metric}.${r}` }));
  return {
    price: { title: 'Colo price by resource and slot', unit: 'US$/lot/slot', rows: rows('price', (r) => `${r} (per ${resourceSpec(r).lotLabel})`) },
    priceIndex: { title: 'Colo price against list price', unit: '% of list', rows: rows('priceIndexPct', (r) => r) },
    utilisation: { title: 'Colo utilisation by resource', unit: '%', rows: rows('utilisationPct', (r) => r) },
  };
}
