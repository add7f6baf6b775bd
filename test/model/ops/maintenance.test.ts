// Maintenance: fewer technicians → longer time to repair and busier staff; an empty shelf makes a
// repair wait for the restock; the repair-centre path takes weeks; work pauses at the end of a shift.
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../src/engine/index.js';
import type { FleetOpsOptions } from '../../../src/model/ops/index.js';
import { ALL_DAYS, aroundTheClock, createFleet, DAY, HOUR, NO_SEND_AWAY, runFleet, scaledRates, UNLIMITED_SPARES, YEAR } from './helpers.js';

const ONLY_PSU = { hashboard: 0, chips: 0, fan: 0, psu: 5, controller: 0 };
const entries = (log: readonly LogEntry[], type: string) => log.filter((e) => e.type === type);
const rigOf = (e: LogEntry) => (e.data as { rig: number }).rig;
/** When the rig's latest repair request at or before atUs was queued. */
function lastQueued(log: readonly LogEntry[], rig: number, atUs: number): number {
  let queuedAtUs = NaN;
  for (const e of log) if (e.type === 'RepairQueued' && rigOf(e) === rig && e.atUs <= atUs) queuedAtUs = e.atUs;
  return queuedAtUs;
}

describe('staffing', () => {
  /** A loaded crew: 200 rigs at 10× the default rates, 8-hour repairs, a 12-hour day shift of `staff`. */
  const loaded = (staff: number): FleetOpsOptions => ({
    rigCount: 200,
    failure: { ratePerYear: scaledRates(10) },
    maintenance: {
      shifts: [{ days: ALL_DAYS, startHour: 8, endHour: 20, staff }],
      repairUs: Object.fromEntries(['hashboard', 'chips', 'fan', 'psu', 'controller'].map((k) => [k, { medianUs: 8 * HOUR, sigma: 0.5 }])),
      spares: UNLIMITED_SPARES,
      sendAwayProbability: NO_SEND_AWAY,
    },
  });

  it('MTTR and utilisation grow as the crew shrinks (same seed, same failures)', () => {
    const bySize = [4, 2, 1].map((staff) => runFleet(createFleet(loaded(staff), 'crew'), YEAR));
    for (let i = 1; i < bySize.length; i++) {
      expect(bySize[i].meanTimeToRepairUs!).toBeGreaterThan(bySize[i - 1].meanTimeToRepairUs!);
      expect(bySize[i].staffUtilisation!).toBeGreaterThan(bySize[i - 1].staffUtilisation!);
      expect(bySize[i].availability!).toBeLessThan(bySize[i - 1].availability!);
    }
    for (const k of bySize) {
      expect(k.staffUtilisation!).toBeGreaterThan(0);
      expect(k.staffUtilisation!).toBeLessThanOrEqual(1);
      expect(k.repairsDone).toBeGreaterThan(100);
    }
    // One technician is swamped: the repair time is days, not hours.
    expect(bySize[2].meanTimeToRepairUs!).toBeGreaterThan(2 * DAY);
  });

  it('work left at the end of a shift pauses and resumes at the next', () => {
    const run = createFleet({
      rigCount: 20,
      failure: { ratePerYear: ONLY_PSU },
      maintenance: {
        shifts: [{ days: ALL_DAYS, startHour: 9, endHour: 17, staff: 1 }],
        repairUs: { psu: { medianUs: 6 * HOUR, sigma: 0.5 } },
        spares: UNLIMITED_SPARES,
      },
    }, 'shifts');
    const kpis = runFleet(run, 120 * DAY);
    const log = run.recorder.logged;
    const paused = entries(log, 'RepairPaused');
    expect(paused.length).toBeGreaterThan(0);
    for (const e of paused) {
      expect(e.atUs % DAY).toBe(17 * HOUR);
      expect((e.data as { remainingWorkUs: number }).remainingWorkUs).toBeGreaterThan(0);
    }
    for (const e of entries(log, 'RepairResumed')) expect(e.atUs % DAY).toBe(9 * HOUR);
    for (const e of entries(log, 'RepairStarted')) {
      expect(e.atUs % DAY).toBeGreaterThanOrEqual(9 * HOUR);
      expect(e.atUs % DAY).toBeLessThan(17 * HOUR);
    }
    expect(kpis.staffUtilisation!).toBeLessThanOrEqual(1);
  });
});

describe('spare parts', () => {
  const psuShelf = (initial: number): FleetOpsOptions => ({
    rigCount: 10,
    failure: { ratePerYear: ONLY_PSU },
    maintenance: {
      shifts: aroundTheClock(2),
      spares: { psu: { initial, restockLeadUs: 10 * DAY } },
      sendAwayProbability: NO_SEND_AWAY,
    },
  });

  it('when the shelf is empty the repair waits for the restock', () => {
    const run = createFleet(psuShelf(1), 'spares');
    const kpis = runFleet(run, 200 * DAY);
    const log = run.recorder.logged;
    const restockTimes = new Set(entries(log, 'SpareRestocked').map((e) => e.atUs));
    const waits = entries(log, 'RepairWaitedForParts');
    expect(kpis.partsWaits).toBeGreaterThanOrEqual(3);
    expect(waits.length).toBe(kpis.partsWaits);
    for (const wait of waits) {
      const start = log.find((e) => e.type === 'RepairStarted' && rigOf(e) === rigOf(wait) && e.atUs >= wait.atUs);
      if (start === undefined) continue; // still waiting at the horizon
      expect(start.atUs).toBeGreaterThan(wait.atUs);
      expect(restockTimes.has(start.atUs)).toBe(true);
    }
    // Same failures with a deep shelf: nobody waits and repairs are quicker.
    const deep = runFleet(createFleet(psuShelf(100), 'spares'), 200 * DAY);
    expect(deep.partsWaits).toBe(0);
    expect(kpis.meanTimeToRepairUs!).toBeGreaterThan(2 * deep.meanTimeToRepairUs!);
  });
});

describe('repair centre', () => {
  it('a sent-away rig is out for weeks and the technician only for the handling', () => {
    const run = createFleet({
      rigCount: 30,
      failure: { ratePerYear: { hashboard: 1, chips: 0, fan: 0, psu: 0, controller: 0 } },
      maintenance: { shifts: aroundTheClock(1), sendAwayProbability: { hashboard: 1 } },
    }, 'away');
    const kpis = runFleet(run, YEAR);
    const log = run.recorder.logged;
    expect(kpis.sentAway).toBeGreaterThan(10);
    expect(kpis.repairsDone).toBeLessThanOrEqual(kpis.sentAway);
    expect(kpis.meanTimeToRepairUs!).toBeGreaterThan(7 * DAY);
    for (const sent of entries(log, 'RigSentAway')) {
      const back = log.find((e) => e.type === 'RigRepaired' && rigOf(e) === rigOf(sent) && e.atUs >= sent.atUs)!;
      if (back === undefined) continue;
      expect(back.atUs - sent.atUs).toBe((sent.data as { leadUs: number }).leadUs);
      expect((back.data as { route: string }).route).toBe('sendAway');
    }
    // Handling is an hour a rig: the technician is nearly idle.
    expect(kpis.handsOnUs).toBe(kpis.sentAway * HOUR);
    expect(kpis.partsWaits).toBe(0);
  });
});

describe('queue discipline', () => {
  it("'priority' serves the rig losing most hashrate first: whole-rig faults wait less than fans", () => {
    const options = (discipline: 'fifo' | 'priority'): FleetOpsOptions => ({
      rigCount: 200,
      failure: { ratePerYear: { hashboard: 0, chips: 0, fan: 0.5, psu: 0.5, controller: 0 } },
      maintenance: {
        discipline,
        shifts: [{ days: ALL_DAYS, startHour: 8, endHour: 20, staff: 1 }],
        repairUs: { fan: { medianUs: 5 * HOUR, sigma: 0.3 }, psu: { medianUs: 5 * HOUR, sigma: 0.3 } },
        spares: UNLIMITED_SPARES,
      },
    });
    const waitByKind = (discipline: 'fifo' | 'priority') => {
      const run = createFleet(options(discipline), 'discipline');
      const kpis = runFleet(run, YEAR);
      const log = run.recorder.logged;
      const mean = (kind: string) => {
        const waits = entries(log, 'RepairStarted')
          .filter((e) => (e.data as { kinds: string[] }).kinds.join() === kind)
          .map((start) => start.atUs - lastQueued(log, rigOf(start), start.atUs));
        return waits.reduce((a, b) => a + b, 0) / waits.length;
      };
      return { psu: mean('psu'), fan: mean('fan'), kpis };
    };
    const fifo = waitByKind('fifo');
    const priority = waitByKind('priority');
    // Waits include the nights between 12-hour shifts, so even the first in line waits hours.
    expect(priority.psu).toBeLessThan(0.75 * priority.fan);
    expect(priority.psu).toBeLessThan(0.75 * fifo.psu);
    expect(priority.kpis.hashrateAvailability!).toBeGreaterThan(fifo.kpis.hashrateAvailability!);
  });
});
