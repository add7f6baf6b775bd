// Which rigs may run: all of them off when the price is above the ceiling, else the longest run of
// rigs in priority order whose facility draw (IT power × PUE) fits the site's capacity.
import { shown } from '../ledger/exact.js';
import { checkPositive } from './_check.js';

export interface CurtailableRig {
  readonly id: string;
  /** IT power of the rig when running (W). */
  readonly powerW: number;
  /** Higher runs first; equal priorities keep their input order. */
  readonly priority: number;
}

export interface CurtailmentInput {
  readonly rigs: readonly CurtailableRig[];
  readonly capacityKw: number;
  /** Facility power / IT power, ≥ 1. */
  readonly pue: number;
  readonly priceMicroUsdPerKWh: bigint;
  /** Curtail every rig when the price is strictly above this; undefined = no ceiling. */
  readonly priceCeilingMicroUsdPerKWh?: bigint;
}

export type CurtailmentReason = 'none' | 'capacity' | 'price';

export interface CurtailmentDecision {
  /** Ids allowed to run, in priority order. */
  readonly runningIds: readonly string[];
  /** Ids curtailed, in priority order. */
  readonly curtailedIds: readonly string[];
  /** Facility power of the running rigs (W). */
  readonly facilityPowerW: number;
  readonly reason: CurtailmentReason;
}

/**
 * The decision takes a prefix of the priority order, never skipping a rig that does not fit to run a
 * smaller one behind it: skipping would let low-priority rigs jump the queue and would make the
 * number running fall as capacity grows (rigs of 6, 5, 1, 1, 1, 1 kW: 10 kW would run 5, 11 kW 2).
 * With a prefix, more capacity never runs fewer rigs and a higher ceiling never curtails more.
 */
export function decideCurtailment(input: CurtailmentInput): CurtailmentDecision {
  const capacityW = checkPositive('capacityKw', input.capacityKw) * 1000;
  if (typeof input.pue !== 'number' || !(input.pue >= 1 && input.pue < Infinity)) {
    throw new RangeError(`pue must be a finite number ≥ 1, got ${shown(input.pue)}`);
  }
  if (typeof input.priceMicroUsdPerKWh !== 'bigint') throw new RangeError(`priceMicroUsdPerKWh must be a bigint, got ${shown(input.priceMicroUsdPerKWh)}`);
  const ceiling = input.priceCeilingMicroUsdPerKWh;
  if (ceiling !== undefined && typeof ceiling !== 'bigint') throw new RangeError(`priceCeilingMicroUsdPerKWh must be a bigint, got ${shown(ceiling)}`);

  const seen = new Set<string>();
  input.rigs.forEach((rig, i) => {
    if (typeof rig.id !== 'string' || rig.id === '' || seen.has(rig.id)) throw new RangeError(`rigs[${i}].id must be a unique non-empty string, got ${shown(rig.id)}`);
    seen.add(rig.id);
    if (typeof rig.powerW !== 'number' || !(rig.powerW >= 0 && rig.powerW < Infinity)) throw new RangeError(`rigs[${i}].powerW must be a finite number ≥ 0, got ${shown(rig.powerW)}`);
    if (typeof rig.priority !== 'number' || !Number.isFinite(rig.priority)) throw new RangeError(`rigs[${i}].priority must be a finite number, got ${shown(rig.priority)}`);
  });
  // Array.prototype.sort is stable (ES2019), so equal priorities keep their input order.
  const ordered = input.rigs.map((rig) => rig).sort((a, b) => b.priority - a.priority);
  const ids = ordered.map((rig) => rig.id);

  if (ceiling !== undefined && input.priceMicroUsdPerKWh > ceiling) {
    return { runningIds: [], curtailedIds: ids, facilityPowerW: 0, reason: 'price' };
  }
  let itPowerW = 0;
  let running = 0;
  while (running < ordered.length && (itPowerW + ordered[running].powerW) * input.pue <= capacityW) {
    itPowerW += ordered[running].powerW;
    running++;
  }
  return {
    runningIds: ids.slice(0, running),
    curtailedIds: ids.slice(running),
    facilityPowerW: itPowerW * input.pue,
    reason: running === ordered.length ? 'none' : 'capacity',
  };
}
