// The fleet as a whole: rigs conserved across failure and repair at every event, availability never
// raised by higher failure rates, same seed → same trace, one more rig leaves the others' luck alone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveFleetOpsConfig, type FleetOpsOptions, type RigStatus } from '../../../src/model/ops/index.js';
import { ALL_DAYS, createFleet, DAY, HOUR, runFleet, scaledRates, YEAR, type FleetRun } from './helpers.js';

/**
 * Every invariant of the rig states, checked against a recount. Plain checks rather than expect():
 * this runs after every event of every property run, and throwing the first violation is enough.
 */
function checkConserved(run: FleetRun): void {
  const { ops } = run;
  const recount: Record<RigStatus, number> = { healthy: 0, faulty: 0, inRepair: 0 };
  const fail = (rig: number, what: string) => {
    throw new Error(`at ${run.sim.nowUs} µs rig ${rig} (${ops.status(rig)}): ${what}`);
  };
  for (let rig = 0; rig < ops.rigCount; rig++) {
    const status = ops.status(rig);
    recount[status]++;
    const open = ops.openFaults(rig).length;
    const effective = ops.effectiveHashrateFraction(rig);
    const reported = ops.reportedHashrateFraction(rig);
    if ((status === 'healthy') !== (open === 0)) fail(rig, `${open} open faults`);
    if (!(effective >= 0 && effective <= reported + 1e-12 && reported <= 1)) fail(rig, `effective ${effective}, reported ${reported}`);
    if (ops.isRunning(rig) !== effective > 0) fail(rig, `isRunning ${ops.isRunning(rig)} at effective ${effective}`);
    if (status === 'inRepair' && effective !== 0) fail(rig, `hashing ${effective} in repair`);
    if (status === 'healthy' && effective !== 1) fail(rig, `healthy at ${effective}`);
  }
  const counts = ops.counts();
  if (counts.healthy !== recount.healthy || counts.faulty !== recount.faulty || counts.inRepair !== recount.inRepair) {
    throw new Error(`counts ${JSON.stringify(counts)} ≠ recount ${JSON.stringify(recount)}`);
  }
  if (counts.healthy + counts.faulty + counts.inRepair !== ops.rigCount) throw new Error(`rigs not conserved: ${JSON.stringify(counts)}`);
}

describe('conservation', () => {
  it('healthy + faulty + in repair = N at every event, for any crew, shelf and rates', () => {
    fc.assert(
      fc.property(
        fc.record({
          rigCount: fc.integer({ min: 1, max: 12 }),
          rateScale: fc.double({ min: 0.5, max: 40, noNaN: true }),
          staff: fc.integer({ min: 0, max: 3 }),
          startHour: fc.integer({ min: 0, max: 23 }),
          shelf: fc.integer({ min: 0, max: 2 }),
          sendAway: fc.double({ min: 0, max: 1, noNaN: true }),
          pollMin: fc.option(fc.integer({ min: 1, max: 120 }), { nil: null }),
          discipline: fc.constantFrom('fifo' as const, 'priority' as const),
          seed: fc.integer({ min: 0, max: 1e6 }),
        }),
        (p) => {
          const options: FleetOpsOptions = {
            rigCount: p.rigCount,
            failure: { ratePerYear: scaledRates(p.rateScale) },
            detection: { pollUs: p.pollMin === null ? null : p.pollMin * 60_000_000, shares: true },
            maintenance: {
              discipline: p.discipline,
              shifts: [{ days: ALL_DAYS, startHour: p.startHour, endHour: (p.startHour + 10) % 24 || 24, staff: p.staff }],
              sendAwayProbability: { hashboard: p.sendAway, chips: p.sendAway, fan: p.sendAway, psu: p.sendAway, controller: p.sendAway },
              spares: { hashboard: { initial: p.shelf }, fan: { initial: p.shelf }, psu: { initial: p.shelf }, controller: { initial: p.shelf } },
            },
          };
          let changes = 0;
          const run = createFleet(options, p.seed, { onRigChanged: () => changes++ });
          // Now and then the pool flags a random rig, as a share feed would.
          const poke = () => {
            const rig = Math.floor(run.sim.nowUs / DAY) % p.rigCount;
            run.ops.shareVerdict(rig, (run.sim.nowUs / DAY) % 3 < 1 ? 'degraded' : 'alive', run.sim.nowUs);
            if (run.sim.nowUs + DAY <= 180 * DAY) run.sim.schedule(DAY, poke);
          };
          run.sim.scheduleAt(DAY, poke);
          checkConserved(run);
          const kpis = runFleet(run, 180 * DAY, () => checkConserved(run));
          expect(changes).toBeGreaterThanOrEqual(kpis.failures);
          expect(kpis.faultsRepaired + kpis.openFaults).toBe(kpis.failures);
          const jobs = kpis.repairJobs;
          expect(jobs.working + jobs.paused + jobs.away).toBe(kpis.rigs.inRepair);
          expect(kpis.availability!).toBeGreaterThanOrEqual(0);
          expect(kpis.availability!).toBeLessThanOrEqual(1);
          if (kpis.staffUtilisation !== null) expect(kpis.staffUtilisation).toBeLessThanOrEqual(1 + 1e-12);
        },
      ),
      { seed: 7001, numRuns: 30 },
    );
  });
});

describe('monotonicity', () => {
  it('higher failure rates never raise availability (mean over 6 seeds, and every seed at the extremes)', () => {
    const scales = [0.5, 1, 2, 4, 8];
    const seeds = [1, 2, 3, 4, 5, 6];
    const availability = scales.map((k) =>
      seeds.map((seed) => runFleet(createFleet({ rigCount: 100, failure: { ratePerYear: scaledRates(k) } }, seed), YEAR)),
    );
    const mean = (row: number[]) => row.reduce((a, b) => a + b, 0) / row.length;
    const means = availability.map((row) => mean(row.map((k) => k.availability!)));
    const hashMeans = availability.map((row) => mean(row.map((k) => k.hashrateAvailability!)));
    for (let i = 1; i < scales.length; i++) {
      expect(means[i]).toBeLessThan(means[i - 1]);
      expect(hashMeans[i]).toBeLessThan(hashMeans[i - 1]);
    }
    for (let s = 0; s < seeds.length; s++) {
      expect(availability[scales.length - 1][s].availability!).toBeLessThan(availability[0][s].availability!);
    }
  });
});

describe('determinism and common random numbers', () => {
  const options: FleetOpsOptions = { rigCount: 40, failure: { ratePerYear: scaledRates(5) } };

  it('same seed → same trace and KPIs; another seed → another trace', () => {
    const a = createFleet(options, 'same');
    const b = createFleet(options, 'same');
    const c = createFleet(options, 'other');
    const ka = runFleet(a, YEAR);
    const kb = runFleet(b, YEAR);
    runFleet(c, YEAR);
    expect(a.recorder.logged.length).toBeGreaterThan(100);
    expect(b.recorder.logged).toEqual(a.recorder.logged);
    expect(kb).toEqual(ka);
    expect(c.recorder.logged).not.toEqual(a.recorder.logged);
  });

  it("one more rig leaves every other rig's first failure where it was", () => {
    const firstFailures = (rigCount: number) => {
      const run = createFleet({ ...options, rigCount }, 'crn');
      runFleet(run, YEAR);
      const first = new Map<number, unknown>();
      for (const e of run.recorder.logged) {
        const rig = (e.data as { rig: number }).rig;
        if (e.type === 'ComponentFailed' && !first.has(rig)) first.set(rig, { atUs: e.atUs, ...(e.data as object) });
      }
      return first;
    };
    const small = firstFailures(40);
    const large = firstFailures(41);
    expect(small.size).toBeGreaterThan(20);
    for (const [rig, failure] of small) expect(large.get(rig)).toEqual(failure);
  });
});

describe('KPIs and the API', () => {
  it('lost hash = nominal hash × (1 − hashrate availability); MTTD ≤ MTTR-to-restore', () => {
    const run = createFleet({ rigCount: 50, failure: { ratePerYear: scaledRates(5) } }, 'kpis');
    const k = runFleet(run, YEAR);
    const nominalHashes = 50 * 200e12 * (YEAR / 1e6);
    expect(k.lostHashes / nominalHashes).toBeCloseTo(1 - k.hashrateAvailability!, 9);
    expect(k.hashrateAvailability!).toBeLessThanOrEqual(k.availability!);
    expect(k.meanTimeToRestoreUs!).toBeGreaterThan(k.meanTimeToRepairUs!);
    expect(k.meanTimeToDetectUs!).toBeLessThanOrEqual(60_000_000);
    expect(k.failures).toBe(Object.values(k.failuresByKind).reduce((a, b) => a + b, 0));
    expect(k.repairsDone).toBeGreaterThan(0);
    const events = new Set(run.recorder.logged.map((e) => e.type));
    for (const type of ['ComponentFailed', 'FailureDetected', 'RepairQueued', 'RepairStarted', 'RigRepaired']) expect(events).toContain(type);
  });

  it('feeds are checked: now only, known rigs and verdicts', () => {
    const run = createFleet({ rigCount: 2 }, 'api');
    run.sim.runUntil(HOUR);
    expect(() => run.ops.setTemperature(0, 40, 0)).toThrow(/atUs must be the simulation's now \(3600000000\), got 0/);
    expect(() => run.ops.setTemperature(2, 40, HOUR)).toThrow(/rig must be an integer in \[0, 2\), got 2/);
    expect(() => run.ops.shareVerdict(0, 'sick' as never, HOUR)).toThrow(/verdict must be 'alive', 'degraded' or 'dead', got "sick"/);
    expect(run.ops.shareVerdict(0, 'degraded', HOUR)).toBe('falseAlarm');
    expect(run.ops.shareVerdict(0, 'degraded', HOUR)).toBe('ignored');
    run.ops.setTemperature(1, 40, HOUR);
    expect(run.ops.temperatureC(1)).toBe(40);
  });

  it('configuration errors name their path', () => {
    expect(() => resolveFleetOpsConfig({ rigCount: -1 })).toThrow(/rigCount must be a whole number ≥ 0, got -1/);
    expect(() => resolveFleetOpsConfig({ rigCount: 1, failure: { ratePerYear: { fan: -0.1 } } })).toThrow(/failure\.ratePerYear\.fan must be a finite number ≥ 0, got -0\.1/);
    expect(() => resolveFleetOpsConfig({ rigCount: 1, rig: { hashboards: 0 } })).toThrow(/rig\.hashboards must be ≥ 1, got 0/);
    expect(() => resolveFleetOpsConfig({ rigCount: 1, detection: { pollUs: 0 } })).toThrow(/detection\.pollUs must be a finite number > 0, got 0/);
    expect(() => resolveFleetOpsConfig({ rigCount: 1, maintenance: { sendAwayProbability: { psu: 2 } } })).toThrow(/maintenance\.sendAwayProbability\.psu must be in \[0, 1\], got 2/);
    expect(() => resolveFleetOpsConfig({ rigCount: 1, maintenance: { repairUs: { fan: { medianUs: 0, sigma: 1 } } } })).toThrow(/maintenance\.repairUs\.fan\.medianUs must be a finite number > 0, got 0/);
    expect(() => resolveFleetOpsConfig({ rigCount: 1, failure: { degradedFraction: { min: 0.9, max: 0.6 } } })).toThrow(/failure\.degradedFraction\.min must be ≤ max \(0\.6\), got 0\.9/);
    // Default shelf: ⌈2 × on-site demand over the lead⌉ + 1, e.g. boards for 1000 rigs:
    // 1000 × (3 × 3 % × 0.8 + 2 % × 0.7) = 86 a year → ⌈2 × 86 × 28 / 365.25⌉ + 1 = 15.
    const shelf = resolveFleetOpsConfig({ rigCount: 1000 }).maintenance.spares;
    expect([shelf.hashboard.initial, shelf.fan.initial, shelf.psu.initial, shelf.controller.initial]).toEqual([15, 5, 4, 2]);
    expect(resolveFleetOpsConfig({ rigCount: 0 }).maintenance.spares.fan).toEqual({ initial: 1, restockLeadUs: 7 * DAY });
    expect(resolveFleetOpsConfig({ rigCount: 1000, maintenance: { spares: { fan: { initial: 0 } } } }).maintenance.spares.fan.initial).toBe(0);
    const defaults = resolveFleetOpsConfig({ rigCount: 3 });
    expect(defaults.failure.ratePerYear).toEqual({ hashboard: 0.03, chips: 0.02, fan: 0.02, psu: 0.03, controller: 0.01 });
    expect(defaults.detection).toEqual({ pollUs: 60_000_000, shares: true });
  });
});
