// The `operations` section (DESIGN.md system 3, the container farm's operations): which fleet groups
// (containers) are watched, failure rates per component, monitoring, technicians' shifts, repair
// times and spares — defaults from src/model/ops/config.ts — its cross-checks with paths, and its
// conversion to the twin's unit-explicit OperationsConfig.
import { z } from 'zod';
import {
  COMPONENT_KINDS, DEFAULT_POLL_US, DEFAULT_RATE_PER_YEAR, DEFAULT_REPAIR_US, DEFAULT_RESTOCK_LEAD_US, DEFAULT_SEND_AWAY,
  DEFAULT_SEND_AWAY_PROBABILITY, DEFAULT_SHIFTS, PART_KINDS, resolveFleetOpsConfig,
  type ComponentKind, type PartKind, type PerComponent, type PerPart,
} from '../../model/ops/index.js';
import { DEFAULT_CONFIRM_WINDOWS } from '../../model/market/rentals/index.js';
import { US_PER_DAY, US_PER_HOUR } from '../../model/units.js';
import type { OperationsConfig } from '../../model/twin/systems/ops/config.js';
import { formatDuration } from '../duration.js';
import type { ScenarioIssue } from '../errors.js';
import { duration, durationOrOff, id, optionalDuration, pct } from '../fields.js';
import type { Scenario } from '../schema.js';
import { duplicates } from '../unique-ids.js';
import { leasedFleetGroupIds } from './iaas.js';

/** Monday first, as the shift calendar counts days (model/ops/shifts.ts). */
export const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const dayName = z.enum(DAY_NAMES);

/** A model default shown in scenario units without binary noise (0.03 × 100 → 3). */
const tidy = (value: number): number => Number(value.toFixed(6));

function perComponent(defaults: Readonly<PerComponent<number>>, max: number) {
  return z.strictObject(Object.fromEntries(COMPONENT_KINDS.map((kind) => [kind, z.number().min(0).max(max).default(defaults[kind])])) as Record<ComponentKind, z.ZodDefault<z.ZodNumber>>);
}

const ratesPct = perComponent(Object.fromEntries(COMPONENT_KINDS.map((k) => [k, tidy(100 * DEFAULT_RATE_PER_YEAR[k])])) as PerComponent<number>, 100_000);
const handsOnHours = perComponent(Object.fromEntries(COMPONENT_KINDS.map((k) => [k, tidy(DEFAULT_REPAIR_US[k].medianUs / US_PER_HOUR)])) as PerComponent<number>, 24 * 365);
const repairCentrePct = perComponent(Object.fromEntries(COMPONENT_KINDS.map((k) => [k, tidy(100 * DEFAULT_SEND_AWAY_PROBABILITY[k])])) as PerComponent<number>, 100);

const shiftSchema = z.strictObject({
  days: z.array(dayName).min(1).default([...DAY_NAMES]).describe('days the shift starts on (local time)'),
  startHour: z.number().min(0).lt(24).describe('local start hour, fractions allowed (7.5 = 07:30)'),
  endHour: z.number().gt(0).max(24).describe('local end hour; at or before startHour the shift runs past midnight'),
  staff: z.number().int().min(0).max(10_000).default(1).describe('technicians on the shift in each container'),
});

const spareSchema = (part: PartKind) => z.strictObject({
  initial: z.number().int().min(0).optional()
    .describe("parts on each container's shelf at the start; default: twice the expected demand over one restock lead, plus one"),
  restockLead: duration(formatDuration(DEFAULT_RESTOCK_LEAD_US[part])).describe('each part taken is reordered and arrives this much later'),
});
const sparesSchema = z.strictObject(Object.fromEntries(PART_KINDS.map((part) => [part, spareSchema(part).default(spareSchema(part).parse({}))])) as Record<PartKind, z.ZodDefault<ReturnType<typeof spareSchema>>>);

const detectionSchema = z.strictObject({
  pollEvery: durationOrOff(formatDuration(DEFAULT_POLL_US))
    .describe("how often the miners' own API is polled (finds lost boards, fans, PSU, controller — not silent chip degradation); off turns polling off"),
  shares: z.boolean().default(true).describe("alarm on the pool's share verdict per rig (the monitoring section's window, degradedBelowPct and deadAfterMinutes)"),
  confirmDegraded: optionalDuration()
    .describe(`a 'degraded' share verdict must hold this long before it alarms ('dead' alarms at once); default ${DEFAULT_CONFIRM_WINDOWS} monitoring windows`),
});

const techniciansSchema = z.strictObject({
  shifts: z.array(shiftSchema).default(DEFAULT_SHIFTS.map((s) => ({ days: s.days.map((d) => DAY_NAMES[d]), startHour: s.startHour, endHour: s.endHour, staff: s.staff })))
    .describe('the crew of each container on a weekly calendar; default one technician 08:00–20:00 every day'),
  runStartsOn: dayName.default('mon').describe('the weekday the run starts on, at 00:00 local time'),
  queue: z.enum(['fifo', 'priority']).default('fifo').describe('fifo: first reported, first repaired; priority: most hashrate lost first'),
});

const repairsSchema = z.strictObject({
  handsOnHours: handsOnHours.default(handsOnHours.parse({})).describe('median hands-on time to fix one fault of each kind on site (lognormal)'),
  handsOnSpread: z.number().min(0).max(3).default(0.6).describe('σ of ln(hands-on time): 0.6 puts 90 % within about ×0.37 … ×2.7 of the median'),
  repairCentrePct: repairCentrePct.default(repairCentrePct.parse({})).describe("chance a fault needs the vendor's repair centre (the rig is shipped away)"),
  repairCentreLead: duration(formatDuration(DEFAULT_SEND_AWAY.lead.medianUs)).describe('median door-to-door time at the repair centre (domain-facts §3.4: weeks)'),
  packing: duration(formatDuration(DEFAULT_SEND_AWAY.handlingUs)).describe('technician time to pull and pack a rig for the repair centre'),
});

const degradedChipsSchema = z.strictObject({
  min: pct.default(60),
  max: pct.default(90),
});

export const operationsSchema = z.strictObject({
  groups: z.array(id).min(1).optional().describe('fleet groups (containers) under operations; default every group'),
  failureRatesPctPerYear: ratesPct.default(ratesPct.parse({}))
    .describe('failures per component per year at the reference temperature, per board and per fan (domain-facts §3.4: 1–30 %/yr per rig in the field); chips = silent chip degradation'),
  heatAccelerationPer10C: z.number().positive().max(10).default(2)
    .describe('failure-rate multiplier per +10 °C of rig temperature (2: the 10-degree rule; 1: no effect of heat)'),
  referenceRigTempC: z.number().min(-50).max(150).optional()
    .describe("rig temperature at which the rates hold; default the rig's own at 25 °C intake and full load"),
  degradedChipsPct: degradedChipsSchema.default(degradedChipsSchema.parse({}))
    .describe('silent chip degradation leaves a rig hashing at a uniform share of nominal between min and max, while its API reports nominal'),
  detection: detectionSchema.default(detectionSchema.parse({})),
  technicians: techniciansSchema.default(techniciansSchema.parse({})),
  repairs: repairsSchema.default(repairsSchema.parse({})),
  spares: sparesSchema.default(sparesSchema.parse({})).describe("spare parts on each container's shelf, refilled one for one"),
});

export type OperationsSection = z.output<typeof operationsSchema>;

/** The fleet groups under operations: those named, or every group not leased out to the IaaS. */
export function operationsGroupIds(scenario: Scenario): string[] {
  const section = scenario.operations;
  if (section === undefined) return [];
  if (section.groups !== undefined) return [...section.groups];
  const leased = leasedFleetGroupIds(scenario);
  return scenario.fleet.map((g) => g.id).filter((groupId) => !leased.has(groupId));
}

function fleetOpsOptions(section: OperationsSection): OperationsConfig['fleetOps'] {
  const ratePerYear = {} as PerComponent<number>;
  const repairUs = {} as PerComponent<{ medianUs: number; sigma: number }>;
  const sendAwayProbability = {} as PerComponent<number>;
  for (const kind of COMPONENT_KINDS) {
    ratePerYear[kind] = section.failureRatesPctPerYear[kind] / 100;
    repairUs[kind] = { medianUs: Math.round(section.repairs.handsOnHours[kind] * US_PER_HOUR), sigma: section.repairs.handsOnSpread };
    sendAwayProbability[kind] = section.repairs.repairCentrePct[kind] / 100;
  }
  const spares = {} as PerPart<{ initial?: number; restockLeadUs: number }>;
  for (const part of PART_KINDS) spares[part] = { initial: section.spares[part].initial, restockLeadUs: section.spares[part].restockLead };
  return {
    failure: {
      ratePerYear,
      factorPer10C: section.heatAccelerationPer10C,
      degradedFraction: { min: section.degradedChipsPct.min / 100, max: section.degradedChipsPct.max / 100 },
    },
    detection: { pollUs: section.detection.pollEvery, shares: section.detection.shares },
    maintenance: {
      shifts: section.technicians.shifts.map((s) => ({ days: s.days.map((d) => DAY_NAMES.indexOf(d)), startHour: s.startHour, endHour: s.endHour, staff: s.staff })),
      weekOffsetUs: DAY_NAMES.indexOf(section.technicians.runStartsOn) * US_PER_DAY,
      discipline: section.technicians.queue,
      repairUs,
      sendAwayProbability,
      sendAway: { handlingUs: section.repairs.packing, lead: { medianUs: section.repairs.repairCentreLead, sigma: DEFAULT_SEND_AWAY.lead.sigma } },
      spares,
    },
  };
}

export function toOperationsConfig(scenario: Scenario, monitoringWindowUs: number): OperationsConfig | undefined {
  const section = scenario.operations;
  if (section === undefined) return undefined;
  return {
    groupIds: operationsGroupIds(scenario),
    fleetOps: fleetOpsOptions(section),
    referenceRigTempC: section.referenceRigTempC,
    confirmDegradedUs: section.detection.confirmDegraded ?? DEFAULT_CONFIRM_WINDOWS * monitoringWindowUs,
  };
}

export function crossCheckOperations(scenario: Scenario): ScenarioIssue[] {
  const section = scenario.operations;
  if (section === undefined) return [];
  const issues: ScenarioIssue[] = [];
  const fleet = new Map(scenario.fleet.map((g) => [g.id, g]));
  const leased = leasedFleetGroupIds(scenario);
  const repeated = duplicates(section.groups ?? []);
  (section.groups ?? []).forEach((groupId, i) => {
    const path = `operations.groups[${i}]`;
    if (!fleet.has(groupId)) issues.push({ path, message: `no fleet group "${groupId}" (fleet: ${[...fleet.keys()].join(', ')})` });
    else if (leased.has(groupId)) issues.push({ path, message: `fleet group "${groupId}" is leased to the IaaS, so it does not mine here` });
    if (repeated.has(groupId)) issues.push({ path, message: `"${groupId}" is listed more than once` });
  });
  if (section.degradedChipsPct.min > section.degradedChipsPct.max) {
    issues.push({ path: 'operations.degradedChipsPct.min', message: `must be ≤ max (${section.degradedChipsPct.max})` });
  }
  section.technicians.shifts.forEach((shift, i) => {
    if (new Set(shift.days).size !== shift.days.length) issues.push({ path: `operations.technicians.shifts[${i}].days`, message: 'must not repeat a day' });
  });
  if (issues.length === 0) {
    // Whatever the model still refuses (it names the field), reported at the section.
    try {
      resolveFleetOpsConfig({ ...fleetOpsOptions(section), rigCount: 1 });
    } catch (error) {
      issues.push({ path: 'operations', message: error instanceof Error ? error.message : String(error) });
    }
  }
  return issues;
}
