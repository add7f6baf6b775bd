// Share-based failover (DESIGN.md system 2): a rented worker that silently loses half its hashrate
// while its hardware reports OK is caught by its shares and failed over to a spare, and delivery
// recovers; the hardware-report mode never notices. Also: fail-back after repair with hysteresis,
// the operator's own take-out, and a failover with no spare left.
import { describe, expect, it } from 'vitest';
import { createRoot, createSimulation } from '../../../src/engine/index.js';
import { createRentalScheduler, slaCreditRule, type RentalEvent } from '../../../src/model/market/rentals/index.js';
import { DEFAULT_DEAD_AFTER_US } from '../../../src/model/shares/index.js';
import { US_PER_HOUR, US_PER_MIN } from '../../../src/model/units.js';
import { D, H, mean, runRental } from './rental-fixture.js';
import { feedShares } from './share-feeder.js';

const DROP_US = 12 * US_PER_HOUR;
const halfAfterDrop = (atUs: number): number => (atUs < DROP_US ? H : H / 2);

describe('silent degradation: shares vs. hardware reports', () => {
  const hourly = { refundWindowUs: US_PER_HOUR };
  const shares = runRental({ config: { ...hourly, monitoring: 'shares' }, seed: 7, hours: 48, w1At: halfAfterDrop });
  const hardware = runRental({ config: { ...hourly, monitoring: 'hardware' }, seed: 7, hours: 48, w1At: halfAfterDrop, w1Hardware: () => 'alive' });

  it('share mode fails over once, within confirm (2 windows) + detection of the drop', () => {
    const failovers = shares.events.filter((e) => e.type === 'RentalFailedOver');
    expect(failovers).toHaveLength(1);
    expect(failovers[0]).toMatchObject({ rentalId: 'r1', workerId: 'w1', replacementId: 's1' });
    expect(failovers[0]!.atUs).toBeGreaterThan(DROP_US + 20 * US_PER_MIN);
    expect(failovers[0]!.atUs).toBeLessThan(DROP_US + 40 * US_PER_MIN);
    // w1 stays at half speed, so it never earns the rental back.
    expect(shares.kpis.rentals[0]!.failbacks).toBe(0);
  });

  it('hardware mode never notices', () => {
    expect(hardware.events.filter((e) => e.type === 'RentalFailedOver')).toHaveLength(0);
    expect(hardware.kpis.rentals[0]!.failovers).toBe(0);
  });

  it('delivered hashrate recovers after the failover in share mode, and stays at half in hardware mode', () => {
    const shortfall = (run: typeof shares, from: number, to: number) => mean(run.kpis.rentals[0]!.windows.slice(from, to).map((w) => w.shortfallPct));
    // Hourly windows at N = 240 shares: ±6.5 % each (1σ), ±1.1 % over 34 windows.
    expect(shortfall(shares, 0, 12)).toBeLessThan(4);
    expect(shortfall(shares, 14, 48)).toBeLessThan(4);
    expect(shortfall(hardware, 14, 48)).toBeGreaterThan(45);
    expect(shortfall(hardware, 14, 48)).toBeLessThan(55);
  });

  it('the customer is refunded far less when the failover happens', () => {
    const sharesRefund = shares.kpis.totals.refundMicroUsd;
    const hardwareRefund = hardware.kpis.totals.refundMicroUsd;
    // 36 hours at half speed ≈ 36/48 · ½ · $24 = $9 in hardware mode.
    expect(Number(hardwareRefund)).toBeGreaterThan(8_000_000);
    expect(Number(sharesRefund)).toBeLessThan(Number(hardwareRefund) / 3);
  });
});

describe('dead worker, repair and fail-back', () => {
  const DIE_US = 6 * US_PER_HOUR;
  const FIX_US = 8 * US_PER_HOUR;
  const deadBetween = (atUs: number): number => (atUs >= DIE_US && atUs < FIX_US ? 0 : H);

  it('a silent worker is failed over after deadAfter, and taken back only after 30 min alive', () => {
    const run = runRental({ config: {}, seed: 3, hours: 24, w1At: deadBetween });
    const failover = run.events.find((e) => e.type === 'RentalFailedOver')!;
    const failback = run.events.find((e) => e.type === 'RentalFailedBack')!;
    expect(failover.atUs).toBeGreaterThanOrEqual(DIE_US + DEFAULT_DEAD_AFTER_US - US_PER_MIN);
    expect(failover.atUs).toBeLessThanOrEqual(DIE_US + DEFAULT_DEAD_AFTER_US + 2 * US_PER_MIN);
    expect(failback.atUs).toBeGreaterThanOrEqual(FIX_US + 30 * US_PER_MIN);
    expect(failback.atUs).toBeLessThan(FIX_US + 90 * US_PER_MIN);
    // Hysteresis: w1's last recovery before the fail-back is at least 30 min earlier (a false alarm
    // in between restarts the clock).
    const recovered = run.events.filter((e) => e.type === 'WorkerRecovered' && e.workerId === 'w1' && e.atUs <= failback.atUs);
    expect(failback.atUs - recovered[recovered.length - 1]!.atUs).toBeGreaterThanOrEqual(30 * US_PER_MIN);
    expect(failback.atUs - recovered[recovered.length - 1]!.atUs).toBeLessThanOrEqual(31 * US_PER_MIN);
    expect(run.kpis.rentals[0]).toMatchObject({ failovers: 1, failbacks: 1, missedFailovers: 0, downtimeUs: 0 });
  });

  it('hardware mode also fails over when the hardware itself reports the death', () => {
    const run = runRental({
      config: { monitoring: 'hardware' }, seed: 3, hours: 24, w1At: deadBetween,
      w1Hardware: (atUs) => (atUs >= DIE_US && atUs < FIX_US ? 'dead' : 'alive'),
    });
    const failover = run.events.find((e) => e.type === 'RentalFailedOver')!;
    expect(failover.atUs).toBeLessThanOrEqual(DIE_US + US_PER_MIN);
    expect(run.kpis.rentals[0]!.failbacks).toBe(1);
  });

  it('taking a worker out fails over at once; putting it back fails back after it proves itself', () => {
    const sim = createSimulation();
    const events: RentalEvent[] = [];
    const s = createRentalScheduler(sim, {}, { onEvent: (e) => events.push(e) });
    s.addWorker('w1', H);
    s.addSpare('s1', H);
    s.addRental({ id: 'r1', customerId: 'c1', hashrateHs: H, startUs: 0, endUs: 24 * US_PER_HOUR, priceMicroUsd: 1_000_000n });
    feedShares(sim, s, [{ id: 'w1', hashrateAt: deadBetween }, { id: 's1', hashrateAt: () => H }], { stepUs: US_PER_MIN, shareDifficulty: D, untilUs: 24 * US_PER_HOUR, root: createRoot(3) });
    sim.scheduleAt(DIE_US + 1, () => s.setWorkerAvailable('w1', false), 5);
    sim.scheduleAt(FIX_US + 1, () => s.setWorkerAvailable('w1', true), 5);
    sim.run();
    expect(events.find((e) => e.type === 'RentalFailedOver')!.atUs).toBe(DIE_US + 1);
    expect(events.find((e) => e.type === 'RentalFailedBack')!.atUs).toBeGreaterThanOrEqual(FIX_US + 30 * US_PER_MIN);
    expect(s.workerStatus('w1')).toMatchObject({ available: true, rentalId: null });
    expect(() => s.setWorkerAvailable('nope', false)).toThrow(/workerId must name a known worker, got "nope"/);
  });

  it('with no spare the failover is missed, downtime runs until repair, and the SLA rule credits it', () => {
    const run = runRental({ config: { refundRule: slaCreditRule() }, seed: 3, hours: 24, w1At: deadBetween, withSpare: false });
    const k = run.kpis.rentals[0]!;
    expect(k).toMatchObject({ failovers: 0, missedFailovers: 1 });
    expect(run.events.filter((e) => e.type === 'FailoverMissed')).toHaveLength(1);
    // Down from the dead verdict (~6h05) to the first alive verdict after the fix.
    expect(k.downtimeUs).toBeGreaterThan(FIX_US - DIE_US - DEFAULT_DEAD_AFTER_US - 2 * US_PER_MIN);
    expect(k.downtimeUs).toBeLessThan(FIX_US - DIE_US + 15 * US_PER_MIN);
    // Availability ≈ 92 % < 95 % → 100 % credit under the default AWS-shaped tiers.
    expect(k.refundMicroUsd).toBe(24_000_000n);
  });
});
