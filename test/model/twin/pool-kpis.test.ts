// The pools' own KPIs: luck (blocks found against blocks expected from the pool's hashrate) averages
// 100 % over seeds, the PPS/FPPS ruin probability is Rosenfeld's exp(−2fR/B), and the operator's
// profit is what its books say.
import { describe, expect, it } from 'vitest';
import { baseScenario, mean, runDoc, SUBSIDY_SAT_AT_900K } from './fixtures.js';

describe('pool KPIs', () => {
  it('pool luck averages 100 % over seeds, within Poisson bounds', () => {
    const doc = baseScenario();
    doc.horizon = '2d';
    doc.slot = '1h';
    doc.pools = [{ id: 'p', scheme: 'PPLNS', feePct: 1, extraHashrateEHs: 40 }];
    const runs = Array.from({ length: 30 }, (_, seed) => runDoc(doc, {}, seed + 1).kpis);
    const found = runs.reduce((s, k) => s + k['pool.p.blocksFound'], 0);
    const expected = runs.reduce((s, k) => s + k['pool.p.blocksExpected'], 0);
    // 40 EH/s of 800 for 2 days ≈ 14.4 blocks a run; over 30 runs a Poisson total of ≈ 432.
    expect(expected).toBeGreaterThan(400);
    expect(Math.abs(found - expected)).toBeLessThan(4 * Math.sqrt(expected));
    expect(Math.abs(mean(runs.map((k) => k['pool.p.luckPct'])) - 100)).toBeLessThan(4 * (100 / Math.sqrt(14.4)) / Math.sqrt(30));
  });

  it('reports the PPS ruin probability from the starting reserve as exp(−2fR/B)', () => {
    const doc = baseScenario();
    doc.pools = [{ id: 'p', scheme: 'PPS', feePct: 2.5, reserveBTC: 30 }];
    const kpis = runDoc(doc).kpis;
    const expectedPct = 100 * Math.exp((-2 * 0.025 * 30e8) / SUBSIDY_SAT_AT_900K);
    expect(kpis['pool.p.ruinProbabilityPct']).toBeCloseTo(expectedPct, 4);
  });

  it("gives the operator's profit as fees plus the reserve's change", () => {
    const doc = baseScenario();
    doc.pools = [{ id: 'p', scheme: 'FPPS', feePct: 2, reserveBTC: 10 }];
    const kpis = runDoc(doc).kpis;
    // No block found by a 2 PH/s pool in 6 hours: the operator paid every share out of its reserve.
    expect(kpis['pool.p.blocksFound']).toBe(0);
    expect(kpis['pool.p.operatorProfitSat']).toBe(-kpis['group.g.earnedSat']);
    expect(kpis['pool.p.reserveEndSat']).toBe(10e8 - kpis['group.g.earnedSat']);
  });
});
