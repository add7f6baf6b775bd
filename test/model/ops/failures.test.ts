// Failures: counts per component over a long horizon match rate × exposure within Poisson bounds, at
// the reference temperature and accelerated; each failure has the effect the hardware model states.
import { describe, expect, it } from 'vitest';
import { Simulation, createRoot } from '../../../src/engine/index.js';
import { COMPONENT_KINDS, RigHardware, resolveFleetOpsConfig, type ComponentKind } from '../../../src/model/ops/index.js';
import { aroundTheClock, createFleet, DAY, NO_SEND_AWAY, runFleet, UNLIMITED_SPARES, YEAR } from './helpers.js';

// Above the defaults, for enough failures of every kind (≥ 60 even at 15 °C) for tight bounds.
const RATES = { hashboard: 0.15, chips: 0.1, fan: 0.1, psu: 0.15, controller: 0.2 };
/** Four standard deviations of a Poisson count: a wrong rate by 25 % fails; chance alone ~1e-4. */
const SIGMAS = 4;

function longRun(tempC: number, seed: string) {
  const run = createFleet({
    rigCount: 300,
    failure: { ratePerYear: RATES },
    maintenance: { shifts: aroundTheClock(20), spares: UNLIMITED_SPARES, sendAwayProbability: NO_SEND_AWAY },
  }, seed);
  for (let rig = 0; rig < 300; rig++) run.ops.setTemperature(rig, tempC, 0);
  return runFleet(run, 4 * YEAR);
}

describe('failure counts', () => {
  for (const tempC of [25, 35, 15]) {
    it(`match rate × 2^((T − 25)/10) × exposure per component at ${tempC} °C`, () => {
      const kpis = longRun(tempC, `poisson-${tempC}`);
      // The rule written out here, not taken from the code under test.
      const factor = 2 ** ((tempC - 25) / 10);
      let expectedTotal = 0;
      for (const kind of COMPONENT_KINDS) {
        const expected = RATES[kind] * factor * kpis.exposureYearsByKind[kind];
        expectedTotal += expected;
        expect(kpis.expectedFailuresByKind[kind] / expected).toBeCloseTo(1, 9);
        expect(expected).toBeGreaterThan(50);
        expect(Math.abs(kpis.failuresByKind[kind] - expected), `${kind}: ${kpis.failuresByKind[kind]} vs ${expected}`).toBeLessThan(SIGMAS * Math.sqrt(expected));
      }
      // All kinds together: ±4σ is ±4–7 % here, so a rate or an acceleration off by 10 % fails.
      expect(Math.abs(kpis.failures - expectedTotal)).toBeLessThan(SIGMAS * Math.sqrt(expectedTotal));
      // Exposure is bounded by the fleet's component-time, and barely short of it with a large crew —
      // except for chips: no share verdicts are fed here, so degraded chips stay unfound and unaging.
      const componentsPerRig: Record<ComponentKind, number> = { hashboard: 3, chips: 1, fan: 4, psu: 1, controller: 1 };
      for (const kind of COMPONENT_KINDS) {
        const ceiling = 300 * componentsPerRig[kind] * 4;
        expect(kpis.exposureYearsByKind[kind]).toBeLessThanOrEqual(ceiling);
        if (kind !== 'chips') expect(kpis.exposureYearsByKind[kind]).toBeGreaterThan(0.95 * ceiling);
      }
      expect(kpis.undetectedFaults).toBe(kpis.openFaults);
    });
  }

  it('+10 °C doubles the observed rate (MLE ratio within its bounds)', () => {
    const cool = longRun(25, 'ratio');
    const hot = longRun(35, 'ratio');
    const rate = (k: typeof cool) => k.failures / COMPONENT_KINDS.reduce((s, kind) => s + RATES[kind] * k.exposureYearsByKind[kind], 0);
    const ratio = rate(hot) / rate(cool);
    // Relative s.e. of a ratio of Poisson rates: √(1/n₁ + 1/n₂) ≈ 0.03 here.
    const se = Math.sqrt(1 / hot.failures + 1 / cool.failures);
    expect(Math.abs(ratio - 2)).toBeLessThan(SIGMAS * se * 2);
    expect(Math.abs(rate(cool) - 1)).toBeLessThan(SIGMAS / Math.sqrt(cool.failures));
  });
});

describe('a temperature that keeps changing', () => {
  it('hourly 25 ↔ 45 °C: failures follow the mean acceleration (1 + 4)/2 over exposure', () => {
    const run = createFleet({
      rigCount: 100,
      failure: { ratePerYear: RATES },
      maintenance: { shifts: aroundTheClock(20), spares: UNLIMITED_SPARES, sendAwayProbability: NO_SEND_AWAY },
    }, 'churn');
    const hourUs = DAY / 24;
    const tick = () => {
      const tempC = (run.sim.nowUs / hourUs) % 2 === 0 ? 25 : 45;
      for (let rig = 0; rig < 100; rig++) run.ops.setTemperature(rig, tempC, run.sim.nowUs);
      if (run.sim.nowUs + hourUs <= 2 * YEAR) run.sim.schedule(hourUs, tick);
    };
    run.sim.scheduleAt(0, tick);
    const kpis = runFleet(run, 2 * YEAR);
    // Chips are excluded: never found here, their exposure stops at the first failure.
    const kinds = COMPONENT_KINDS.filter((kind) => kind !== 'chips');
    const expected = kinds.reduce((sum, kind) => sum + 2.5 * RATES[kind] * kpis.exposureYearsByKind[kind], 0);
    const failures = kinds.reduce((sum, kind) => sum + kpis.failuresByKind[kind], 0);
    expect(Math.abs(failures - expected)).toBeLessThan(SIGMAS * Math.sqrt(expected));
    const integrated = kinds.reduce((sum, kind) => sum + kpis.expectedFailuresByKind[kind], 0);
    expect(integrated / expected).toBeCloseTo(1, 2);
  });
});

describe('failure effects', () => {
  const spec = resolveFleetOpsConfig({ rigCount: 1 }).rig;
  const only = (kind: ComponentKind) => resolveFleetOpsConfig({
    rigCount: 1,
    failure: { ratePerYear: { hashboard: 0, chips: 0, fan: 0, psu: 0, controller: 0, [kind]: 1000 }, degradedFraction: { min: 0.7, max: 0.7 } },
  }).failure;
  /** A rig whose only failing kind is `kind`, stopped at its first failure. */
  function firstFailure(kind: ComponentKind) {
    const sim = new Simulation();
    let seen: ComponentKind | undefined;
    const rig = new RigHardware(sim, createRoot('effects').stream(kind), spec, only(kind), (c) => {
      seen = c.kind;
      sim.stop();
    });
    rig.setInService(true, 0);
    sim.run();
    expect(seen).toBe(kind);
    return { rig, sim };
  }

  it('a lost board costs 1/N of the hashrate, seen by the hardware', () => {
    const { rig } = firstFailure('hashboard');
    expect(rig.effectiveFraction()).toBeCloseTo(2 / 3, 12);
    expect(rig.reportedFraction()).toBeCloseTo(2 / 3, 12);
    expect(rig.isPowered).toBe(true);
  });

  it('degraded chips cut the delivered hashrate while the hardware reports nominal', () => {
    const { rig } = firstFailure('chips');
    expect(rig.effectiveFraction()).toBeCloseTo(0.7, 12);
    expect(rig.reportedFraction()).toBe(1);
  });

  it('a PSU or controller stops the whole rig, and its other parts stop aging', () => {
    for (const kind of ['psu', 'controller'] as const) {
      const { rig, sim } = firstFailure(kind);
      expect(rig.isPowered).toBe(false);
      expect(rig.effectiveFraction()).toBe(0);
      expect(rig.reportedFraction()).toBe(0);
      expect(rig.exposureUs('fan', sim.nowUs + DAY)).toBe(rig.exposureUs('fan', sim.nowUs));
    }
  });

  it('a lost fan leaves hashrate alone and cuts cooling (the thermal model reacts)', () => {
    const { rig } = firstFailure('fan');
    expect(rig.coolingFraction()).toBe(0.75);
    expect(rig.effectiveFraction()).toBe(1);
  });
});
