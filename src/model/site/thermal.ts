// Through-flow air containers and the rigs in them. In cold weather the container mixes a fraction r
// of its hot exhaust back into the intake to hold an intake setpoint; a rig's temperature follows
// from its intake and load, and it throttles or stops at its vendor's limits (domain-facts §3.1).
import type { RigModel } from '../hardware/index.js';
import { shown } from '../ledger/exact.js';
import { checkFinite, checkNonNegative, checkUnitInterval } from './_check.js';

export interface ContainerThermalInput {
  readonly ambientC: number;
  /** The intake temperature the recirculation damper aims for. */
  readonly setpointC: number;
  /** Largest recirculated fraction of the intake air, in [0, 1). */
  readonly rMax: number;
  /** Exhaust − intake at full load of every rig (°C). */
  readonly ratedDeltaC: number;
  /** Heat load as a fraction of full: Σ rig power fractions / rigs (see containerLoadFraction). */
  readonly loadFraction: number;
}

export interface ContainerThermal {
  readonly intakeC: number;
  readonly exhaustC: number;
  /** r: share of the intake air that is recirculated exhaust. */
  readonly recirculationFraction: number;
}

/**
 * Steady state of the mix. With exhaust = intake + ΔT·L and intake = (1−r)·ambient + r·exhaust,
 * intake = ambient + ΔT·L·r/(1−r). Below the setpoint the damper opens to
 * r* = (setpoint − ambient) / (setpoint − ambient + ΔT·L), which gives intake = setpoint exactly,
 * limited to rMax (with no heat r* would be 1: the damper saturates at rMax and intake stays ambient).
 * At or above the setpoint all air is fresh (r = 0). Intake is never below ambient and never falls
 * as ambient rises.
 */
export function containerThermal(input: ContainerThermalInput): ContainerThermal {
  const ambientC = checkFinite('ambientC', input.ambientC);
  const setpointC = checkFinite('setpointC', input.setpointC);
  const { rMax } = input;
  if (typeof rMax !== 'number' || !(rMax >= 0 && rMax < 1)) throw new RangeError(`rMax must be a number in [0, 1), got ${shown(rMax)}`);
  const heatC = checkNonNegative('ratedDeltaC', input.ratedDeltaC) * checkUnitInterval('loadFraction', input.loadFraction);
  if (ambientC >= setpointC) return { intakeC: ambientC, exhaustC: ambientC + heatC, recirculationFraction: 0 };
  const gapC = setpointC - ambientC;
  const rNeeded = heatC > 0 ? gapC / (gapC + heatC) : 1;
  if (rNeeded <= rMax) return { intakeC: setpointC, exhaustC: setpointC + heatC, recirculationFraction: rNeeded };
  const intakeC = ambientC + (heatC * rMax) / (1 - rMax);
  // Rounding must not carry a saturated damper past the setpoint it could not reach.
  const heldC = Math.min(intakeC, setpointC);
  return { intakeC: heldC, exhaustC: heldC + heatC, recirculationFraction: rMax };
}

/** Container load: mean power fraction over its rig slots (a rig off, failed or curtailed counts 0). */
export function containerLoadFraction(powerFractions: readonly number[]): number {
  if (powerFractions.length === 0) return 0;
  let sum = 0;
  powerFractions.forEach((f, i) => { sum += checkUnitInterval(`powerFractions[${i}]`, f); });
  return Math.min(1, sum / powerFractions.length);
}

export type RigThermalStatus = 'ok' | 'throttled' | 'shutdown';

/** Default rise of a rig's temperature when a fan has failed (°C) — an assumption [D], tune per scenario. */
export const DEFAULT_FAN_FAILURE_RISE_C = 10;

export interface RigStateInput {
  readonly intakeC: number;
  readonly model: Pick<RigModel, 'thermal'>;
  /** False when one of the rig's fans has failed. */
  readonly fanOk: boolean;
  /** How much hotter a rig with a failed fan runs (°C, ≥ 0). Default DEFAULT_FAN_FAILURE_RISE_C. */
  readonly fanFailureRiseC?: number;
}

export interface RigState {
  /** The rig's exhaust-side temperature: intake + ratedΔT·powerFraction (+ the fan-failure rise). */
  readonly tempC: number;
  readonly status: RigThermalStatus;
  readonly hashrateFraction: number;
  readonly powerFraction: number;
}

/**
 * A rig's thermal state. The vendor limits are on intake air at full load with working fans, so the
 * rig compares intake + fan-failure rise with them: a rig with a failed fan behaves as if its intake
 * were that much hotter. Above throttleAboveC it runs at the throttled hashrate and power; above
 * shutdownAboveC it stops and its temperature falls to its intake. No hysteresis: the caller holds
 * state if it wants some. Throttling or stopping cools a rig, so its temperature is monotone in intake
 * only within one status; the status itself never improves as intake rises.
 */
export function rigState(input: RigStateInput): RigState {
  const intakeC = checkFinite('intakeC', input.intakeC);
  const riseC = input.fanOk ? 0 : checkNonNegative('fanFailureRiseC', input.fanFailureRiseC ?? DEFAULT_FAN_FAILURE_RISE_C);
  const t = input.model.thermal;
  const equivalentIntakeC = intakeC + riseC;
  if (equivalentIntakeC > t.shutdownAboveC) return { tempC: intakeC, status: 'shutdown', hashrateFraction: 0, powerFraction: 0 };
  const throttled = equivalentIntakeC > t.throttleAboveC;
  const powerFraction = throttled ? t.throttledPowerFraction : 1;
  return {
    tempC: equivalentIntakeC + t.ratedDeltaC * powerFraction,
    status: throttled ? 'throttled' : 'ok',
    hashrateFraction: throttled ? t.throttledHashrateFraction : 1,
    powerFraction,
  };
}
