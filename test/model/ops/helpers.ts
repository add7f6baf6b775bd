// Shared set-up for the operations tests: a fleet on a fresh Simulation with a Recorder, run to a
// horizon, with optional per-event checks.
import { createRoot, Recorder, Simulation } from '../../../src/engine/index.js';
import { createFleetOps, type FleetOps, type FleetOpsHooks, type FleetOpsKpis, type FleetOpsOptions } from '../../../src/model/ops/index.js';
import { US_PER_DAY } from '../../../src/model/units.js';

export const DAY = US_PER_DAY;
export const HOUR = US_PER_DAY / 24;
export const YEAR = 365.25 * US_PER_DAY;
export const ALL_DAYS = [0, 1, 2, 3, 4, 5, 6];
/** Round-the-clock crew of `staff`. */
export const aroundTheClock = (staff: number) => [{ days: ALL_DAYS, startHour: 0, endHour: 24, staff }];
export const NO_SEND_AWAY = { hashboard: 0, chips: 0, fan: 0, psu: 0, controller: 0 };
export const UNLIMITED_SPARES = {
  hashboard: { initial: Infinity }, fan: { initial: Infinity }, psu: { initial: Infinity }, controller: { initial: Infinity },
};

export interface FleetRun {
  sim: Simulation;
  ops: FleetOps;
  recorder: Recorder;
}

export function createFleet(options: FleetOpsOptions, seed: string | number, hooks: FleetOpsHooks = {}): FleetRun {
  const sim = new Simulation();
  const recorder = new Recorder({ slotUs: DAY, maxLogEntries: 1_000_000 });
  const ops = createFleetOps(sim, createRoot(seed).stream('site/ops'), options, { recorder, ...hooks });
  return { sim, ops, recorder };
}

/** Runs to horizonUs; afterEvent (if given) runs after every event. */
export function runFleet(run: FleetRun, horizonUs: number, afterEvent?: () => void): FleetOpsKpis {
  if (afterEvent === undefined) {
    run.sim.runUntil(horizonUs);
  } else {
    while (run.sim.peekAtUs() <= horizonUs) {
      run.sim.step();
      afterEvent();
    }
    run.sim.runUntil(horizonUs);
  }
  return run.ops.kpis();
}

/** Default rates times k. */
export function scaledRates(k: number) {
  return { hashboard: 0.03 * k, chips: 0.02 * k, fan: 0.02 * k, psu: 0.03 * k, controller: 0.01 * k };
}
