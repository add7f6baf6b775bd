// Site curtailment in the twin: rigs beyond the grid capacity stay off (in fleet order), every rig
// stops while a time-of-use price is above the ceiling, and a higher ceiling never lowers the work.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../../src/scenario/index.js';
import { baseScenario, runDoc } from './fixtures.js';

function siteDoc(site: Record<string, unknown>, resolution = 'aggregate') {
  const doc = baseScenario();
  doc.horizon = '1d';
  doc.resolution = resolution;
  doc.site = { pue: 1, ...site };
  doc.fleet = [
    { id: 'first', count: 4, hashrateTHs: 200, powerW: 3500, pool: 'p', latencyMs: 0 },
    { id: 'second', count: 6, hashrateTHs: 200, powerW: 3500, pool: 'p', latencyMs: 0 },
  ];
  return doc;
}

describe('curtailment', () => {
  it('keeps rigs beyond the grid capacity off, in fleet order', () => {
    // 20 kW fits 5 rigs of 3.5 kW: all 4 of the first group and 1 of the second.
    const result = runDoc(siteDoc({ capacityKW: 20 }));
    expect(result.series.values.runningRigs.every((n) => n === 5)).toBe(true);
    expect(result.kpis.curtailedRigHours).toBe(5 * 24);
    expect(result.kpis.energyKWh).toBe(5 * 3.5 * 24);
    expect(result.kpis['group.second.sharesAccepted']).toBeLessThan(result.kpis['group.first.sharesAccepted'] / 2);
    expect(result.events.filter((e) => e.type === 'RigsCurtailed').map((e) => e.data)).toEqual([
      { group: 'second', running: 1, of: 6, reason: 'capacity' },
    ]);
  });

  it('stops every rig while the time-of-use price is above the ceiling', () => {
    const result = runDoc(siteDoc({ powerPriceUSDperKWh: 0.05, timeOfUse: [{ fromHour: 17, toHour: 21, priceUSDperKWh: 0.2 }], priceCeilingUSDperKWh: 0.1 }));
    expect(result.kpis.curtailedPct).toBeCloseTo((100 * 4) / 24, 6);
    // Energy: 10 rigs × 3.5 kW × 20 h at $0.05; nothing is drawn in the dear hours.
    expect(result.kpis.energyCostUsd).toBe(10 * 3.5 * 20 * 0.05);
    const running = result.series.values.runningRigs;
    expect(running.slice(68, 84).every((n) => n === 0)).toBe(true);
    expect(running.slice(0, 68).every((n) => n === 10)).toBe(true);
  });

  it('curtails in exact mode too: a curtailed rig sends no share', () => {
    const doc = siteDoc({ capacityKW: 14 }, 'exact');
    doc.horizon = '2h';
    const kpis = runDoc(doc).kpis;
    expect(kpis['group.second.sharesAccepted']).toBe(0);
    expect(kpis['group.first.sharesAccepted']).toBeGreaterThan(0);
  });

  it('a higher price ceiling never lowers the expected work (same seed)', () => {
    fc.assert(fc.property(fc.double({ min: 0.01, max: 0.3, noNaN: true }), fc.double({ min: 0, max: 0.2, noNaN: true }), (low, extra) => {
      const tou = [{ fromHour: 8, toHour: 12, priceUSDperKWh: 0.08 }, { fromHour: 17, toHour: 22, priceUSDperKWh: 0.16 }];
      const at = (ceiling: number) => runDoc(siteDoc({ powerPriceUSDperKWh: 0.04, timeOfUse: tou, priceCeilingUSDperKWh: ceiling })).kpis;
      const [a, b] = [at(low), at(low + extra)];
      expect(b.fleetBlocksExpected).toBeGreaterThanOrEqual(a.fleetBlocksExpected);
      expect(b.curtailedRigHours).toBeLessThanOrEqual(a.curtailedRigHours);
    }), { seed: 17, numRuns: 12 });
  });

  it('reports overlapping time-of-use windows at their path', () => {
    const parsed = parseScenarioText(JSON.stringify(siteDoc({ timeOfUse: [{ fromHour: 8, toHour: 12, priceUSDperKWh: 0.1 }, { fromHour: 11, toHour: 13, priceUSDperKWh: 0.2 }] })));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.map((i) => i.path)).toEqual(['site.timeOfUse']);
  });
});
