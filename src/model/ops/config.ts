// The operations model's configuration, its defaults with their sources, and the merge of a partial
// scenario over them (validated; every error names its path).
import { US_PER_DAY, US_PER_HOUR, US_PER_MIN } from '../units.js';
import { checkCount } from './_check.js';
import { checkRigSpec, COMPONENT_KINDS, componentCount, DEFAULT_RIG_SPEC, PART_FOR, PART_KINDS, type PartKind, type PerComponent, type PerPart, type RigSpec } from './components.js';
import { checkDetectionConfig, DEFAULT_POLL_US, type DetectionConfig } from './detection.js';
import { checkFailureConfig, US_PER_YEAR, type FailureConfig } from './failures.js';
import { checkMaintenanceConfig, type LognormalSpec, type MaintenanceConfig, type SendAwaySpec } from './maintenance.js';
import { EVERY_DAY, type Shift } from './shifts.js';
import { checkSpares, type SpareSpec } from './spares.js';

export interface FleetOpsConfig {
  rigCount: number;
  rig: RigSpec;
  failure: FailureConfig;
  detection: DetectionConfig;
  maintenance: MaintenanceConfig;
}

/** What a scenario may set; everything but rigCount has a default. */
export interface FleetOpsOptions {
  rigCount: number;
  rig?: Partial<RigSpec>;
  failure?: Partial<Omit<FailureConfig, 'ratePerYear'>> & { ratePerYear?: Partial<PerComponent<number>> };
  detection?: Partial<DetectionConfig>;
  maintenance?: Partial<Omit<MaintenanceConfig, 'repairUs' | 'sendAwayProbability' | 'sendAway' | 'spares'>> & {
    repairUs?: Partial<PerComponent<LognormalSpec>>;
    sendAwayProbability?: Partial<PerComponent<number>>;
    sendAway?: Partial<SendAwaySpec>;
    spares?: Partial<PerPart<Partial<SpareSpec>>>;
  };
}

/**
 * Failures per component-year at refTempC. §3.4 of domain-facts gives only rig-level figures (Bitmain
 * "expected" ≤ 5 %, operators ~10 % for S19 XP, field reports 5–30 %); each default sits inside that
 * 1–30 %/yr envelope and together they make 23 %/yr for a 3-board, 4-fan rig: boards 3 × 3 %, silent
 * chip degradation 2 %, fans 4 × 2 % (fans and PSU fans lead the field complaints), PSU 3 %,
 * controller 1 %. Assumptions [D]: tune per scenario.
 */
export const DEFAULT_RATE_PER_YEAR: Readonly<PerComponent<number>> = Object.freeze({
  hashboard: 0.03, chips: 0.02, fan: 0.02, psu: 0.03, controller: 0.01,
});

/** σ of ln(hands-on time): a 90 % range of about ×0.37 … ×2.7 around the median [D]. */
const REPAIR_SIGMA = 0.6;

/**
 * Hands-on medians [D]: Compass Mining reports ~10 units per technician per day (≈ 1 h each) and ~4
 * for the S19 XP (domain-facts §3.4); a fan swap is quicker, a board or chip diagnosis slower, so
 * repairs take from under an hour to most of a day.
 */
export const DEFAULT_REPAIR_US: Readonly<PerComponent<LognormalSpec>> = Object.freeze({
  hashboard: { medianUs: 2 * US_PER_HOUR, sigma: REPAIR_SIGMA },
  chips: { medianUs: 4 * US_PER_HOUR, sigma: REPAIR_SIGMA },
  fan: { medianUs: 30 * US_PER_MIN, sigma: REPAIR_SIGMA },
  psu: { medianUs: US_PER_HOUR, sigma: REPAIR_SIGMA },
  controller: { medianUs: 2 * US_PER_HOUR, sigma: REPAIR_SIGMA },
});

/** Placeholders [D]: some board, chip and controller faults need the vendor's repair centre. */
export const DEFAULT_SEND_AWAY_PROBABILITY: Readonly<PerComponent<number>> = Object.freeze({
  hashboard: 0.2, chips: 0.3, fan: 0, psu: 0, controller: 0.1,
});

/** "Weeks lost to warranty/repair logistics" (domain-facts §3.4): median 3 weeks, 90 % in ~9–48 days [D]. */
export const DEFAULT_SEND_AWAY: Readonly<SendAwaySpec> = Object.freeze({
  handlingUs: US_PER_HOUR,
  lead: { medianUs: 21 * US_PER_DAY, sigma: 0.5 },
});

/** Restock lead times [D]: fans ship in a week, PSUs and controllers in two, hashboards in four. */
export const DEFAULT_RESTOCK_LEAD_US: Readonly<PerPart<number>> = Object.freeze({
  hashboard: 28 * US_PER_DAY,
  fan: 7 * US_PER_DAY,
  psu: 14 * US_PER_DAY,
  controller: 14 * US_PER_DAY,
});

/**
 * The default shelf for a part: twice the expected on-site demand over one restock lead, plus one
 * [D] — a base-stock level with ample safety for Poisson demand (short less than ~1 % of leads for
 * demands of a few parts), so the default scales with the fleet and its failure rates.
 */
export function defaultSpareLevel(
  part: PartKind,
  config: Pick<FleetOpsConfig, 'rigCount' | 'rig' | 'failure'> & { maintenance: Pick<MaintenanceConfig, 'sendAwayProbability'> },
  restockLeadUs: number,
): number {
  let demandPerYear = 0;
  for (const kind of COMPONENT_KINDS) {
    if (PART_FOR[kind] !== part) continue;
    const onSite = 1 - config.maintenance.sendAwayProbability[kind];
    demandPerYear += config.rigCount * componentCount(config.rig, kind) * config.failure.ratePerYear[kind] * onSite;
  }
  return Math.ceil((2 * demandPerYear * restockLeadUs) / US_PER_YEAR) + 1;
}

/** One technician on a 12-hour day shift, every day, 08:00–20:00 local [D]. */
export const DEFAULT_SHIFTS: readonly Shift[] = Object.freeze([{ days: EVERY_DAY, startHour: 8, endHour: 20, staff: 1 }]);

/** Merges options over the defaults and validates the result. */
export function resolveFleetOpsConfig(options: FleetOpsOptions): FleetOpsConfig {
  checkCount('rigCount', options.rigCount);
  const failure = options.failure ?? {};
  const maintenance = options.maintenance ?? {};
  const repairUs = {} as PerComponent<LognormalSpec>;
  for (const kind of COMPONENT_KINDS) repairUs[kind] = { ...DEFAULT_REPAIR_US[kind], ...maintenance.repairUs?.[kind] };
  const config: FleetOpsConfig = {
    rigCount: options.rigCount,
    rig: { ...DEFAULT_RIG_SPEC, ...options.rig },
    failure: {
      ratePerYear: { ...DEFAULT_RATE_PER_YEAR, ...failure.ratePerYear },
      refTempC: failure.refTempC ?? 25,
      factorPer10C: failure.factorPer10C ?? 2,
      degradedFraction: { ...(failure.degradedFraction ?? { min: 0.6, max: 0.9 }) },
    },
    detection: { pollUs: DEFAULT_POLL_US, shares: true, ...options.detection },
    maintenance: {
      shifts: maintenance.shifts ?? DEFAULT_SHIFTS,
      weekOffsetUs: maintenance.weekOffsetUs ?? 0,
      discipline: maintenance.discipline ?? 'fifo',
      repairUs,
      sendAwayProbability: { ...DEFAULT_SEND_AWAY_PROBABILITY, ...maintenance.sendAwayProbability },
      sendAway: { ...DEFAULT_SEND_AWAY, ...maintenance.sendAway, lead: { ...DEFAULT_SEND_AWAY.lead, ...maintenance.sendAway?.lead } },
      spares: {} as PerPart<SpareSpec>,
    },
  };
  checkRigSpec(config.rig);
  checkFailureConfig(config.failure);
  checkDetectionConfig(config.detection);
  checkMaintenanceConfig(config.maintenance);
  // The default shelf follows from the (now valid) fleet, rates and repair routes.
  for (const part of PART_KINDS) {
    const given = maintenance.spares?.[part];
    const restockLeadUs = given?.restockLeadUs ?? DEFAULT_RESTOCK_LEAD_US[part];
    config.maintenance.spares[part] = { initial: given?.initial ?? defaultSpareLevel(part, config, restockLeadUs), restockLeadUs };
  }
  checkSpares(config.maintenance.spares);
  return config;
}
