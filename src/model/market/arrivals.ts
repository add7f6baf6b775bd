// A homogeneous Poisson arrival process on the engine: devices and crowd nodes joining at a steady
// rate until a horizon, each gap drawn from the process's own stream.
import type { RandomStream, Simulation } from '../../engine/index.js';
import { US_PER_DAY } from '../units.js';
import { checkUs } from './_check.js';

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

/** The checks every market component's start(untilUs) makes: called once, with a horizon ahead of now. */
export function checkStart(started: boolean, sim: Simulation, untilUs: number): void {
  if (started) throw new RangeError('start must be called once, got a second call');
  checkUs('untilUs', untilUs);
  if (untilUs <= sim.nowUs) throw new RangeError(`untilUs must be > nowUs (${sim.nowUs}), got ${untilUs}`);
}
