// The `broker` scenario section (DESIGN.md system 5): partner apps and their devices' consent, the
// devices' hashrate (a catalogue model, or a figure measured on a real device), the pool fee, the
// broker's commission, the consumers' credit rule and the payout interval — and its conversion to
// the twin's unit-explicit BrokerSystemConfig.
import { z } from 'zod';
import { findModel, listModels } from '../../model/hardware/index.js';
import type { BrokerSystemConfig } from '../../model/twin/systems/broker/config.js';
import { duration, id, pct } from '../fields.js';
import { duplicates } from '../unique-ids.js';

const MINUTES_PER_HOUR = 60;
const MINUTES_PER_DAY = 1_440;
const hourOfDay = z.number().min(0).lt(24);

const partnerSchema = z.strictObject({
  id,
  app: z.string().min(1).describe("the partner's app, as the report names it"),
  devicesAtStart: z.number().int().min(0).max(1_000_000).describe('devices enrolled through the app when the run starts'),
  joinsPerDay: z.number().min(0).default(0).describe('devices enrolling a day (Poisson arrivals)'),
  churnPctPerDay: z.number().min(0).lt(100).default(0).describe('chance an enrolled device leaves on any given day (exponential stays)'),
  consentHoursPerDay: z.strictObject({
    min: z.number().int().min(1).max(24),
    max: z.number().int().min(1).max(24),
  }).default({ min: 1, max: 4 }).describe('hours a day a device lets the app mine: a whole number per device, drawn uniformly in [min, max]'),
  windowStartsLocal: z.strictObject({
    fromHour: hourOfDay,
    toHour: hourOfDay,
  }).default({ fromHour: 22, toHour: 2 })
    .describe("phase of the consent windows: each device's window opens at a local time drawn uniformly in [fromHour, toHour), which may wrap past midnight (22 → 2: overnight, while phones charge); equal hours: every window opens then"),
  utcOffsetHours: z.number().min(-12).max(14).default(0).describe("the app's users' time zone: local time = UTC + offset"),
});

const deviceSchema = z.strictObject({
  model: z.string().min(1).default('phone-cpu')
    .describe('catalogue model of the devices (phone-cpu, cpu-server-32c, …): its sha256d hashrate is the median across devices'),
  measuredHashrateHs: z.number().positive().optional()
    .describe("a device's measured sha256d hashrate in H/s — e.g. from the lab's benchmark page, which times the WASM core on the device at hand. When given, every device mines at exactly this figure, in place of the model's (and without its spread)"),
  hashrateSpreadLogSd: z.number().min(0).max(3).default(0.5)
    .describe("spread of hashrates across handsets: standard deviation of ln(hashrate) around the model's figure (0: all alike; 0.5: ×e^±0.5). Ignored with measuredHashrateHs"),
});

const creditsSchema = z.discriminatedUnion('rule', [
  z.strictObject({
    rule: z.literal('per-sat'),
    creditsPerSat: z.number().min(0).describe("content credits per sat of the device's share of its partner's payout"),
  }),
  z.strictObject({
    rule: z.literal('per-mining-hour'),
    creditsPerHour: z.number().min(0).describe('content credits per hour the device mined, whatever the work earned'),
  }),
]);

export const brokerSchema = z.strictObject({
  algorithm: z.literal('sha256d').default('sha256d')
    .describe("proof of work the devices run: the twin's chain is Bitcoin, and its hashprice pays for sha256d work"),
  device: deviceSchema.default(deviceSchema.parse({})),
  poolFeePct: pct.default(2).describe("fee of the FPPS pool the devices mine through, off the chain's hashprice (domain-facts §3.5: 0.7–4 %)"),
  commissionPct: pct.default(3).describe("the broker's cut of the earnings; partners are paid the rest (3 %: NiceHash's and MRR's marketplace fee, domain-facts §1.3)"),
  consumerCredits: creditsSchema.default({ rule: 'per-sat', creditsPerSat: 1 }).describe("what a partner's consumers get for their devices' mining"),
  payoutInterval: duration('1d', true).describe('how often partners are paid and consumers credited (at the first slot edge at or after each multiple)'),
  partners: z.array(partnerSchema).min(1).describe('partner apps through which devices consent to mine'),
}).superRefine((broker, ctx) => {
  const model = findModel(broker.device.model);
  if (model === undefined) {
    ctx.addIssue({ code: 'custom', path: ['device', 'model'], message: `no model "${broker.device.model}" in the catalogue (models: ${listModels().map((m) => m.id).join(', ')})` });
  } else if (model.algorithm !== broker.algorithm) {
    ctx.addIssue({ code: 'custom', path: ['device', 'model'], message: `"${model.id}" mines ${model.algorithm}, but the broker's devices run ${broker.algorithm}` });
  }
  const repeated = duplicates(broker.partners.map((p) => p.id));
  broker.partners.forEach((p, i) => {
    if (repeated.has(p.id)) ctx.addIssue({ code: 'custom', path: ['partners', i, 'id'], message: `"${p.id}" is used by more than one partner` });
    if (p.consentHoursPerDay.min > p.consentHoursPerDay.max) {
      ctx.addIssue({ code: 'custom', path: ['partners', i, 'consentHoursPerDay', 'min'], message: `must be ≤ max (${p.consentHoursPerDay.max})` });
    }
  });
});

export type BrokerSection = z.output<typeof brokerSchema>;

/** [fromHour, toHour) local → whole minutes [from, to) with to > from (wrapping past midnight). */
function startMinutes(starts: BrokerSection['partners'][number]['windowStartsLocal']): { from: number; to: number } {
  const from = Math.round(starts.fromHour * MINUTES_PER_HOUR);
  let to = Math.round(starts.toHour * MINUTES_PER_HOUR);
  if (to < from) to += MINUTES_PER_DAY;
  return { from, to: to === from ? from + 1 : to };
}

export function toBrokerConfig(broker: BrokerSection): BrokerSystemConfig {
  // The schema's check guarantees a catalogue model.
  const model = findModel(broker.device.model)!;
  const measured = broker.device.measuredHashrateHs;
  return {
    hashrateSource: measured === undefined ? model.id : 'measured',
    poolFeeBps: Math.round(broker.poolFeePct * 100),
    commissionBps: Math.round(broker.commissionPct * 100),
    consumerCredits: broker.consumerCredits.rule === 'per-sat'
      ? { kind: 'per-sat', creditsPerSat: broker.consumerCredits.creditsPerSat }
      : { kind: 'per-mining-hour', creditsPerHour: broker.consumerCredits.creditsPerHour },
    payoutIntervalUs: broker.payoutInterval,
    partners: broker.partners.map((p) => {
      const start = startMinutes(p.windowStartsLocal);
      return {
        id: p.id,
        app: p.app,
        initialDevices: p.devicesAtStart,
        arrivalsPerDay: p.joinsPerDay,
        // A daily leave chance q is a hazard of −ln(1 − q) per day.
        leaveHazardPerDay: -Math.log1p(-p.churnPctPerDay / 100),
        devices: {
          utcOffsetsMinutes: [{ value: Math.round(p.utcOffsetHours * MINUTES_PER_HOUR), weight: 1 }],
          consentHoursMin: p.consentHoursPerDay.min,
          consentHoursMax: p.consentHoursPerDay.max,
          consentStartMinuteFrom: start.from,
          consentStartMinuteTo: start.to,
          medianHashrateHs: model.hashrateHs,
          hashrateSigma: broker.device.hashrateSpreadLogSd,
          ...(measured === undefined ? {} : { measuredHashrateHs: measured }),
        },
      };
    }),
  };
}
