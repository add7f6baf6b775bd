// The colo as a twin system (DESIGN.md system 1): every slot the retail pool managers' demand meets
// the colo's capacity, prices are rediscovered per resource, usage is billed pay-as-you-play, the
// wholesale operator's hashrate is shared out, and the fleet's rewards flow colo → wholesale → retail
// → investors as the pools pay them. Draws only from `system/colo/…` streams.
import { divRoundHalfEven } from '../../../ledger/exact.js';
import { InvestorBook, quoteRentalPrice, rentalChargeMicroUsd, resourceSpec, type ResourceId, type RewardTier, type SlotOutcome } from '../../../pricing/index.js';
import { createTariff, type Tariff } from '../../../site/tariff.js';
import { SAT_PER_BTC, usdToMicroUsd } from '../../../units.js';
import type { HeatmapSpec, TableRow, TwinSystem, TwinSystemContext } from '../../system.js';
import { PRIORITY_PAY_INVESTORS, PRIORITY_SETTLE_REWARDS, priceMicroUsdPerBtcBefore, scheduleEvery } from '../after-payouts.js';
import { ColoBilling, retailAccount } from './colo-billing.js';
import { ColoMarket, type TenantRequest } from './colo-market.js';
import { coloHeatmaps, coloKpis, coloTables } from './colo-report.js';
import { ColoRewards, type SlotRewardRules } from './colo-rewards.js';
import { ColoStats } from './colo-stats.js';
import type { ColoConfig } from './config.js';
import { tenantBidLimits } from './tenant-bids.js';
import { TenantDemand, type SlotDemand } from './tenant-demand.js';
import { shareHashrate } from './wholesale-hashrate.js';

export const COLO = 'colo';
const HS_PER_GHS = 1e9;
const HS_PER_THS = 1e12;
const GHS_PER_THS = 1_000;
const MILLI = 1_000n;

const usd = (microUsd: bigint) => Number(microUsd) / 1e6;

export function createColoSystem(ctx: TwinSystemContext): TwinSystem | undefined {
  const config = ctx.config.systems.colo;
  return config === undefined ? undefined : new ColoSystem(ctx, config);
}

/** The state the report reads (colo-report.ts). */
export interface ColoState {
  readonly config: ColoConfig;
  readonly market: ColoMarket;
  readonly billing: ColoBilling;
  readonly rewards: ColoRewards;
  readonly stats: ColoStats;
  readonly books: readonly (InvestorBook | undefined)[];
  readonly capacityGHs: bigint;
  readonly horizonUs: number;
}

class ColoSystem implements TwinSystem, ColoState {
  readonly name = COLO;
  readonly config: ColoConfig;
  readonly market: ColoMarket;
  readonly billing: ColoBilling;
  readonly rewards: ColoRewards;
  readonly stats: ColoStats;
  readonly books: readonly (InvestorBook | undefined)[];
  /** The wholesale operator's hashrate: the fleet's nominal hashrate. */
  readonly capacityGHs: bigint;
  readonly horizonUs: number;
  private readonly ctx: TwinSystemContext;
  private readonly demands: readonly TenantDemand[];
  private readonly tenantIds: readonly string[];
  private readonly active: boolean[];
  private readonly tariff: Tariff;
  /** Facility J per TH of the fleet (rig efficiency × PUE), for the rental quote's power cost. */
  private readonly facilityJPerTh: number;
  private rules: SlotRewardRules | undefined;
  private tier: RewardTier | undefined;
  private slotDemand: Partial<Record<ResourceId, bigint>> = {};

  constructor(ctx: TwinSystemContext, config: ColoConfig) {
    this.ctx = ctx;
    this.config = config;
    this.horizonUs = ctx.config.horizonUs;
    const slotUs = ctx.config.slotUs;
    this.market = new ColoMarket(config, slotUs);
    this.billing = new ColoBilling(config.tenants, slotUs, this.market.listMicroUsdPerLotSlot, config.rewardShare);
    this.tenantIds = config.tenants.map((t) => t.id);
    this.rewards = new ColoRewards(ctx.groups, this.tenantIds, config.rewardShare.coloRewardShareBps);
    this.stats = new ColoStats(this.market.resources, config.tenants.length, (r) => this.market.capacityOf(r));
    this.demands = config.tenants.map((t) => new TenantDemand(t, ctx.root.stream(`system/${COLO}/tenant/${t.id}`)));
    this.active = config.tenants.map(() => false);
    this.books = config.tenants.map((t) => (t.investors === undefined ? undefined : new InvestorBook(retailAccount(t.id), t.investors)));
    this.books.forEach((book, i) => {
      if (book !== undefined) scheduleEvery(ctx, config.tenants[i]!.investors!.payoutIntervalUs, PRIORITY_PAY_INVESTORS, (atUs) => this.payInvestors(i, atUs));
    });
    this.tariff = createTariff(ctx.config.site.tariff);
    const nominalHs = ctx.groups.reduce((sum, g) => sum + g.nominalHashrateHs, 0);
    this.capacityGHs = BigInt(Math.round(nominalHs / HS_PER_GHS));
    const watts = ctx.groups.reduce((sum, g) => sum + g.config.count * g.config.powerW, 0);
    this.facilityJPerTh = nominalHs > 0 ? (watts / (nominalHs / HS_PER_THS)) * ctx.config.site.pue : 0;
  }

  startSlot(slot: number, startUs: number, endUs: number): void {
    const { recorder } = this.ctx;
    const priceMicroUsdPerBtc = usdToMicroUsd(this.ctx.coinPriceUsd(slot));
    // hashprice in sat/TH/day (a float) → µUSD, kept to a thousandth of a sat before rounding.
    const hashpriceMicroUsdPerThDay = divRoundHalfEven(BigInt(Math.round(this.ctx.hashpriceSatPerThDay() * 1000)) * priceMicroUsdPerBtc, MILLI * SAT_PER_BTC);
    const demands = this.demands.map((d) => d.demandAt(startUs));
    this.logArrivals(startUs, demands);

    const requests: TenantRequest[] = [];
    demands.forEach((d, i) => {
      if (!d.active) return;
      const tenant = this.config.tenants[i]!;
      requests.push({
        tenantId: tenant.id,
        quantities: d.resources,
        limits: tenantBidLimits({
          quantities: d.resources, listMicroUsdPerLotSlot: this.market.listMicroUsdPerLotSlot, hashpriceMicroUsdPerThDay,
          hashpriceOutlookBps: tenant.hashpriceOutlookBps, hashrateGHs: d.hashrateGHs, bidBps: tenant.bidBps, slotUs: this.ctx.config.slotUs,
        }),
      });
    });
    const outcome = this.market.discover(startUs, requests);
    this.recordResources(startUs, outcome);

    const { heldGHs, soldGHs, demandGHs, levelBps: level, tier } = shareHashrate(demands, this.tenantIds, outcome, this.capacityGHs, { list: this.config.tiers, current: this.tier, bandBps: this.config.tierBandBps });
    const switched = this.tier !== undefined && this.tier.name !== tier.name;
    if (switched) recorder.log(startUs, 'RewardTierSwitched', { from: this.tier!.name, to: tier.name, demandLevelPct: level / 100, wholesalePct: tier.wholesaleBps / 100 });
    this.tier = tier;
    this.stats.observeTier(tier.name, switched, level / 100);
    this.rules = { slot, tier, heldGHs, unsoldGHs: this.capacityGHs - soldGHs, priceMicroUsdPerBtc };

    // The wholesale operator's rental quote per TH/s/day, against the hashprice (pricing/rental-price.ts).
    const quote = quoteRentalPrice({
      policy: this.config.rental.policy, efficiencyJPerTh: this.facilityJPerTh, electricityMicroUsdPerKWh: this.tariff.priceAt(startUs),
      otherCostMicroUsdPerThDay: this.config.rental.otherCostMicroUsdPerThDay, hashpriceMicroUsdPerThDay,
      markupBps: this.config.rental.markupBps, hashpriceDiscountBps: this.config.rental.hashpriceDiscountBps,
    });
    demands.forEach((d, i) => {
      const t = this.stats.tenants[i]!;
      if (d.active) t.activeSlots += 1;
      t.demandGHsSlots += d.hashrateGHs;
      t.heldGHsSlots += heldGHs[i]!;
      t.rentalEquivalentMicroUsd += rentalChargeMicroUsd(quote.priceMicroUsdPerThDay, Number(heldGHs[i]!) / GHS_PER_THS, endUs - startUs);
    });
    this.stats.soldGHsSlots += soldGHs;
    this.stats.hashpriceSumMicroUsdPerThDay += hashpriceMicroUsdPerThDay;
    this.stats.rentalPriceSumMicroUsdPerThDay += quote.priceMicroUsdPerThDay;
    this.stats.rentalCostSumMicroUsdPerThDay += quote.costMicroUsdPerThDay;
    recorder.set(`${COLO}.demandLevelPct`, startUs, level / 100);
    recorder.set(`${COLO}.wholesaleSharePct`, startUs, tier.wholesaleBps / 100);
    recorder.set(`${COLO}.soldTHs`, startUs, Number(soldGHs) / GHS_PER_THS);
    recorder.set(`${COLO}.demandTHs`, startUs, Number(demandGHs) / GHS_PER_THS);
    recorder.set(`${COLO}.hashpriceUsdPerTHsDay`, startUs, usd(hashpriceMicroUsdPerThDay));
    recorder.set(`${COLO}.rentalPriceUsdPerTHsDay`, startUs, usd(quote.priceMicroUsdPerThDay));
    recorder.set(`${COLO}.rentalCostUsdPerTHsDay`, startUs, usd(quote.costMicroUsdPerThDay));
  }

  endSlot(_slot: number, _startUs: number, endUs: number): void {
    this.rewards.recordEarnings(this.rules!);
    for (const change of this.market.observeDemand(this.slotDemand)) {
      if (change.decision === 'expand') this.stats.capacityExpansions += 1;
      else this.stats.capacityShrinks += 1;
      const lot = resourceSpec(change.resource).lotSize;
      this.ctx.recorder.log(endUs, change.decision === 'expand' ? 'CapacityExpanded' : 'CapacityShrunk', {
        resource: change.resource, fromLots: Number(change.fromQuantity) / Number(lot), toLots: Number(change.toQuantity) / Number(lot),
      });
    }
    if (endUs >= this.horizonUs) return; // finish() closes the books after the final payout
    if (endUs % this.config.invoiceEveryUs === 0) this.closeInvoices(endUs);
    this.ctx.sim.scheduleAt(endUs, () => this.settle(endUs), PRIORITY_SETTLE_REWARDS);
  }

  finish(horizonUs: number): void {
    // Work credited by the run's final flush belongs to the last slot.
    if (this.rules !== undefined) this.rewards.recordEarnings(this.rules);
    if (this.billing.hasOpenPeriodBefore(horizonUs)) this.closeInvoices(horizonUs);
    this.settle(horizonUs);
    this.books.forEach((book, i) => {
      if (book !== undefined) this.payInvestors(i, horizonUs);
    });
    for (const [r, s] of this.stats.resources) s.capacityEndQuantity = this.market.capacityOf(r);
  }

  kpis(): Record<string, number> {
    return coloKpis(this);
  }

  tables(): Record<string, TableRow[]> {
    return coloTables(this);
  }

  heatmaps(): Record<string, HeatmapSpec> {
    return coloHeatmaps(this);
  }

  private logArrivals(startUs: number, demands: readonly SlotDemand[]): void {
    demands.forEach((d, i) => {
      if (d.active === this.active[i]) return;
      this.active[i] = d.active;
      const tenant = this.config.tenants[i]!;
      this.ctx.recorder.log(startUs, d.active ? 'TenantArrived' : 'TenantDeparted', { tenant: tenant.id, hashrateTHs: Number(tenant.hashrateGHs) / GHS_PER_THS });
    });
  }

  private recordResources(startUs: number, outcome: SlotOutcome): void {
    const { recorder } = this.ctx;
    this.slotDemand = {};
    this.stats.slots += 1;
    for (const r of this.market.resources) {
      const o = outcome.resources[r]!;
      const capacity = this.market.capacityOf(r);
      const list = this.market.listMicroUsdPerLotSlot[r];
      const lot = resourceSpec(r).lotSize;
      const requested = o.allocatedQuantity + o.unmetQuantity;
      this.slotDemand[r] = requested;
      for (const a of o.allocations) this.billing.recordUsage(a.tenantId, r, startUs, a.allocatedQuantity, o.priceMicroUsdPerLotSlot);
      const pct = (part: bigint, whole: bigint) => (whole > 0n ? (100 * Number(part)) / Number(whole) : 0);
      const priceIndexPct = list > 0n ? (100 * Number(o.priceMicroUsdPerLotSlot)) / Number(list) : 0;
      this.stats.observeResource(r, {
        priceMicroUsd: o.priceMicroUsdPerLotSlot, priceIndexPct, utilisationPct: pct(o.allocatedQuantity, capacity),
        demandPct: pct(requested, capacity), requested, unmet: o.unmetQuantity,
      });
      recorder.set(`${COLO}.price.${r}`, startUs, usd(o.priceMicroUsdPerLotSlot));
      recorder.set(`${COLO}.priceIndexPct.${r}`, startUs, priceIndexPct);
      recorder.set(`${COLO}.utilisationPct.${r}`, startUs, pct(o.allocatedQuantity, capacity));
      recorder.set(`${COLO}.demandPct.${r}`, startUs, pct(requested, capacity));
      recorder.set(`${COLO}.capacityLots.${r}`, startUs, Number(capacity) / Number(lot));
    }
  }

  private closeInvoices(atUs: number): void {
    for (const closed of this.billing.close(atUs, this.ctx.ledger)) {
      const i = this.config.tenants.findIndex((t) => t.id === closed.invoice.tenantId);
      this.books[i]?.addCostMicroUsd(closed.paidMicroUsd);
      this.ctx.recorder.add(`${COLO}.rentPaidUsd`, Math.max(0, atUs - 1), usd(closed.paidMicroUsd));
      this.ctx.recorder.log(atUs, 'TenantInvoiced', {
        tenant: closed.invoice.tenantId, invoicedUsd: usd(closed.invoice.totalMicroUsd), rentReductionUsd: usd(closed.rentReductionMicroUsd),
        shortfallUsd: usd(closed.invoice.lines.filter((l) => l.reason === 'commitment-shortfall').reduce((s, l) => s + l.amountMicroUsd, 0n)),
      });
    }
  }

  private settle(atUs: number): void {
    const { recorder, config } = this.ctx;
    for (const { rules, distribution } of this.rewards.settle(this.ctx.ledger, atUs)) {
      const slotAtUs = rules.slot * config.slotUs;
      recorder.add(`${COLO}.rewardSat.colo`, slotAtUs, Number(distribution.coloSat));
      recorder.add(`${COLO}.rewardSat.wholesale`, slotAtUs, Number(distribution.wholesaleSat));
      recorder.add(`${COLO}.rewardSat.retail`, slotAtUs, Number(distribution.retailSat.reduce((a, b) => a + b, 0n)));
      distribution.retailSat.forEach((sat, i) => this.books[i]?.addIncomeSat(sat));
    }
  }

  private payInvestors(i: number, atUs: number): void {
    const payout = this.books[i]!.payOut(this.ctx.ledger, atUs, priceMicroUsdPerBtcBefore(this.ctx, atUs));
    const paidSat = payout.paidSat.reduce((a, b) => a + b, 0n);
    if (paidSat > 0n) this.ctx.recorder.log(atUs, 'InvestorsPaid', { owner: this.config.tenants[i]!.id, paidSat: String(paidSat), distributableSat: String(payout.distributableSat) });
  }
}
