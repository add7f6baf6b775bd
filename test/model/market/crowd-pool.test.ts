// Crowd worker nodes (DESIGN.md system 4): they join and leave (Poisson joins, exponential stays),
// and every reward is split in proportion to the accepted work since the last one, to the sat.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRoot, createSimulation } from '../../../src/engine/index.js';
import { Ledger } from '../../../src/model/ledger/ledger.js';
import { createCrowdPool, type CrowdDistribution } from '../../../src/model/market/tenants/index.js';
import { US_PER_DAY } from '../../../src/model/units.js';

function runCrowd(seed: number, days: number, config = {}) {
  const sim = createSimulation();
  const pool = createCrowdPool(sim, createRoot(seed).stream('crowd'), config);
  const ledger = new Ledger();
  const distributions: CrowdDistribution[] = [];
  pool.start(days * US_PER_DAY);
  for (let d = 1; d <= days; d++) {
    // After the day's last work slot (priority 2).
    sim.scheduleAt(d * US_PER_DAY, () => distributions.push(pool.distribute(ledger, sim.nowUs, 1_000_003n, 'pool:crowd-rewards')), 3);
  }
  sim.run();
  return { pool, ledger, distributions };
}

describe('crowd rewards', () => {
  const { pool, ledger, distributions } = runCrowd(31, 14, { operatorFeeBps: 150 });

  it('conserve every sat: fee + parts = reward, books sum to zero, balances match', () => {
    expect(distributions).toHaveLength(14);
    for (const d of distributions) expect(d.operatorFeeSat + d.parts.reduce((a, p) => a + p.sat, 0n)).toBe(d.rewardSat);
    expect(ledger.sum('sat')).toBe(0n);
    expect(ledger.balance('pool:crowd-rewards', 'sat')).toBe(-14n * 1_000_003n);
    for (const n of pool.nodes()) expect(ledger.balance(`crowd:${n.nodeId}`, 'sat')).toBe(n.rewardSat);
    expect(ledger.balance('operator:crowd', 'sat')).toBe(distributions.reduce((a, d) => a + d.operatorFeeSat, 0n));
  });

  it('pay each node within one sat of its exact share of the work', () => {
    for (const d of distributions) {
      const total = d.parts.reduce((a, p) => a + p.workDifficulty, 0);
      const crowdSat = Number(d.rewardSat - d.operatorFeeSat);
      for (const p of d.parts) expect(Math.abs(Number(p.sat) - (crowdSat * p.workDifficulty) / total)).toBeLessThan(1 + 1e-6);
    }
  });

  it('pay per unit of work is about the same for every node', () => {
    const nodes = pool.nodes().filter((n) => n.workDifficulty > 0);
    const perWork = nodes.map((n) => Number(n.rewardSat) / n.workDifficulty);
    const mean = perWork.reduce((a, b) => a + b, 0) / perWork.length;
    // Same pay per unit of work for everyone (days differ in total work, hence the loose bound).
    for (const r of perWork) expect(Math.abs(r / mean - 1)).toBeLessThan(0.6);
  });

  it('for any work and reward, caller-fed work splits proportionally and conserves', () => {
    fc.assert(fc.property(
      fc.array(fc.double({ min: 0, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 8 }), fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 10_000 }),
      (works, reward, feeBps) => {
        const sim = createSimulation();
        const p = createCrowdPool(sim, createRoot(1).stream('c'), { initialNodes: works.length, joinsPerDay: 0, workSlotUs: null, operatorFeeBps: feeBps });
        p.start(US_PER_DAY);
        works.forEach((w, i) => p.onWork(`node-${i}`, 0, w));
        const l = new Ledger();
        const d = p.distribute(l, 0, reward, 'pool');
        expect(d.operatorFeeSat + d.parts.reduce((a, x) => a + x.sat, 0n)).toBe(reward);
        expect(l.sum('sat')).toBe(0n);
        const total = works.reduce((a, b) => a + b, 0);
        for (const x of d.parts) expect(Math.abs(Number(x.sat) - (Number(reward - d.operatorFeeSat) * x.workDifficulty) / total)).toBeLessThanOrEqual(1 + Number(reward) * 1e-12);
      }), { seed: 77, numRuns: 200 });
  });
});

describe('crowd churn', () => {
  it('active nodes follow N0·e^(−t/τ) + λτ(1 − e^(−t/τ)) within 4σ', () => {
    const n0 = 200;
    const joinsPerDay = 50;
    const tauDays = 7;
    for (const seed of [1, 2, 3]) {
      const { pool } = runCrowd(seed, 14, { initialNodes: n0, joinsPerDay, meanStayUs: tauDays * US_PER_DAY });
      const series = pool.activeSeries();
      for (const day of [3, 7, 14]) {
        const p = Math.exp(-day / tauDays);
        const mu = joinsPerDay * tauDays * (1 - p);
        const mean = n0 * p + mu;
        const sd = Math.sqrt(n0 * p * (1 - p) + mu);
        const point = series.find((x) => x.atUs === day * US_PER_DAY)!;
        expect(Math.abs(point.activeNodes - mean)).toBeLessThan(4 * sd);
      }
    }
  });
});
