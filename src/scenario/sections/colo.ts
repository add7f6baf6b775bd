// The `colo` section (DESIGN.md system 1, wholesale "mining pool as a service"): the colo's resources
// priced off a cloud baseline, price discovery every slot, retail pool managers as tenants, reward
// tiers and the colo's reward share; its cross-checks with paths and its conversion to ColoConfig.
import { z } from 'zod';
import { DIFFICULTY_ADJUSTMENT_INTERVAL, POW_TARGET_SPACING_S } from '../../model/network/index.js';
import {
  createColoPriceList, DEFAULT_CAPACITY_RULE, DEFAULT_COLO_PRICING, DEFAULT_COMMITMENT_EPOCHS, DEFAULT_HASHPRICE_DISCOUNT_BPS,
  DEFAULT_MARKUP_BPS, DEFAULT_REWARD_TIERS, DEFAULT_UTILISATION_RULE, SHA256D_RETARGET_EPOCH, type MiningEpoch, type ResourceId,
} from '../../model/pricing/index.js';
import { decimalToScaled, US_PER_S, usdToMicroUsd } from '../../model/units.js';
import type { ColoConfig, ColoTenantConfig } from '../../model/twin/systems/colo/config.js';
import type { ScenarioIssue } from '../errors.js';
import { duration, id, optionalDuration, pct } from '../fields.js';
import type { Scenario } from '../schema.js';
import { duplicates } from '../unique-ids.js';
import { investorsSchema, toInvestorsConfig } from './investors.js';

const pctOfBps = (bps: number) => bps / 100;
const bpsOfPct = (value: number) => Math.round(value * 100);

/** Scenario keys of the resources, the model's resource, and the decimals to its base unit. */
const RESOURCE_KEYS = [
  { key: 'computeCU', resource: 'compute', decimals: 3 },
  { key: 'networkNU', resource: 'network', decimals: 3 },
  { key: 'storageIops', resource: 'storage-iops', decimals: 0 },
  { key: 'storageGBs', resource: 'storage-throughput', decimals: 3 },
  { key: 'storageTB', resource: 'storage-capacity', decimals: 3 },
] as const satisfies readonly { key: string; resource: ResourceId; decimals: number }[];

const amount = (what: string) => z.number().min(0).optional().describe(what);
const resourceAmounts = z.strictObject({
  computeCU: amount('compute units: a CU is the compute that goes with one reference storewidth bundle (1 TiB + 5,000 IOPS)'),
  networkNU: amount('network units, likewise'),
  storageIops: amount('storage IOPS'),
  storageGBs: amount('storage throughput, GB/s'),
  storageTB: amount('storage capacity, TB (1,000 GB)'),
});
type ResourceAmounts = z.output<typeof resourceAmounts>;

const utilisationRuleSchema = z.strictObject({
  targetPct: z.number().gt(0).max(100).default(pctOfBps(DEFAULT_UTILISATION_RULE.targetBps)).describe('utilisation the price steers towards'),
  gainPct: z.number().min(0).max(10_000).default(pctOfBps(DEFAULT_UTILISATION_RULE.gainBps))
    .describe('price step per slot, % of list, for demand a whole capacity above target (scaled down for less)'),
  maxStepUpPct: z.number().min(0).max(10_000).default(pctOfBps(DEFAULT_UTILISATION_RULE.maxStepUpBps)).describe('largest rise in one slot, % of list'),
  maxStepDownPct: z.number().min(0).max(10_000).default(pctOfBps(DEFAULT_UTILISATION_RULE.maxStepDownBps)).describe('largest fall in one slot, % of list'),
  floorPct: z.number().min(0).max(10_000).default(pctOfBps(DEFAULT_UTILISATION_RULE.floorBps)).describe('lowest price, % of list (also the auction reserve)'),
  ceilingPct: z.number().min(0).max(10_000).default(pctOfBps(DEFAULT_UTILISATION_RULE.ceilingBps)).describe('highest price, % of list'),
});

const capacityOnDemandSchema = z.strictObject({
  expandAbovePct: z.number().gt(0).max(10_000).default(pctOfBps(DEFAULT_CAPACITY_RULE.expandAboveBps)).describe('demand above this % of capacity …'),
  expandAfter: duration('1h', true).describe('… for this long in a row adds a step of capacity'),
  shrinkBelowPct: pct.default(pctOfBps(DEFAULT_CAPACITY_RULE.shrinkBelowBps)).describe('demand below this % of capacity …'),
  shrinkAfter: duration('2h', true).describe('… for this long in a row removes a step'),
  stepPct: z.number().gt(0).max(10_000).default(pctOfBps(DEFAULT_CAPACITY_RULE.stepBps)).describe('one step, % of the current capacity'),
  minPct: z.number().min(0).max(10_000).default(100).describe('capacity never shrinks below this % of colo.capacity'),
  maxPct: z.number().min(0).max(10_000).default(200).describe('nor grows above this %'),
});

const tierSchema = z.strictObject({
  name: id,
  fromDemandPct: z.number().min(0).describe("the tier applies from this demand level (retail managers' wanted hashrate as % of the wholesale fleet's) up to the next tier's"),
  wholesalePct: pct.describe("the wholesale operator's share of the rewards of resold hashrate; retail managers get the rest"),
});

const peakSchema = z.strictObject({
  fromHour: z.number().min(0).lt(24),
  toHour: z.number().gt(0).max(24),
  demandPct: z.number().min(0).max(10_000).describe('demand in the window, % of base demand'),
}).describe('a window of each day [fromHour, toHour) (wrapping past midnight when toHour < fromHour)');

const commitmentSchema = z.strictObject({
  epochs: z.number().int().min(1).default(DEFAULT_COMMITMENT_EPOCHS).describe('minimum commitment, in mining epochs (reference: 6)'),
  epochBlocks: z.number().int().min(1).default(DIFFICULTY_ADJUSTMENT_INTERVAL)
    .describe('blocks per mining epoch at the 600 s target spacing: 2016 = the retarget period (6 epochs = 84 days); 144 ≈ one day'),
  pctOfBaseDemand: z.number().gt(0).max(1_000).default(100).describe('quantity committed per slot of each resource, % of base demand; what is used less over the term is charged when it ends'),
});

const tenantSchema = z.strictObject({
  id,
  hashrateTHs: z.number().positive().describe('hashrate this retail pool manager buys from the wholesale operator at base demand'),
  resources: resourceAmounts.optional().describe('colo resources it rents at base demand; default hashrateTHs × colo.resourcesPerPHs / 1000'),
  arrival: duration('0s').describe('when it arrives (its first slot starts then or after)'),
  departure: optionalDuration().describe('when it leaves; default: stays to the horizon'),
  peaks: z.array(peakSchema).default([]).describe('daily demand profile: outside every window demand is the base; overlapping windows: the highest'),
  noisePct: z.number().min(0).max(100).default(0).describe('slot-to-slot wobble of demand, standard deviation in % of the profile'),
  bidPctOfHashprice: pct.default(30).describe('auction: share of the revenue it expects from its hashrate (at the hashprice) it bids for its colo resources'),
  hashpriceOutlookPct: z.number().min(0).max(1_000).default(100).describe("the hashprice it expects, % of the chain's current one"),
  commitment: commitmentSchema.optional().describe('minimum commitment from its arrival; none by default'),
  investors: investorsSchema.optional().describe("investors owning shares of this manager's rewards"),
});

const rentalSchema = z.strictObject({
  policy: z.enum(['cost-plus', 'hashprice-minus', 'higher']).default('higher')
    .describe("the wholesale operator's hashrate rental price: cost plus a markup, hashprice less a discount, or the higher of the two"),
  markupPct: z.number().min(0).max(10_000).default(pctOfBps(DEFAULT_MARKUP_BPS)),
  hashpriceDiscountPct: pct.default(pctOfBps(DEFAULT_HASHPRICE_DISCOUNT_BPS)),
  otherCostUSDperTHsDay: z.number().min(0).default(0).describe('costs per TH/s per day besides power (hosting, hardware)'),
});

export const coloSchema = z.strictObject({
  baseline: z.enum(['provisioned-iops', 'general-purpose']).default(DEFAULT_COLO_PRICING.baseline)
    .describe('street price of storage: AWS EBS io1/io2 ($65 per 1,000 IOPS-month, $125/TB-month) or gp3 ($80/TB with 3,000 IOPS free, $5 per 1,000 more)'),
  coloDiscountPct: pct.default(pctOfBps(DEFAULT_COLO_PRICING.discountBps)).describe('the colo sells at the street price less this'),
  computeNetworkSharePct: pct.default(pctOfBps(DEFAULT_COLO_PRICING.computeNetworkFractionBps))
    .describe('compute + network together cost this % of the reference storewidth bundle'),
  computeSharePct: pct.default(pctOfBps(DEFAULT_COLO_PRICING.computeShareOfFractionBps)).describe("compute's part of that; network gets the rest (reference: split evenly)"),
  discovery: z.enum(['utilisation', 'auction']).default('utilisation')
    .describe('utilisation: each slot the price steps towards the target utilisation; auction: each slot clears the bids at one uniform price'),
  utilisationRule: utilisationRuleSchema.default(utilisationRuleSchema.parse({})),
  capacity: resourceAmounts.describe('what the colo offers; a resource left out is not sold'),
  capacityOnDemand: capacityOnDemandSchema.optional().describe('expand and shrink capacity with demand; off by default'),
  resourcesPerPHs: resourceAmounts.optional().describe('resources a retail pool needs per PH/s it serves (for tenants without their own resources)'),
  invoiceEvery: duration('1d', true).describe('invoices close at this interval (a multiple of the slot) and at the horizon; usage is priced slot by slot'),
  rewardTiers: z.array(tierSchema).min(1)
    .default(DEFAULT_REWARD_TIERS.map((t) => ({ name: t.name, fromDemandPct: pctOfBps(t.minDemandBps), wholesalePct: pctOfBps(t.wholesaleBps) })))
    .describe('wholesale/retail split by demand level (reference: 50/50 low, 40/60, 30/70 high)'),
  tierHysteresisPct: pct.default(5)
    .describe("demand must fall this many points below a tier's threshold before the split drops back a tier, so noisy demand does not flap the split (an assumption; 0 = switch at every crossing)"),
  coloRewardShare: z.strictObject({
    rewardSharePct: pct.describe("the colo partner's share of the fleet's rewards, off the top"),
    rentReductionPct: pct.describe('in exchange, every invoice is cut by this'),
  }).optional().describe('the colo takes a share of rewards instead of part of the rent'),
  rental: rentalSchema.default(rentalSchema.parse({})),
  tenants: z.array(tenantSchema).min(1).describe('retail pool managers'),
});

export type ColoSection = z.output<typeof coloSchema>;
type TenantSection = ColoSection['tenants'][number];

function quantities(amounts: ResourceAmounts, scale = 1): Partial<Record<ResourceId, bigint>> {
  const out: Partial<Record<ResourceId, bigint>> = {};
  for (const { key, resource, decimals } of RESOURCE_KEYS) {
    const value = amounts[key];
    if (value !== undefined) out[resource] = decimalToScaled(value * scale, decimals);
  }
  return out;
}

const THS_PER_PHS = 1_000;

function tenantResources(colo: ColoSection, tenant: TenantSection): ResourceAmounts | undefined {
  return tenant.resources ?? colo.resourcesPerPHs;
}

function epochOf(blocks: number): MiningEpoch {
  if (blocks === SHA256D_RETARGET_EPOCH.blocks) return SHA256D_RETARGET_EPOCH;
  return { name: `${blocks}-block epoch`, blocks, blockIntervalUs: POW_TARGET_SPACING_S * US_PER_S };
}

function toTenant(colo: ColoSection, t: TenantSection): ColoTenantConfig {
  return {
    id: t.id,
    hashrateGHs: decimalToScaled(t.hashrateTHs, 3),
    resources: t.resources !== undefined ? quantities(t.resources) : quantities(colo.resourcesPerPHs!, t.hashrateTHs / THS_PER_PHS),
    arrivalUs: t.arrival,
    departureUs: t.departure,
    peaks: t.peaks.map((p) => ({ fromHour: p.fromHour, toHour: p.toHour, demandBps: bpsOfPct(p.demandPct) })),
    noiseBps: bpsOfPct(t.noisePct),
    bidBps: bpsOfPct(t.bidPctOfHashprice),
    hashpriceOutlookBps: bpsOfPct(t.hashpriceOutlookPct),
    commitment: t.commitment === undefined ? undefined : { epochs: t.commitment.epochs, epoch: epochOf(t.commitment.epochBlocks), quantityBps: bpsOfPct(t.commitment.pctOfBaseDemand) },
    investors: t.investors === undefined ? undefined : toInvestorsConfig(t.investors),
  };
}

export function toColoConfig(scenario: Scenario): ColoConfig {
  const colo = scenario.colo!;
  const rule = colo.utilisationRule;
  const onDemand = colo.capacityOnDemand;
  const slots = (us: number) => Math.max(1, Math.ceil(us / scenario.slot));
  return {
    baseline: colo.baseline,
    discountBps: bpsOfPct(colo.coloDiscountPct),
    computeNetworkFractionBps: bpsOfPct(colo.computeNetworkSharePct),
    computeShareOfFractionBps: bpsOfPct(colo.computeSharePct),
    discovery: colo.discovery,
    rule: {
      targetBps: bpsOfPct(rule.targetPct), gainBps: bpsOfPct(rule.gainPct), maxStepUpBps: bpsOfPct(rule.maxStepUpPct),
      maxStepDownBps: bpsOfPct(rule.maxStepDownPct), floorBps: bpsOfPct(rule.floorPct), ceilingBps: bpsOfPct(rule.ceilingPct),
    },
    capacity: quantities(colo.capacity),
    capacityOnDemand: onDemand === undefined ? undefined : {
      expandAboveBps: bpsOfPct(onDemand.expandAbovePct), shrinkBelowBps: bpsOfPct(onDemand.shrinkBelowPct),
      expandAfterSlots: slots(onDemand.expandAfter), shrinkAfterSlots: slots(onDemand.shrinkAfter), stepBps: bpsOfPct(onDemand.stepPct),
      minBps: bpsOfPct(onDemand.minPct), maxBps: bpsOfPct(onDemand.maxPct),
    },
    tenants: colo.tenants.map((t) => toTenant(colo, t)),
    tiers: colo.rewardTiers.map((t) => ({ name: t.name, minDemandBps: bpsOfPct(t.fromDemandPct), wholesaleBps: bpsOfPct(t.wholesalePct) })),
    tierBandBps: bpsOfPct(colo.tierHysteresisPct),
    rewardShare: {
      coloRewardShareBps: bpsOfPct(colo.coloRewardShare?.rewardSharePct ?? 0),
      rentReductionBps: bpsOfPct(colo.coloRewardShare?.rentReductionPct ?? 0),
    },
    invoiceEveryUs: colo.invoiceEvery,
    rental: {
      policy: colo.rental.policy, markupBps: bpsOfPct(colo.rental.markupPct), hashpriceDiscountBps: bpsOfPct(colo.rental.hashpriceDiscountPct),
      otherCostMicroUsdPerThDay: usdToMicroUsd(colo.rental.otherCostUSDperTHsDay),
    },
  };
}

/** References inside the section, and the rules the schema alone cannot state; each issue at its path. */
export function crossCheckColo(scenario: Scenario): ScenarioIssue[] {
  const colo = scenario.colo;
  if (colo === undefined) return [];
  const issues: ScenarioIssue[] = [];
  const at = (path: string, message: string) => issues.push({ path: `colo.${path}`, message });
  const offered = RESOURCE_KEYS.filter(({ key }) => colo.capacity[key] !== undefined);
  if (offered.length === 0) at('capacity', `must offer at least one resource (${RESOURCE_KEYS.map((k) => k.key).join(', ')})`);
  // A resource the baseline does not bill has a list price of 0: nothing to discover (io1/io2 throughput).
  const list = createColoPriceList({ baseline: colo.baseline, discountBps: bpsOfPct(colo.coloDiscountPct), computeNetworkFractionBps: bpsOfPct(colo.computeNetworkSharePct), computeShareOfFractionBps: bpsOfPct(colo.computeSharePct) });
  for (const { key, resource } of offered) {
    if (list.prices[resource].coloMicroUsdPerLotSlot === 0n) at(`capacity.${key}`, `has a list price of 0 under the ${colo.baseline} baseline (it does not bill ${resource}); leave it out or choose another baseline`);
  }
  const notOffered = (amounts: ResourceAmounts, path: string) => {
    for (const { key } of RESOURCE_KEYS) {
      if (amounts[key] !== undefined && colo.capacity[key] === undefined) at(`${path}.${key}`, `the colo offers no ${key} (colo.capacity has none)`);
    }
  };
  if (colo.resourcesPerPHs !== undefined) notOffered(colo.resourcesPerPHs, 'resourcesPerPHs');
  const repeated = duplicates(colo.tenants.map((t) => t.id));
  colo.tenants.forEach((t, i) => {
    if (repeated.has(t.id)) at(`tenants[${i}].id`, `"${t.id}" is used by more than one tenant`);
    if (tenantResources(colo, t) === undefined) at(`tenants[${i}].resources`, 'is required when colo.resourcesPerPHs is not given');
    if (t.resources !== undefined) notOffered(t.resources, `tenants[${i}].resources`);
    if (t.departure !== undefined && t.departure <= t.arrival) at(`tenants[${i}].departure`, 'must be later than arrival');
    t.peaks.forEach((p, k) => {
      if (p.fromHour === p.toHour) at(`tenants[${i}].peaks[${k}].toHour`, 'must differ from fromHour');
    });
  });
  colo.rewardTiers.forEach((tier, i) => {
    if (i === 0 && tier.fromDemandPct !== 0) at('rewardTiers[0].fromDemandPct', 'must be 0 (the first tier covers the lowest demand)');
    if (i > 0 && tier.fromDemandPct <= colo.rewardTiers[i - 1]!.fromDemandPct) at(`rewardTiers[${i}].fromDemandPct`, `must be above the tier before (${colo.rewardTiers[i - 1]!.fromDemandPct})`);
  });
  const tierNames = duplicates(colo.rewardTiers.map((t) => t.name));
  colo.rewardTiers.forEach((t, i) => {
    if (tierNames.has(t.name)) at(`rewardTiers[${i}].name`, `"${t.name}" is used by more than one tier`);
  });
  if (colo.invoiceEvery % scenario.slot !== 0) at('invoiceEvery', 'must be a whole number of slots');
  // Usage is billed per whole slot (pricing/billing.ts): a short last slot would be billed past the horizon.
  if (scenario.horizon % scenario.slot !== 0) issues.push({ path: 'horizon', message: 'must be a whole number of slots when the colo is on (it bills per slot)' });
  if (colo.utilisationRule.ceilingPct < colo.utilisationRule.floorPct) at('utilisationRule.ceilingPct', `must be ≥ floorPct (${colo.utilisationRule.floorPct})`);
  const onDemand = colo.capacityOnDemand;
  if (onDemand !== undefined) {
    if (onDemand.shrinkBelowPct >= onDemand.expandAbovePct) at('capacityOnDemand.shrinkBelowPct', `must be below expandAbovePct (${onDemand.expandAbovePct})`);
    if (onDemand.maxPct < onDemand.minPct) at('capacityOnDemand.maxPct', `must be ≥ minPct (${onDemand.minPct})`);
  }
  return issues;
}
