// A rental that starts while one of the workers it needs is out (on the bench) starts short; once the
// worker is back and trusted, the rental takes it, and its downtime ends there — it does not stay
// short for its whole period.
import { describe, expect, it } from 'vitest';
import { createRoot, createSimulation } from '../../../src/engine/index.js';
import { createRentalScheduler, type RentalEvent } from '../../../src/model/market/rentals/index.js';
import { US_PER_HOUR, US_PER_MIN } from '../../../src/model/units.js';
import { D, H } from './rental-fixture.js';
import { feedShares } from './share-feeder.js';

describe('topping up a rental that started short', () => {
  it('takes a worker back from repair once it has been alive for failbackAfter', () => {
    const sim = createSimulation();
    const events: RentalEvent[] = [];
    const scheduler = createRentalScheduler(sim, {}, { onEvent: (e) => events.push(e) });
    scheduler.addWorker('w1', H);
    scheduler.addWorker('w2', H);
    const BACK_US = 3 * US_PER_HOUR;
    // w2 is on the bench from before the rental until BACK_US, and hashes at full speed after.
    scheduler.setWorkerAvailable('w2', false);
    sim.scheduleAt(BACK_US, () => scheduler.setWorkerAvailable('w2', true));
    scheduler.addRental({ id: 'r1', customerId: 'c1', hashrateHs: 2 * H, startUs: US_PER_HOUR, endUs: 12 * US_PER_HOUR, priceMicroUsd: 12_000_000n });
    feedShares(sim, scheduler, [{ id: 'w1', hashrateAt: () => H }, { id: 'w2', hashrateAt: (atUs) => (atUs < BACK_US ? 0 : H) }], {
      stepUs: US_PER_MIN, shareDifficulty: D, untilUs: 12 * US_PER_HOUR, root: createRoot(5),
    });
    sim.run();
    const types = events.filter((e) => e.rentalId === 'r1').map((e) => e.type);
    expect(types.slice(0, 2)).toEqual(['RentalStarted', 'RentalUnderProvisioned']);
    const toppedUp = events.find((e) => e.type === 'RentalToppedUp')!;
    // Back at 3 h, judged alive within a window of shares, then trusted after 30 more minutes alive.
    expect(toppedUp.atUs).toBeGreaterThan(BACK_US + 30 * US_PER_MIN);
    expect(toppedUp.atUs).toBeLessThan(BACK_US + 60 * US_PER_MIN);
    const kpi = scheduler.kpis().rentals[0]!;
    // Impaired from the start (1 h) until the top-up: short by half, then whole.
    expect(kpi.downtimeUs).toBe(toppedUp.atUs - US_PER_HOUR);
    expect(kpi.deliveredHashes / kpi.soldHashes).toBeGreaterThan(0.7);
  });
});
