// A homogeneous Poisson arrival process on the engine: devices and crowd nodes joining at a steady
// rate until a horizon, each gap drawn from the process's own stream.
import type { RandomStream, Simulation } from '../../engine/index.js';
import { US_PER_DAY } from '../units.js';

export function schedulePoissonArrivals(sim: Simulation, rng: RandomStream, perDay: number, untilUs: number, priority: number, onArrival: () => void): void {
  const ratePerUs = perDay / US_PER_DAY;
  if (!(ratePerUs > 0)) return;
  const scheduleNext = (): void => {
    const atUs = sim.nowUs + Math.max(1, Math.round(rng.exponential(ratePerUs)));
    if (atUs < untilUs) sim.scheduleAt(atUs, arrive, priority);
  };
  const arrive = (): void => {
    onArrival();
    scheduleNext();
  };
  scheduleNext();
}
