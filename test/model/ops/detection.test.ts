// Detection: hardware polling finds reported faults within one poll period but never silent chip
// degradation; the pool's share verdict (a real HealthTracker fed Poisson share counts at each rig's
// delivered hashrate) finds it.
import { describe, expect, it } from 'vitest';
import { createRoot } from '../../../src/engine/index.js';
import { nextPollAtUs, pollPhaseUs, type Alert, type FleetOpsOptions } from '../../../src/model/ops/index.js';
import { HealthTracker, TWO_32 } from '../../../src/model/shares/index.js';
import { aroundTheClock, createFleet, DAY, HOUR, runFleet, UNLIMITED_SPARES, type FleetRun } from './helpers.js';

const MIN = 60_000_000;

describe('poll timing', () => {
  it('the first poll strictly after a failure, polls staggered over the fleet', () => {
    expect(nextPollAtUs(0, 60, 10)).toBe(10);
    expect(nextPollAtUs(10, 60, 10)).toBe(70);
    expect(nextPollAtUs(69, 60, 10)).toBe(70);
    expect(nextPollAtUs(70, 60, 0)).toBe(120);
    expect([0, 1, 2, 3].map((rig) => pollPhaseUs(rig, 4, 60))).toEqual([0, 15, 30, 45]);
  });
});

describe('hardware polling', () => {
  it('alerts on boards, fans, PSU and controller within one poll period', () => {
    const alerts: Alert[] = [];
    const run = createFleet({
      rigCount: 50,
      failure: { ratePerYear: { hashboard: 1, chips: 0, fan: 1, psu: 1, controller: 1 } },
      detection: { pollUs: 5 * MIN, shares: false },
    }, 'polling', { onAlert: (alert) => alerts.push(alert) });
    const kpis = runFleet(run, 60 * DAY);
    expect(kpis.failures).toBeGreaterThan(30);
    expect(alerts.length).toBeGreaterThan(30);
    for (const alert of alerts) {
      expect(alert.channel).toBe('polling');
      for (const fault of alert.faults) {
        expect(alert.atUs - fault.failedAtUs).toBeGreaterThan(0);
        expect(alert.atUs - fault.failedAtUs).toBeLessThanOrEqual(5 * MIN);
      }
    }
    // Uniform over the period: mean ≈ half of it.
    expect(kpis.meanTimeToDetectUs! / (5 * MIN)).toBeGreaterThan(0.35);
    expect(kpis.meanTimeToDetectUs! / (5 * MIN)).toBeLessThan(0.65);
    expect(kpis.meanTimeToDetectUsByChannel.shares).toBeNull();
  });
});

/** Only silent chip degradation, to 60–75 % of nominal (below the pool's 80 % threshold). */
const CHIPS_ONLY: FleetOpsOptions = {
  rigCount: 10,
  failure: { ratePerYear: { hashboard: 0, chips: 12, fan: 0, psu: 0, controller: 0 }, degradedFraction: { min: 0.6, max: 0.75 } },
  maintenance: { shifts: aroundTheClock(2), spares: UNLIMITED_SPARES, sendAwayProbability: { chips: 0 } },
};

const HASHRATE_HS = 200e12;
const TICK_US = 5 * MIN;
const WINDOW_US = 30 * MIN;
/** One share per 15 s at nominal: 120 shares in a 30-minute window. */
const SHARE_DIFFICULTY = (HASHRATE_HS * 15) / TWO_32;

/**
 * The pool's side: every tick each rig's accepted shares are a Poisson count at its delivered
 * hashrate; its HealthTracker's verdict goes to the fleet. A repaired rig gets a fresh tracker.
 */
function feedShares(run: FleetRun, horizonUs: number): void {
  const { sim, ops } = run;
  const streams = createRoot('pool-side');
  const rngs = Array.from({ length: ops.rigCount }, (_, rig) => streams.stream(`rig-${rig}`));
  const tracker = (atUs: number) => new HealthTracker({ expectedHashrateHs: HASHRATE_HS, windowUs: WINDOW_US, binUs: TICK_US, startedAtUs: atUs });
  const trackers = Array.from({ length: ops.rigCount }, () => tracker(0));
  const tick = () => {
    const atUs = sim.nowUs;
    for (let rig = 0; rig < ops.rigCount; rig++) {
      if (ops.status(rig) === 'inRepair') {
        trackers[rig] = tracker(atUs);
        continue;
      }
      const meanShares = (ops.effectiveHashrateFraction(rig) * HASHRATE_HS * (TICK_US / 1e6)) / (SHARE_DIFFICULTY * TWO_32);
      const count = rngs[rig].poisson(meanShares);
      trackers[rig].onShares(atUs, count, count * SHARE_DIFFICULTY, TICK_US);
      trackers[rig].evaluate(atUs);
      ops.shareVerdict(rig, trackers[rig].status, atUs);
    }
    if (atUs + TICK_US <= horizonUs) sim.schedule(TICK_US, tick);
  };
  sim.scheduleAt(TICK_US, tick);
}

describe('silent chip degradation', () => {
  const HORIZON = 30 * DAY;

  it('hardware polling misses it: the API reports nominal while the rig delivers less', () => {
    const run = createFleet({ ...CHIPS_ONLY, detection: { pollUs: MIN, shares: false } }, 'chips');
    const kpis = runFleet(run, HORIZON);
    expect(kpis.failuresByKind.chips).toBeGreaterThanOrEqual(5);
    expect(kpis.detectionsByChannel).toEqual({ polling: 0, shares: 0, onSite: 0 });
    expect(kpis.repairsDone).toBe(0);
    expect(kpis.undetectedFaults).toBe(kpis.failures);
    let degradedRigs = 0;
    for (let rig = 0; rig < run.ops.rigCount; rig++) {
      expect(run.ops.reportedHashrateFraction(rig)).toBe(1);
      if (run.ops.effectiveHashrateFraction(rig) < 1) degradedRigs++;
    }
    expect(degradedRigs).toBe(kpis.failures);
    expect(kpis.hashrateAvailability!).toBeLessThan(0.95);
  });

  it('the pool-side share verdict finds it, and the crew repairs it', () => {
    const run = createFleet({ ...CHIPS_ONLY, detection: { pollUs: MIN, shares: true } }, 'chips');
    feedShares(run, HORIZON);
    const kpis = runFleet(run, HORIZON);
    expect(kpis.failuresByKind.chips).toBeGreaterThanOrEqual(5);
    expect(kpis.detectionsByChannel.polling).toBe(0);
    expect(kpis.detectionsByChannel.shares).toBeGreaterThanOrEqual(kpis.failures - kpis.openFaults);
    expect(kpis.repairsDone).toBeGreaterThanOrEqual(5);
    // A 25–40 % shortfall shows within about a window or two of 30 minutes.
    expect(kpis.meanTimeToDetectUsByChannel.shares!).toBeLessThan(2 * HOUR);
    // Same failures (same seed) repaired: far more hash delivered than with polling alone.
    expect(kpis.hashrateAvailability!).toBeGreaterThan(0.99);
  });
});
