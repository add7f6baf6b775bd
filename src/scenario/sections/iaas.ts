// The `iaas` section (DESIGN.md system 4, multi-tenant mining IaaS): local nodes (fleet groups leased
// out, or catalogue rigs), tenant demand, prices, burst offers, placement and crowd worker nodes; its
// cross-checks with paths; and its conversion to the twin's unit-explicit IaasConfig.
import { z } from 'zod';
import type { Algorithm } from '../../model/hardware/index.js';
import { findModel, listModels } from '../../model/hardware/index.js';
import {
  DEFAULT_ARRIVALS_PER_DAY, DEFAULT_BURST_OFFERS, DEFAULT_CROWD, DEFAULT_DAILY_PROFILE, DEFAULT_EWMA_HALF_LIFE_US,
  DEFAULT_MIN_BILLED_US, DEFAULT_TENANT_DEMAND, DEFAULT_TENANT_PRICES, HASHRATE_UNIT_HS, type BurstOffer, type TenantDemandConfig,
} from '../../model/market/tenants/index.js';
import { costMicroUsdPerThDay } from '../../model/pricing/rental-price.js';
import { microUsdToUsd, usdToMicroUsd } from '../../model/units.js';
import type { IaasConfig, IaasNodeConfig } from '../../model/twin/systems/iaas/config.js';
import { formatDuration } from '../duration.js';
import type { ScenarioIssue } from '../errors.js';
import { duration, id, pct } from '../fields.js';
import { duplicates } from '../unique-ids.js';

const HS_PER_THS = 1e12;
const HS_PER_MHS = 1e6;
const algorithm = z.enum(['sha256d', 'ethash']);
const defaultMixPct = (alg: Algorithm): number => 100 * (DEFAULT_TENANT_DEMAND.algorithmMix.find((m) => m.algorithm === alg)?.weight ?? 0);

const nodeSchema = z.strictObject({
  id,
  fleetGroup: id.optional().describe('a fleet group whose rigs this node is: they leave pool mining and serve tenants instead (power billed per use)'),
  model: z.string().min(1).optional().describe('or a catalogue rig model (antminer-s21, gpu-rig-6x-rtx3060ti, cpu-server-32c, …)'),
  rigs: z.number().int().min(1).max(1_000_000).optional().describe('how many rigs of the model (with model only)'),
  fixedCostUSDperDay: z.number().min(0).default(0).describe('hosting and amortisation per day, whether tenants use the node or not'),
}).describe("one of the operator's nodes tenants are placed on: power for the hashrate in use at the site's base price × PUE (the site's curtailment, weather and time-of-use windows apply to the fleet only)");

const lognormalOf = (median: number, sigma: number) => z.strictObject({
  median: z.number().positive().default(median),
  sigma: z.number().min(0).default(sigma).describe('spread of the lognormal: ×e^±sigma'),
});
const sha256dDemandSchema = lognormalOf(DEFAULT_TENANT_DEMAND.demandHs.sha256d.median / HS_PER_THS, DEFAULT_TENANT_DEMAND.demandHs.sha256d.sigma);
const ethashDemandSchema = lognormalOf(DEFAULT_TENANT_DEMAND.demandHs.ethash.median / HS_PER_MHS, DEFAULT_TENANT_DEMAND.demandHs.ethash.sigma);
const staySchema = z.strictObject({
  median: duration(formatDuration(DEFAULT_TENANT_DEMAND.durationUs.median), true),
  sigma: z.number().min(0).default(DEFAULT_TENANT_DEMAND.durationUs.sigma).describe('spread of the lognormal: ×e^±sigma'),
  min: duration(formatDuration(DEFAULT_TENANT_DEMAND.minDurationUs), true).describe('no stay is shorter'),
});

const tenantsSchema = z.strictObject({
  arrivalsPerDay: z.number().positive().default(DEFAULT_ARRIVALS_PER_DAY).describe('tenants arriving per day on average (Poisson)'),
  dailyProfile: z.array(z.number().min(0)).length(24).optional()
    .describe('24 hourly multipliers of the arrival rate (hour 0 first), scaled to mean 1: peaks are the hours above 1; default: quiet nights, an evening peak of ~1.7× the mean at 18–20 h'),
  algorithmMixPct: z.strictObject({ sha256d: pct.optional(), ethash: pct.optional() }).optional()
    .describe(`share of tenants per algorithm (an algorithm left out gets none); default ${defaultMixPct('sha256d')} % sha256d, ${defaultMixPct('ethash')} % ethash`),
  sha256dDemandTHs: sha256dDemandSchema.default(sha256dDemandSchema.parse({})).describe('hashrate a sha256d tenant wants, TH/s (lognormal)'),
  ethashDemandMHs: ethashDemandSchema.default(ethashDemandSchema.parse({})).describe('hashrate an ethash tenant wants, MH/s (lognormal)'),
  stay: staySchema.default(staySchema.parse({})).describe('how long a tenant stays (lognormal)'),
});

const offerSchema = z.strictObject({
  id,
  class: z.enum(['cpu', 'gpu', 'asic']).describe('what the capacity is: slower classes need more units for the same hashrate'),
  algorithm,
  hashrateTHsPerUnit: z.number().positive().optional().describe('sha256d offers: what one unit (an instance, or 1 TH/s on a hashrate market) delivers, TH/s'),
  hashrateMHsPerUnit: z.number().positive().optional().describe('ethash offers: what one unit delivers, MH/s'),
  efficiencyPct: z.number().gt(0).max(100).default(100).describe("share of a unit's hashrate that reaches the tenant's pool (virtualisation, latency)"),
  priceUSDperUnitHour: z.number().min(0).describe('billed per second over the stay (at least minBilled)'),
  availableUnits: z.number().int().min(0).optional().describe('availability: units the provider can supply at once (quota, market depth); default no limit'),
});

const pricesSchema = z.strictObject({
  sha256dUSDperTHsDay: z.number().min(0).optional().describe("what sha256d tenants pay; default the network's hashprice at the start less 5 %"),
  ethashUSDperMHsDay: z.number().min(0).default(microUsdToUsd(DEFAULT_TENANT_PRICES.ethash)).describe('what ethash tenants pay'),
});
const burstSchema = z.strictObject({
  minBilled: duration(formatDuration(DEFAULT_MIN_BILLED_US)).describe('each burst is billed at least this long (EC2: per second, 60 s minimum)'),
  offers: z.array(offerSchema).optional()
    .describe('third-party capacity for what local nodes cannot take; the cheapest with units available wins; default CPU/GPU cloud and an ASIC hashrate market'),
});

const crowdSchema = z.strictObject({
  pool: id.optional().describe('the pool the crowd mines on; what it pays for their work is shared; default the first pool'),
  initialNodes: z.number().int().min(0).max(100_000).default(DEFAULT_CROWD.initialNodes),
  joinsPerDay: z.number().min(0).default(DEFAULT_CROWD.joinsPerDay).describe('new nodes a day (Poisson)'),
  meanStay: duration(formatDuration(DEFAULT_CROWD.meanStayUs), true).describe('how long a node stays on average (exponential): churn'),
  medianHashrateTHs: z.number().positive().default(DEFAULT_CROWD.medianHashrateHs / HS_PER_THS)
    .describe("a node's SHA-256d hashrate, TH/s (lognormal); default a 32-core CPU server (0.00032), a used S19 at home is ~100"),
  hashrateSpreadSigma: z.number().min(0).default(DEFAULT_CROWD.hashrateSigma).describe('spread of node hashrates: ×e^±sigma'),
  rewardSharePct: pct.default(100 - DEFAULT_CROWD.operatorFeeBps / 100).describe("share of the crowd's pool earnings paid to the nodes by their work; the operator keeps the rest"),
});

export const iaasSchema = z.strictObject({
  nodes: z.array(nodeSchema).min(1),
  placement: z.enum(['least-loaded', 'first-fit']).default('least-loaded')
    .describe('least-loaded: the node with the lowest utilisation history that fits the tenant whole; first-fit: the first in list order'),
  utilisationHalfLife: duration(formatDuration(DEFAULT_EWMA_HALF_LIFE_US), true).describe("utilisation history: a slot's weight halves every half-life"),
  tenants: tenantsSchema.default(tenantsSchema.parse({})),
  prices: pricesSchema.default(pricesSchema.parse({})),
  burst: burstSchema.default(burstSchema.parse({})),
  crowd: crowdSchema.optional().describe('crowd worker nodes joining for a fair share of rewards'),
}).describe('multi-tenant mining IaaS: tenants come and go, peaks burst to third-party capacity');

export type IaasSection = z.output<typeof iaasSchema>;

interface ScenarioParts {
  readonly iaas?: IaasSection;
  readonly fleet: readonly { id: string; count: number; model?: string; hashrateTHs?: number; powerW?: number; efficiencyPct: number }[];
  readonly pools: readonly { id: string }[];
  readonly site: { powerPriceUSDperKWh: number; pue: number };
}

/** Fleet groups leased out to the IaaS: they serve tenants, so the fleet's pool mining leaves them out. */
export function leasedFleetGroupIds(scenario: ScenarioParts): Set<string> {
  return new Set((scenario.iaas?.nodes ?? []).map((n) => n.fleetGroup).filter((g): g is string => g !== undefined));
}

export function crossCheckIaas(scenario: ScenarioParts): ScenarioIssue[] {
  const iaas = scenario.iaas;
  if (iaas === undefined) return [];
  const issues: ScenarioIssue[] = [];
  const groups = new Map(scenario.fleet.map((g) => [g.id, g]));
  const repeatedNodes = duplicates(iaas.nodes.map((n) => n.id));
  const repeatedGroups = duplicates(iaas.nodes.map((n) => n.fleetGroup).filter((g): g is string => g !== undefined));
  iaas.nodes.forEach((n, i) => {
    const path = `iaas.nodes[${i}]`;
    if (repeatedNodes.has(n.id)) issues.push({ path: `${path}.id`, message: `"${n.id}" is used by more than one node` });
    if ((n.fleetGroup === undefined) === (n.model === undefined)) issues.push({ path, message: 'needs either fleetGroup or model (not both)' });
    if (n.fleetGroup !== undefined) {
      const group = groups.get(n.fleetGroup);
      if (group === undefined) issues.push({ path: `${path}.fleetGroup`, message: `no fleet group "${n.fleetGroup}" (fleet: ${[...groups.keys()].join(', ')})` });
      else if (group.powerW === undefined && group.model === undefined) issues.push({ path: `${path}.fleetGroup`, message: `fleet group "${n.fleetGroup}" has no powerW or model, so its power cannot be billed` });
      if (repeatedGroups.has(n.fleetGroup)) issues.push({ path: `${path}.fleetGroup`, message: `fleet group "${n.fleetGroup}" is leased by more than one node` });
      if (n.rigs !== undefined) issues.push({ path: `${path}.rigs`, message: "comes from the fleet group's count; leave it out" });
    }
    if (n.model !== undefined) {
      if (findModel(n.model) === undefined) issues.push({ path: `${path}.model`, message: `no rig model "${n.model}" in the catalogue (models: ${listModels().map((m) => m.id).join(', ')})` });
      if (n.rigs === undefined) issues.push({ path: `${path}.rigs`, message: 'is required with a model' });
    }
  });
  const offers = iaas.burst.offers ?? [];
  const repeatedOffers = duplicates(offers.map((o) => o.id));
  offers.forEach((o, i) => {
    const path = `iaas.burst.offers[${i}]`;
    if (repeatedOffers.has(o.id)) issues.push({ path: `${path}.id`, message: `"${o.id}" is used by more than one offer` });
    const [wanted, unwanted] = o.algorithm === 'sha256d' ? ['hashrateTHsPerUnit', 'hashrateMHsPerUnit'] as const : ['hashrateMHsPerUnit', 'hashrateTHsPerUnit'] as const;
    if (o[wanted] === undefined) issues.push({ path: `${path}.${wanted}`, message: `is required for ${o.algorithm} offers` });
    if (o[unwanted] !== undefined) issues.push({ path: `${path}.${unwanted}`, message: `does not apply to ${o.algorithm} offers; use ${wanted}` });
  });
  const mix = iaas.tenants.algorithmMixPct;
  if (mix !== undefined && !((mix.sha256d ?? 0) > 0 || (mix.ethash ?? 0) > 0)) {
    issues.push({ path: 'iaas.tenants.algorithmMixPct', message: 'must give some algorithm a share above 0' });
  }
  const profile = iaas.tenants.dailyProfile;
  if (profile !== undefined && !profile.some((x) => x > 0)) issues.push({ path: 'iaas.tenants.dailyProfile', message: 'must have an hour above 0' });
  const pool = iaas.crowd?.pool;
  if (pool !== undefined && !scenario.pools.some((p) => p.id === pool)) {
    issues.push({ path: 'iaas.crowd.pool', message: `no pool with id "${pool}" (pools: ${scenario.pools.map((p) => p.id).join(', ')})` });
  }
  return issues;
}

/** µUSD per price unit (TH/s or MH/s) per day of the power a node draws for that much hashrate. */
function powerCostPerUnitDay(alg: Algorithm, hashrateHs: number, powerW: number, site: ScenarioParts['site']): bigint {
  return costMicroUsdPerThDay({
    // W per TH/s (or per MH/s) at the facility (× PUE), J/TH in costMicroUsdPerThDay's terms.
    efficiencyJPerTh: (powerW * site.pue) / (hashrateHs / HASHRATE_UNIT_HS[alg]),
    electricityMicroUsdPerKWh: usdToMicroUsd(site.powerPriceUSDperKWh),
    otherCostMicroUsdPerThDay: 0n,
  });
}

function toNode(n: IaasSection['nodes'][number], scenario: ScenarioParts): IaasNodeConfig {
  const fixedCostMicroUsdPerDay = usdToMicroUsd(n.fixedCostUSDperDay);
  if (n.fleetGroup !== undefined) {
    // crossCheckIaas guarantees the group, and a model or powerW.
    const group = scenario.fleet.find((g) => g.id === n.fleetGroup)!;
    const model = group.model === undefined ? undefined : findModel(group.model)!;
    const rigHs = group.hashrateTHs !== undefined ? group.hashrateTHs * HS_PER_THS : model!.hashrateHs;
    const capacityHs = rigHs * group.count * (group.efficiencyPct / 100);
    const powerW = (group.powerW ?? model!.powerW) * group.count;
    return {
      id: n.id, algorithm: 'sha256d', capacityHs, fixedCostMicroUsdPerDay, source: `fleet group ${group.id} (${group.count} rigs)`,
      variableCostMicroUsdPerUnitDay: powerCostPerUnitDay('sha256d', capacityHs, powerW, scenario.site),
    };
  }
  const model = findModel(n.model!)!;
  const capacityHs = model.hashrateHs * n.rigs!;
  return {
    id: n.id, algorithm: model.algorithm, capacityHs, fixedCostMicroUsdPerDay, source: `${n.rigs} × ${model.id}`,
    variableCostMicroUsdPerUnitDay: powerCostPerUnitDay(model.algorithm, capacityHs, model.powerW * n.rigs!, scenario.site),
  };
}

function toOffer(o: NonNullable<IaasSection['burst']['offers']>[number]): BurstOffer {
  const nominalHs = o.algorithm === 'sha256d' ? o.hashrateTHsPerUnit! * HS_PER_THS : o.hashrateMHsPerUnit! * HS_PER_MHS;
  return {
    id: o.id, class: o.class, algorithm: o.algorithm,
    hashrateHsPerUnit: nominalHs * (o.efficiencyPct / 100),
    priceMicroUsdPerUnitHour: usdToMicroUsd(o.priceUSDperUnitHour),
    maxUnits: o.availableUnits === undefined ? undefined : BigInt(o.availableUnits),
    source: 'scenario',
  };
}

function toDemand(t: IaasSection['tenants']): TenantDemandConfig {
  const mix = t.algorithmMixPct;
  return {
    algorithmMix: mix === undefined ? DEFAULT_TENANT_DEMAND.algorithmMix
      : (['sha256d', 'ethash'] as const).filter((alg) => (mix[alg] ?? 0) > 0).map((alg) => ({ algorithm: alg, weight: mix[alg]! })),
    demandHs: {
      sha256d: { median: t.sha256dDemandTHs.median * HS_PER_THS, sigma: t.sha256dDemandTHs.sigma },
      ethash: { median: t.ethashDemandMHs.median * HS_PER_MHS, sigma: t.ethashDemandMHs.sigma },
    },
    durationUs: { median: t.stay.median, sigma: t.stay.sigma },
    minDurationUs: t.stay.min,
  };
}

/** The section in the twin's units; undefined when the scenario has no `iaas`. */
export function toIaasConfig(scenario: ScenarioParts): IaasConfig | undefined {
  const iaas = scenario.iaas;
  if (iaas === undefined) return undefined;
  const crowd = iaas.crowd;
  return {
    nodes: iaas.nodes.map((n) => toNode(n, scenario)),
    burstOffers: iaas.burst.offers === undefined ? DEFAULT_BURST_OFFERS : iaas.burst.offers.map(toOffer),
    minBilledUs: iaas.burst.minBilled,
    placement: iaas.placement,
    utilisationHalfLifeUs: iaas.utilisationHalfLife,
    arrivalsPerDay: iaas.tenants.arrivalsPerDay,
    dailyProfile: iaas.tenants.dailyProfile ?? DEFAULT_DAILY_PROFILE,
    demand: toDemand(iaas.tenants),
    prices: {
      sha256d: iaas.prices.sha256dUSDperTHsDay === undefined ? undefined : usdToMicroUsd(iaas.prices.sha256dUSDperTHsDay),
      ethash: usdToMicroUsd(iaas.prices.ethashUSDperMHsDay),
    },
    crowd: crowd === undefined ? undefined : {
      poolId: crowd.pool ?? scenario.pools[0]!.id,
      initialNodes: crowd.initialNodes,
      joinsPerDay: crowd.joinsPerDay,
      meanStayUs: crowd.meanStay,
      medianHashrateHs: crowd.medianHashrateTHs * HS_PER_THS,
      hashrateSigma: crowd.hashrateSpreadSigma,
      operatorFeeBps: Math.round((100 - crowd.rewardSharePct) * 100),
    },
  };
}
