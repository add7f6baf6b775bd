// Test harness: feeds a rental scheduler Poisson share batches per worker every stepUs, at each
// worker's true hashrate (which the hardware may or may not report), from the worker's own stream.
import type { RandomRoot, Simulation } from '../../../src/engine/index.js';
import type { RentalScheduler } from '../../../src/model/market/rentals/index.js';
import { expectedShares } from '../../../src/model/shares/index.js';

export interface FedWorker {
  readonly id: string;
  /** The hashrate the worker really delivers over [atUs, atUs + stepUs). */
  readonly hashrateAt: (atUs: number) => number;
}

export interface FeedOptions {
  readonly stepUs: number;
  readonly shareDifficulty: number;
  readonly untilUs: number;
  readonly root: RandomRoot;
}

/** Schedules the feed at priority 0, so it lands before the scheduler's checks (priority 1). */
export function feedShares(sim: Simulation, scheduler: RentalScheduler, workers: readonly FedWorker[], options: FeedOptions): void {
  const streams = workers.map((w) => options.root.stream(`worker/${w.id}`));
  const step = (): void => {
    const nowUs = sim.nowUs;
    workers.forEach((w, i) => {
      const hashrateHs = w.hashrateAt(nowUs - options.stepUs);
      const count = hashrateHs > 0 ? streams[i]!.poisson(expectedShares(hashrateHs, options.shareDifficulty, options.stepUs)) : 0;
      scheduler.onShares(w.id, nowUs, count, count * options.shareDifficulty, options.stepUs);
    });
    if (nowUs + options.stepUs <= options.untilUs) sim.schedule(options.stepUs, step, 0);
  };
  sim.schedule(options.stepUs, step, 0);
}
