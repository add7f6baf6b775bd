// One partner app's devices over time: those enrolled at the start, Poisson joins and exponential
// stays (churn). Every device draws from a stream named by the partner, how it came and its number
// (start-i, join-k), so a partner with more devices at the start keeps the same joiners, and a
// partner added or resized leaves every other partner's devices as they were.
import type { RandomStream, Simulation } from '../../../engine/index.js';
import { US_PER_DAY } from '../../units.js';
import { schedulePoissonArrivals } from '../arrivals.js';
import type { DeviceAccrual } from './broker-books.js';
import type { ResolvedPartner } from './broker-config.js';
import { drawDevice, type DeviceSpec } from './device-draw.js';

export interface Device extends DeviceAccrual {
  readonly id: string;
  readonly partnerId: string;
  readonly spec: DeviceSpec;
  /** Hashrate rounded to whole H/s (at least 1), so work in hash·µs is an exact integer. */
  readonly hashrateHsInt: bigint;
  readonly joinedAtUs: number;
  leftAtUs: number | null;
}

export interface PopulationHooks {
  onJoined(device: Device, atStart: boolean): void;
  onLeft(device: Device): void;
}

/** Enrols the partner's starting devices now and schedules joins and leaves until untilUs. */
export function startPopulation(sim: Simulation, rng: RandomStream, partner: ResolvedPartner, untilUs: number, priority: number, hooks: PopulationHooks): void {
  let joins = 0;
  // A hazard too small to be a rate per µs (it underflows) means nobody leaves, as in arrivals.ts.
  const leaveRatePerUs = partner.hazardPerDay / US_PER_DAY;
  const enrol = (id: string, own: RandomStream, atStart: boolean): void => {
    const spec = drawDevice(own, partner.drawConfig);
    const hs = Math.round(spec.hashrateHs);
    const device: Device = {
      id, partnerId: partner.id, spec, hashrateHsInt: BigInt(hs > 0 ? hs : 1), joinedAtUs: sim.nowUs, leftAtUs: null,
      value: 0n, miningUs: 0, credits: 0n,
    };
    hooks.onJoined(device, atStart);
    if (leaveRatePerUs > 0) {
      const leaveUs = sim.nowUs + Math.max(1, Math.round(own.exponential(leaveRatePerUs)));
      if (leaveUs < untilUs) {
        sim.scheduleAt(leaveUs, () => {
          device.leftAtUs = sim.nowUs;
          hooks.onLeft(device);
        }, priority);
      }
    }
  };
  for (let i = 0; i < partner.initialDevices; i++) enrol(`${partner.id}:start-${i}`, rng.child(`start-${i}`), true);
  schedulePoissonArrivals(sim, rng.child('arrivals'), partner.arrivalsPerDay, untilUs, priority, () => {
    const k = joins++;
    enrol(`${partner.id}:join-${k}`, rng.child(`join-${k}`), false);
  });
}
