// What a rig model is (hashrate, power, components, thermal limits) and the check of a scenario's
// own model: every problem is reported with its path, as the scenario layer reports (DESIGN.md).
import { shown } from '../ledger/exact.js';
import { HS_PER_THS } from '../units.js';

export type Algorithm = 'sha256d' | 'ethash';
export type RigKind = 'asic' | 'gpu' | 'cpu' | 'phone';

export const ALGORITHMS: readonly Algorithm[] = ['sha256d', 'ethash'];
export const RIG_KINDS: readonly RigKind[] = ['asic', 'gpu', 'cpu', 'phone'];

/** Parts that fail and are repaired one by one (domain-facts §3.4 modelling hint). */
export interface RigComponents {
  /** Hashboards; a GPU rig counts its GPUs here, a phone its one SoC board. */
  readonly hashboards: number;
  readonly fans: number;
  readonly psus: number;
  readonly controllers: number;
}

/**
 * Thermal limits, as the vendors state them: in intake (ambient) air temperature for a rig at full
 * load with working fans. site/thermal.ts turns them into limits on the rig's own temperature.
 */
export interface ThermalLimits {
  /** The rig underclocks when its intake is hotter than this. */
  readonly throttleAboveC: number;
  /** The rig stops when its intake is hotter than this (> throttleAboveC). */
  readonly shutdownAboveC: number;
  /** Exhaust − intake air temperature at full load (°C, ≥ 0). */
  readonly ratedDeltaC: number;
  /** Hashrate while throttled, as a fraction of nominal, in (0, 1]. */
  readonly throttledHashrateFraction: number;
  /** Power while throttled, as a fraction of nominal, in (0, 1]. */
  readonly throttledPowerFraction: number;
}

export interface RigModel {
  readonly id: string;
  readonly name: string;
  readonly kind: RigKind;
  readonly algorithm: Algorithm;
  /** Nominal hashrate at the wall's nominal power, in hashes per second. */
  readonly hashrateHs: number;
  /** Nominal wall power (W). */
  readonly powerW: number;
  readonly components: RigComponents;
  readonly thermal: ThermalLimits;
  /** Where the figures come from, with domain-facts evidence tags ([O] [M] [S] [R] [D]). */
  readonly source: string;
}

/** A scenario's model: like RigModel, but the source may be left out. */
export type RigModelInput = Omit<RigModel, 'source'> & { readonly source?: string };

/** One problem with a candidate model; path is relative to the model (`thermal.ratedDeltaC`). */
export interface ModelIssue {
  readonly path: string;
  readonly message: string;
}

export const SCENARIO_SOURCE = 'scenario-defined';

/** Joules per terahash: powerW / hashrate in TH/s (S21: 3500 W / 200 TH/s = 17.5 J/TH). */
export function efficiencyJPerTh(model: Pick<RigModel, 'powerW' | 'hashrateHs'>): number {
  return model.powerW / (model.hashrateHs / HS_PER_THS);
}

type Check = (value: unknown) => string | undefined;

const finite: Check = (v) => (typeof v === 'number' && Number.isFinite(v) ? undefined : `must be a finite number, got ${shown(v)}`);
const positive: Check = (v) => (typeof v === 'number' && v > 0 && v < Infinity ? undefined : `must be a finite number > 0, got ${shown(v)}`);
const nonNegative: Check = (v) => (typeof v === 'number' && v >= 0 && v < Infinity ? undefined : `must be a finite number ≥ 0, got ${shown(v)}`);
const fraction: Check = (v) => (typeof v === 'number' && v > 0 && v <= 1 ? undefined : `must be a number in (0, 1], got ${shown(v)}`);
const text: Check = (v) => (typeof v === 'string' && v.trim() !== '' ? undefined : `must be a non-empty string, got ${shown(v)}`);
const count = (min: number): Check => (v) =>
  Number.isSafeInteger(v) && (v as number) >= min ? undefined : `must be a whole number ≥ ${min}, got ${shown(v)}`;
const oneOf = (options: readonly string[]): Check => (v) =>
  typeof v === 'string' && options.includes(v) ? undefined : `must be one of ${options.map((o) => `'${o}'`).join(', ')}, got ${shown(v)}`;

const TOP: [string, Check][] = [
  ['id', text], ['name', text], ['kind', oneOf(RIG_KINDS)], ['algorithm', oneOf(ALGORITHMS)],
  ['hashrateHs', positive], ['powerW', positive],
];
const COMPONENTS: [string, Check][] = [['hashboards', count(1)], ['fans', count(0)], ['psus', count(0)], ['controllers', count(0)]];
const THERMAL: [string, Check][] = [
  ['throttleAboveC', finite], ['shutdownAboveC', finite], ['ratedDeltaC', nonNegative],
  ['throttledHashrateFraction', fraction], ['throttledPowerFraction', fraction],
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkFields(record: Record<string, unknown>, prefix: string, checks: [string, Check][], out: ModelIssue[]): void {
  for (const [key, check] of checks) {
    const message = check(record[key]);
    if (message !== undefined) out.push({ path: prefix + key, message });
  }
}

/** Every problem with a candidate model, in field order; empty when it is a valid model. */
export function modelIssues(candidate: unknown): ModelIssue[] {
  if (!isRecord(candidate)) return [{ path: '(root)', message: `must be a mapping, got ${shown(candidate)}` }];
  const out: ModelIssue[] = [];
  checkFields(candidate, '', TOP, out);
  for (const [key, checks] of [['components', COMPONENTS], ['thermal', THERMAL]] as const) {
    const part = candidate[key];
    if (isRecord(part)) checkFields(part, `${key}.`, checks, out);
    else out.push({ path: key, message: `must be a mapping, got ${shown(part)}` });
  }
  const thermal = candidate.thermal;
  if (isRecord(thermal) && finite(thermal.throttleAboveC) === undefined && finite(thermal.shutdownAboveC) === undefined
    && !((thermal.shutdownAboveC as number) > (thermal.throttleAboveC as number))) {
    out.push({ path: 'thermal.shutdownAboveC', message: `must be > throttleAboveC (${thermal.throttleAboveC}), got ${shown(thermal.shutdownAboveC)}` });
  }
  if (candidate.source !== undefined) {
    const message = text(candidate.source);
    if (message !== undefined) out.push({ path: 'source', message });
  }
  return out;
}

/**
 * A scenario's own model, checked and frozen (a copy: later changes to the input do not leak in).
 * Throws one RangeError listing every problem; the scenario layer can call modelIssues instead.
 */
export function defineModel(candidate: RigModelInput): RigModel {
  const issues = modelIssues(candidate);
  if (issues.length > 0) {
    throw new RangeError(`model is invalid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  }
  const { components: c, thermal: t } = candidate;
  return Object.freeze({
    id: candidate.id,
    name: candidate.name,
    kind: candidate.kind,
    algorithm: candidate.algorithm,
    hashrateHs: candidate.hashrateHs,
    powerW: candidate.powerW,
    components: Object.freeze({ hashboards: c.hashboards, fans: c.fans, psus: c.psus, controllers: c.controllers }),
    thermal: Object.freeze({
      throttleAboveC: t.throttleAboveC,
      shutdownAboveC: t.shutdownAboveC,
      ratedDeltaC: t.ratedDeltaC,
      throttledHashrateFraction: t.throttledHashrateFraction,
      throttledPowerFraction: t.throttledPowerFraction,
    }),
    source: candidate.source ?? SCENARIO_SOURCE,
  });
}
