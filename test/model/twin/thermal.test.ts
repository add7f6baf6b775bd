// Weather in the twin: container intake from the outside air (recirculating exhaust when cold), rigs
// throttling above their model's intake limit and shutting down above the next, and what that does
// to work and power.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findModel } from '../../../src/model/hardware/index.js';
import { baseScenario, runDoc } from './fixtures.js';

const S21 = findModel('antminer-s21')!;

function climateDoc(meanC: number, extra: Record<string, unknown> = {}) {
  const doc = baseScenario();
  doc.horizon = '1d';
  doc.site = { pue: 1, climate: { meanC, dailySwingC: 0, seasonalSwingC: 0, noiseSdC: 0, ...extra } };
  doc.fleet = [{ id: 'g', count: 10, model: 'antminer-s21', pool: 'p', latencyMs: 0 }];
  return doc;
}

describe('thermal', () => {
  it('runs at nominal figures in mild weather', () => {
    const kpis = runDoc(climateDoc(20)).kpis;
    expect(kpis.throttledPct).toBe(0);
    expect(kpis.energyKWh).toBe(10 * 3.5 * 24);
  });

  it('throttles hashrate and power above the model limit, and shuts down above the next', () => {
    const between = (S21.thermal.throttleAboveC + S21.thermal.shutdownAboveC) / 2;
    const hot = runDoc(climateDoc(between));
    expect(hot.kpis.throttledPct).toBe(100);
    expect(hot.kpis.energyKWh).toBeCloseTo(10 * 3.5 * 24 * S21.thermal.throttledPowerFraction, 2);
    expect(hot.kpis.fleetBlocksExpected).toBeCloseTo(runDoc(climateDoc(20)).kpis.fleetBlocksExpected * S21.thermal.throttledHashrateFraction, 5);
    expect(hot.events.map((e) => e.type)).toContain('RigsThrottled');
    const hotter = runDoc(climateDoc(S21.thermal.shutdownAboveC + 2)).kpis;
    expect(hotter.thermalShutdownPct).toBe(100);
    expect(hotter.sharesAccepted).toBe(0);
    expect(hotter.energyKWh).toBe(0);
  });

  it('recirculates exhaust in the cold to hold the intake setpoint', () => {
    const result = runDoc(climateDoc(-25));
    expect(result.series.values['group.g.intakeC'].every((c) => Math.abs(c - 5) < 1e-9)).toBe(true);
    expect(result.series.values.ambientC.every((c) => c === -25)).toBe(true);
  });

  it('a hotter climate never raises the expected work (same seed)', () => {
    fc.assert(fc.property(fc.double({ min: -10, max: 55, noNaN: true }), fc.double({ min: 0, max: 15, noNaN: true }), (meanC, warmer) => {
      const at = (c: number) => runDoc(climateDoc(c, { dailySwingC: 6, noiseSdC: 1.5 })).kpis.fleetBlocksExpected;
      expect(at(meanC + warmer)).toBeLessThanOrEqual(at(meanC) + 1e-15);
    }), { seed: 23, numRuns: 10 });
  });

  it('throttles in exact mode too', () => {
    const doc = climateDoc((S21.thermal.throttleAboveC + S21.thermal.shutdownAboveC) / 2);
    doc.resolution = 'exact';
    doc.horizon = '2h';
    const exactHot = runDoc(doc).kpis;
    const mild = runDoc({ ...doc, site: { pue: 1, climate: { meanC: 15, dailySwingC: 0, seasonalSwingC: 0, noiseSdC: 0 } } }).kpis;
    expect(exactHot.throttledPct).toBe(100);
    expect(exactHot.fleetHashrateEstimatedTHs).toBeLessThan(mild.fleetHashrateEstimatedTHs);
  });
});
