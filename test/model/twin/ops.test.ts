// Operations in the twin (DESIGN.md system 3): rigs fail, are found by polling or by the pool's shares,
// and are repaired; the fleet delivers and draws what its rigs can. Checked against the event log read
// back rig by rig, and as properties over seeds.
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../../src/scenario/index.js';
import { baseScenario, mean, runDoc } from './fixtures.js';
import { ALWAYS_ON_CREW, HOUR_US, opsDoc, powerFractionOf, ratesPct, replayRigs, rigsAt, statusOf } from './ops-fixtures.js';

const S21_BOARDS = 3;
const busy = ratesPct({ hashboard: 300, chips: 300, fan: 200, psu: 300, controller: 100 });

describe('operations: bookkeeping', () => {
  it('conserves rigs at every slot end, and its counts are the event log replayed rig by rig', () => {
    const result = runDoc(opsDoc({ failureRatesPctPerYear: busy }));
    expect(result.droppedEvents).toBe(0);
    const v = result.series.values;
    const states = replayRigs(result, 'g', 20);
    let sawRepair = false;
    let sawFaulty = false;
    for (let slot = 0; slot < result.series.slots; slot++) {
      expect(v['ops.rigsHealthy'][slot] + v['ops.rigsFaulty'][slot] + v['ops.rigsInRepair'][slot]).toBe(20);
      const replayed = rigsAt(states, (slot + 1) * HOUR_US, 20).map(statusOf);
      expect(v['ops.rigsHealthy'][slot]).toBe(replayed.filter((s) => s === 'healthy').length);
      expect(v['ops.rigsInRepair'][slot]).toBe(replayed.filter((s) => s === 'inRepair').length);
      expect(v['ops.healthyPct.g'][slot]).toBeCloseTo((100 * v['ops.rigsHealthy'][slot]) / 20, 6);
      sawRepair ||= v['ops.rigsInRepair'][slot] > 0;
      sawFaulty ||= v['ops.rigsFaulty'][slot] > 0;
    }
    expect(sawRepair && sawFaulty).toBe(true);
    expect(result.kpis['ops.failures']).toBeGreaterThan(30);
    expect(result.kpis['ops.repairsDone']).toBeGreaterThan(20);
  });

  it('bills the energy the rigs drew: none on the bench or with a dead PSU, a failed board less, curtailed rigs none', () => {
    const doc = opsDoc({ failureRatesPctPerYear: ratesPct({ hashboard: 600, psu: 900, controller: 300 }) }, { horizon: '20d' });
    // 58 kW of facility power fits 15 rigs of 3.5 kW × 1.1: the last 5 never run.
    doc.site = { pue: 1.1, powerPriceUSDperKWh: 0.05, capacityKW: 58 };
    const result = runDoc(doc);
    expect(result.droppedEvents).toBe(0);
    expect(result.kpis['ops.failures']).toBeGreaterThan(15);
    const states = replayRigs(result, 'g', 20);
    const running = 15;
    const times = [0, ...states.map((s) => s.atUs), result.horizonUs];
    let drawnKWh = 0;
    for (let i = 0; i + 1 < times.length; i++) {
      const rigs = rigsAt(states, times[i], 20);
      const fractions = rigs.slice(0, running).reduce((sum, rig) => sum + powerFractionOf(rig, S21_BOARDS), 0);
      drawnKWh += (fractions * 3500 * 1.1 * (times[i + 1] - times[i])) / HOUR_US / 1000;
    }
    expect(result.kpis.energyKWh).toBeCloseTo(drawnKWh, 2);
    expect(drawnKWh).toBeLessThan(running * 3.85 * 20 * 24 - 100);
    expect(result.kpis.energyCostUsd).toBeCloseTo(drawnKWh * 0.05, 1);
  });

  it('leaves the fleet exactly as it was when nothing fails (its draws are its own)', () => {
    const plain = baseScenario();
    plain.horizon = '3d';
    plain.site = { pue: 1.1, powerPriceUSDperKWh: 0.05 };
    plain.fleet = [{ id: 'g', count: 12, model: 'antminer-s21', pool: 'p', latencyMs: 80 }];
    const a = runDoc(plain);
    const b = runDoc({ ...plain, operations: { failureRatesPctPerYear: ratesPct({}) } });
    expect(b.ledger).toEqual(a.ledger);
    for (const key of ['sharesAccepted', 'sharesStale', 'fleetEarnedSat', 'fleetBlocksExpected', 'energyKWh', 'energyCostUsd', 'marginUsd']) {
      expect(b.kpis[key]).toBe(a.kpis[key]);
    }
    for (const [name, values] of Object.entries(a.series.values)) expect(b.series.values[name]).toEqual(values);
    expect(b.kpis['ops.availabilityPct']).toBe(100);
    expect(b.kpis['ops.failures']).toBe(0);
  });

  it('reports each container: a health heat map over its series, a table row, events with the group', () => {
    const doc = opsDoc({ failureRatesPctPerYear: busy }, { horizon: '10d' });
    doc.fleet = [
      { id: 'east', count: 10, model: 'antminer-s21', pool: 'p' },
      { id: 'west', count: 8, model: 'whatsminer-m60', pool: 'p' },
    ];
    const result = runDoc(doc);
    expect(result.heatmaps['ops.health'].rows).toEqual([
      { label: 'east', series: 'ops.healthyPct.east' },
      { label: 'west', series: 'ops.healthyPct.west' },
    ]);
    for (const row of result.heatmaps['ops.health'].rows) expect(result.series.values[row.series]).toHaveLength(result.series.slots);
    const rows = result.tables['ops.groups'];
    expect(rows.map((r) => [r.group, r.rigs])).toEqual([['east', 10], ['west', 8]]);
    expect(rows.reduce((s, r) => s + Number(r.failures), 0)).toBe(result.kpis['ops.failures']);
    const failed = result.events.filter((e) => e.type === 'ComponentFailed');
    expect(failed.length).toBe(result.kpis['ops.failures']);
    expect(new Set(failed.map((e) => (e.data as { group: string }).group))).toEqual(new Set(['east', 'west']));
    for (const type of ['FailureDetected', 'RepairStarted', 'RigRepaired']) expect(result.events.some((e) => e.type === type)).toBe(true);
  });
});

describe('operations: detection', () => {
  /**
   * Silent chip degradation to 50–70 % (under the pool's 80 % bar) and dead PSUs, fixed on site by a
   * 24/7 crew (a rig sent to the repair centre for weeks would lose more than its degraded chips do).
   */
  const silentChips = (shares: boolean) => ({
    failureRatesPctPerYear: ratesPct({ chips: 400, psu: 100 }),
    degradedChipsPct: { min: 50, max: 70 },
    detection: { shares },
    technicians: ALWAYS_ON_CREW,
    repairs: { repairCentrePct: ratesPct({}) },
  });

  it("finds silent chip degradation from the pool's shares, which hardware polling never sees (same seed)", () => {
    const polling = runDoc(opsDoc(silentChips(false))).kpis;
    const both = runDoc(opsDoc(silentChips(true))).kpis;
    expect(polling['ops.failures.chips']).toBeGreaterThan(5);
    expect(polling['ops.detections.shares']).toBe(0);
    expect(polling['ops.detections.polling']).toBeGreaterThan(0);
    expect(polling['ops.undetectedFaults']).toBeGreaterThan(3);
    expect(both['ops.detections.shares']).toBeGreaterThan(5);
    expect(both['ops.undetectedFaults']).toBeLessThan(polling['ops.undetectedFaults']);
    expect(both['ops.hashrateLostTHsDays']).toBeLessThan(polling['ops.hashrateLostTHsDays']);
    expect(both['ops.hashrateAvailabilityPct']).toBeGreaterThan(polling['ops.hashrateAvailabilityPct']);
    // Found within hours: a window to see it and two more to confirm, at slot (1 h) resolution.
    expect(both['ops.meanTimeToDetectHours.shares']).toBeLessThan(6);
    expect(both['ops.meanTimeToDetectHours.polling']).toBeLessThan(1 / 60 + 1e-9);
    // What polling misses stays in the pool's earnings: the fleet earns more with share detection.
    expect(both.fleetEarnedSat).toBeGreaterThan(polling.fleetEarnedSat);
  });

  it('judges every rig from its own shares in exact mode too, without flooding the queue when a rig is off', () => {
    const doc = opsDoc({ ...silentChips(true), failureRatesPctPerYear: ratesPct({ chips: 3000, psu: 2000 }) }, { count: 10, horizon: '2d', slot: '15m' });
    doc.resolution = 'exact';
    const kpis = runDoc(doc).kpis;
    expect(kpis['ops.detections.shares']).toBeGreaterThan(0);
    expect(kpis['ops.detections.polling']).toBeGreaterThan(0);
    expect(kpis['ops.repairsDone']).toBeGreaterThan(0);
    // ~4 shares a minute per rig at the steady difficulty: a broken rig's vardiff must not fall to the minimum.
    expect(kpis.engineEvents).toBeLessThan(10 * 2 * 1440 * 4 * 2);
    expect(kpis.fleetHashrateEstimatedTHs).toBeLessThan(10 * 200);
  });

  it('feeds rig temperatures to the failure clocks: a hot container fails far more than a cold one (same seed)', () => {
    const run = (meanC: number, heatAccelerationPer10C: number) => {
      const doc = opsDoc({ failureRatesPctPerYear: ratesPct({ hashboard: 100, chips: 100, fan: 100, psu: 100, controller: 100 }), heatAccelerationPer10C, detection: { shares: false } });
      doc.site = { pue: 1.1, climate: { meanC, dailySwingC: 0, seasonalSwingC: 0, noiseSdC: 0 } };
      return runDoc(doc).kpis;
    };
    // Intake 36 °C against one held at 5 °C: rig temperatures ~31 °C apart, ×4 per 10 °C ≈ ×70 the rate.
    const hot = run(36, 4);
    const cold = run(-10, 4);
    expect(hot['ops.failures']).toBeGreaterThan(30);
    expect(hot['ops.failures']).toBeGreaterThan(10 * Math.max(1, cold['ops.failures']));
    // Without acceleration the weather changes nothing in the rigs' clocks: the same failures.
    expect(run(36, 1)['ops.failures']).toBe(run(-10, 1)['ops.failures']);
  });
});

describe('operations: availability', () => {
  it('more failures never raise availability (mean over seeds, paired, by more than 3 standard errors)', () => {
    // Each part fails when it has spent an Exp(1) budget of hazard (model/ops/failures.ts), so rates ×k
    // bring every failure k times sooner on the same draws. Repairs and polls then interleave differently,
    // so a single seed can, rarely, come out ahead: the property is the mean over seeds, with common
    // random numbers, each seed paired with itself.
    const seeds = Array.from({ length: 12 }, (_, i) => i + 1);
    const availability = (k: number) => seeds.map((seed) => runDoc(opsDoc({
      failureRatesPctPerYear: ratesPct({ hashboard: 40 * k, chips: 30 * k, fan: 30 * k, psu: 40 * k, controller: 20 * k }),
      detection: { shares: false },
      technicians: ALWAYS_ON_CREW,
      repairs: { repairCentrePct: ratesPct({}) },
    }, { seed })).kpis);
    const [x1, x2, x4] = [1, 2, 4].map(availability);
    for (const key of ['ops.availabilityPct', 'ops.hashrateAvailabilityPct']) {
      const means = [x1, x2, x4].map((runs) => mean(runs.map((k) => k[key])));
      expect(means[1]).toBeLessThan(means[0]);
      expect(means[2]).toBeLessThan(means[1]);
      const diffs = x4.map((k, i) => k[key] - x1[i][key]);
      const sd = Math.sqrt(diffs.reduce((s, d) => s + (d - mean(diffs)) ** 2, 0) / (diffs.length - 1));
      expect(mean(diffs) + (3 * sd) / Math.sqrt(diffs.length)).toBeLessThan(0);
    }
  });
});

describe('operations: scenario section', () => {
  const issuesOf = (doc: unknown) => {
    const parsed = parseScenarioText(JSON.stringify(doc));
    return parsed.ok ? [] : parsed.issues.map((i) => `${i.path}: ${i.message}`);
  };

  it('names unknown groups, repeated days and an inverted degradation range by path', () => {
    const doc = opsDoc({
      groups: ['g', 'nope'],
      degradedChipsPct: { min: 90, max: 60 },
      technicians: { shifts: [{ days: ['mon', 'mon'], startHour: 8, endHour: 16 }] },
    });
    const issues = issuesOf(doc);
    expect(issues).toContainEqual('operations.groups[1]: no fleet group "nope" (fleet: g)');
    expect(issues).toContainEqual('operations.degradedChipsPct.min: must be ≤ max (60)');
    expect(issues).toContainEqual('operations.technicians.shifts[0].days: must not repeat a day');
  });

  it('reads polling off, named shift days and the defaults of the model', () => {
    const parsed = parseScenarioText(JSON.stringify(opsDoc({ detection: { pollEvery: 'off' }, technicians: { shifts: [{ days: ['sat', 'sun'], startHour: 22, endHour: 6, staff: 2 }] } })));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const ops = parsed.scenario.operations!;
    expect(ops.detection.pollEvery).toBeNull();
    expect(ops.failureRatesPctPerYear).toEqual({ hashboard: 3, chips: 2, fan: 2, psu: 3, controller: 1 });
    expect(ops.repairs.handsOnHours).toEqual({ hashboard: 2, chips: 4, fan: 0.5, psu: 1, controller: 2 });
    expect(issuesOf(opsDoc({ detection: { pollEvery: 'sometimes' } }))[0]).toMatch(/^operations\.detection\.pollEvery: must be a duration/);
  });
});
