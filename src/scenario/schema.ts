// The scenario schema (zod): every key carries its unit, unknown keys are errors, defaults are filled
// in. Exported as JSON Schema by `hashtwin schema` so editors autocomplete scenario files.
import { z } from 'zod';
import { duration, id, pct } from './fields.js';
import { brokerSchema } from './sections/broker.js';
import { iaasSchema } from './sections/iaas.js';
import { coloSchema } from './sections/colo.js';
import { investorsSchema } from './sections/investors.js';
import { operationsSchema } from './sections/operations.js';
import { rentalsSchema } from './sections/rentals.js';

const priceFixed = z.strictObject({
  model: z.literal('fixed'),
  usd: z.number().positive().describe('coin price in US$'),
});
const priceGbm = z.strictObject({
  model: z.literal('gbm'),
  usd: z.number().positive().describe('starting coin price in US$'),
  driftPctPerYear: z.number().default(0),
  volatilityPctPerYear: z.number().min(0).default(50),
});
const priceTable = z.strictObject({
  model: z.literal('table'),
  points: z.array(z.strictObject({ at: duration('0s'), usd: z.number().positive() })).min(1)
    .describe('price steps: each holds from its time until the next'),
});

export const networkSchema = z.strictObject({
  hashrateEHs: z.number().positive().default(800).describe('network hashrate in EH/s at the start'),
  hashrateGrowthPctPerDay: z.number().min(-50).max(50).default(0),
  difficulty: z.number().positive().optional().describe('starting network difficulty; default: in equilibrium with hashrateEHs at 600 s blocks'),
  blockHeight: z.number().int().min(0).default(900_000).describe('height of the first block simulated (sets the subsidy)'),
  feesPerBlockBTC: z.number().min(0).default(0.03),
  feesVolatilityPct: pct.default(30).describe('spread of fees per block (lognormal)'),
  retarget: z.boolean().default(true).describe('Bitcoin retarget every 2016 blocks, clamped ×4 / ÷4'),
  price: z.discriminatedUnion('model', [priceFixed, priceGbm, priceTable]).default({ model: 'fixed', usd: 95_000 }),
});

export const vardiffSchema = z.strictObject({
  targetSecondsPerShare: z.number().positive().default(15),
  retargetSeconds: z.number().positive().default(90),
  variancePct: pct.default(30),
  minDifficulty: z.number().positive().default(1),
  maxDifficulty: z.number().positive().default(1e15),
});

export const poolSchema = z.strictObject({
  id,
  scheme: z.enum(['PPS', 'FPPS', 'PROP', 'PPLNS', 'SOLO']),
  feePct: pct.default(2),
  pplnsWindowFactor: z.number().positive().default(2).describe('PPLNS window N as a multiple of network difficulty'),
  reserveBTC: z.number().min(0).default(0).describe('PPS/FPPS operator reserve at the start'),
  extraHashrateEHs: z.number().min(0).default(0).describe("hashrate of the pool's other miners, outside this fleet"),
  vardiff: vardiffSchema.default(vardiffSchema.parse({})),
  fixedShareDifficulty: z.number().positive().optional().describe('a fixed share difficulty instead of vardiff'),
  payoutInterval: duration('1d', true).describe("how often miners' accrued earnings are paid out"),
});

export const workerGroupSchema = z.strictObject({
  id,
  count: z.number().int().min(1).max(1_000_000),
  model: z.string().min(1).optional().describe('a catalogue rig model id (antminer-s19-pro, antminer-s21, antminer-s21-xp, whatsminer-m60, …): sets hashrateTHs and powerW unless given'),
  hashrateTHs: z.number().positive().optional().describe('nominal hashrate of one worker in TH/s (required without a model)'),
  powerW: z.number().positive().optional().describe('wall power of one worker in W; without it (and without a model) the group draws no costed power'),
  pool: id.describe('id of the pool these workers mine on'),
  latencyMs: z.number().min(0).default(80).describe('share round-trip latency; shares in flight when a block lands go stale'),
  efficiencyPct: z.number().gt(0).max(100).default(100).describe('delivered / nominal hashrate'),
});

export const monitoringSchema = z.strictObject({
  windowMinutes: z.number().positive().default(10).describe('pool-side window for hashrate estimates and worker status'),
  degradedBelowPct: pct.default(80).describe('estimated / expected hashrate below this: degraded'),
  deadAfterMinutes: z.number().positive().default(5).describe('no accepted share for this long: dead'),
});

export const siteSchema = z.strictObject({
  powerPriceUSDperKWh: z.number().min(0).default(0.065).describe('power price at the meter outside time-of-use windows (domain-facts §3.3: hosting $0.05–0.08/kWh)'),
  timeOfUse: z.array(z.strictObject({
    fromHour: z.number().min(0).lt(24),
    toHour: z.number().gt(0).max(24),
    priceUSDperKWh: z.number().min(0),
  })).default([]).describe('price windows of the local day [fromHour, toHour) (a window may wrap past midnight)'),
  pue: z.number().min(1).max(3).default(1.1).describe('facility power / IT power'),
  capacityKW: z.number().positive().optional().describe('grid connection in facility kW: rigs beyond it are curtailed, in fleet order'),
  priceCeilingUSDperKWh: z.number().min(0).optional().describe('every rig stops while the power price is above this'),
  climate: z.strictObject({
    meanC: z.number().min(-60).max(60),
    dailySwingC: z.number().min(0).default(5).describe('half the day–night range'),
    seasonalSwingC: z.number().min(0).default(10).describe('half the summer–winter range'),
    noiseSdC: z.number().min(0).default(2),
    startDayOfYear: z.number().int().min(1).max(365).default(1).describe('the calendar day the run starts on'),
  }).optional().describe('outside air: with it, rigs (of catalogue models) throttle and shut down by their intake temperature'),
  containers: z.strictObject({
    intakeSetpointC: z.number().default(5).describe('in cold weather hot exhaust is recirculated to hold the intake at this'),
    maxRecirculationPct: z.number().min(0).lt(100).default(80),
  }).default({ intakeSetpointC: 5, maxRecirculationPct: 80 }).describe('through-flow containers, one per fleet group'),
});

export const scenarioSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().default(''),
  seed: z.union([z.number().int(), z.string().min(1)]).default(1),
  horizon: duration('1d', true),
  slot: duration('15m', true).describe('length of a billing / reporting slot'),
  resolution: z.enum(['exact', 'aggregate', 'hashed']).default('aggregate')
    .describe('exact: every share is an event; aggregate: Poisson counts per slot; hashed: shares found by real sha256d at tiny difficulty'),
  network: networkSchema.default(networkSchema.parse({})),
  site: siteSchema.default(siteSchema.parse({})),
  pools: z.array(poolSchema).min(1),
  fleet: z.array(workerGroupSchema).min(1),
  monitoring: monitoringSchema.default(monitoringSchema.parse({})),
  operations: operationsSchema.optional().describe('container farm operations: component failures, monitoring by polling and pool shares, technicians, repairs and spares (DESIGN.md system 3)'),
  rentals: rentalsSchema.optional().describe("HA rentals of a fleet group's rigs: share-judged failover to spares, delivered vs sold, refunds (DESIGN.md system 2)"),
  broker: brokerSchema.optional().describe('mobile/crowd mining broker: partner apps\' devices mine a few consented hours a day (DESIGN.md system 5)'),
  iaas: iaasSchema.optional().describe('multi-tenant mining IaaS: tenants come and go, peaks burst to third-party capacity, crowd nodes share rewards (DESIGN.md system 4)'),
  colo: coloSchema.optional().describe('colo price discovery, billing and reward tiers: retail pool managers rent the colo\'s resources and buy the fleet\'s hashrate (DESIGN.md system 1)'),
  investors: investorsSchema.optional().describe("investors owning shares of the fleet operator's earnings (with colo: its wholesale share), gross or net of energy"),
});

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
export type PoolConfig = z.output<typeof poolSchema>;
export type WorkerGroupConfig = z.output<typeof workerGroupSchema>;
export type NetworkConfig = z.output<typeof networkSchema>;
