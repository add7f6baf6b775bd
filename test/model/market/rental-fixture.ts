// A one-rental scenario for the failover tests: a rented S21-class worker w1, a spare s1, Poisson
// share batches every minute at each worker's true hashrate, and a hardware verdict that only
// knows what the miner's own API reports.
import { createRoot, createSimulation } from '../../../src/engine/index.js';
import { createRentalScheduler, type RentalEvent, type RentalKpis, type RentalSchedulerConfig } from '../../../src/model/market/rentals/index.js';
import { difficultyForSharePeriod, type WorkerHealth } from '../../../src/model/shares/index.js';
import { US_PER_HOUR, US_PER_MIN } from '../../../src/model/units.js';
import { feedShares } from './share-feeder.js';

export const H = 200e12;
/** One share per 15 s at 200 TH/s: N = 40 shares in the default 10-min window (domain-facts §2.1). */
export const D = difficultyForSharePeriod(H, 15);

export interface RentalRun {
  kpis: RentalKpis;
  events: RentalEvent[];
}

export interface RentalScenario {
  readonly config: RentalSchedulerConfig;
  readonly seed: number;
  readonly hours: number;
  /** w1's true hashrate. */
  readonly w1At: (atUs: number) => number;
  /** What w1's hardware reports (the spare always reports alive). */
  readonly w1Hardware?: (atUs: number) => WorkerHealth;
  readonly withSpare?: boolean;
}

export function runRental(s: RentalScenario): RentalRun {
  const sim = createSimulation();
  const events: RentalEvent[] = [];
  const scheduler = createRentalScheduler(sim, s.config, {
    onEvent: (e) => events.push(e),
    hardwareVerdict: (id, atUs) => (id === 'w1' && s.w1Hardware !== undefined ? s.w1Hardware(atUs) : 'alive'),
  });
  scheduler.addWorker('w1', H);
  const fed = [{ id: 'w1', hashrateAt: s.w1At }];
  if (s.withSpare !== false) {
    scheduler.addSpare('s1', H);
    fed.push({ id: 's1', hashrateAt: () => H });
  }
  const endUs = s.hours * US_PER_HOUR;
  scheduler.addRental({ id: 'r1', customerId: 'c1', hashrateHs: H, startUs: 0, endUs, priceMicroUsd: 24_000_000n });
  feedShares(sim, scheduler, fed, { stepUs: US_PER_MIN, shareDifficulty: D, untilUs: endUs, root: createRoot(s.seed) });
  sim.run();
  return { kpis: scheduler.kpis(), events };
}

export function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}
