// The twin against the closed forms of DESIGN.md, within stated statistical bounds (seeded, so never
// flaky; each bound is about 5 standard deviations of the quantity tested):
//   shares at difficulty d:  N ~ Poisson(H·T / (d·2^32))          → |N − μ| < 5√μ
//   blocks:                   Poisson at 1 / 600 s at equilibrium   → |B − μ| < 5√μ; intervals mean ≈ sd
//   FPPS pay:                 (1 − f)·(S + F̄)·Σd / D                → Σd's noise is 1/√N
//   PPS pay per share:        (1 − f)·S·d / D, exactly (no luck)
//   SOLO:                     (1 − f)·(S + F)·λ, variance λ·B'²
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TWO_32 } from '../../../src/model/shares/index.js';
import { baseScenario, equilibriumDifficultyOf, mean, runDoc, S_PER_DAY, SUBSIDY_SAT_AT_900K, variance } from './fixtures.js';

const FEES_SAT = 3_000_000;
const NETWORK_HS = 800e18;
const D_800 = equilibriumDifficultyOf(NETWORK_HS);

describe('shares', () => {
  it('aggregate mode: accepted shares ≈ H·T/(d·2^32) at a fixed difficulty, delivered hashrate = nominal × efficiency', () => {
    const doc = baseScenario();
    doc.pools[0].fixedShareDifficulty = 1e6;
    doc.fleet[0].efficiencyPct = 80;
    const result = runDoc(doc);
    const deliveredHs = 10 * 200e12 * 0.8;
    const mu = (deliveredHs * 6 * 3600) / (1e6 * TWO_32);
    expect(result.kpis.sharesAccepted).toBeGreaterThan(mu - 5 * Math.sqrt(mu));
    expect(result.kpis.sharesAccepted).toBeLessThan(mu + 5 * Math.sqrt(mu));
    expect(result.kpis.sharesStale).toBe(0);
    // The pool's estimate Σd·2^32/T is the delivered hashrate, not the nominal one.
    expect(result.kpis.fleetHashrateNominalTHs).toBe(2000);
    expect(Math.abs(result.kpis.fleetHashrateEstimatedTHs / 1600 - 1)).toBeLessThan(5 / Math.sqrt(mu));
  });

  it.each(['aggregate', 'exact'])('%s mode: shares in flight when a block lands go stale at 1 − exp(−latency/600 s)', (resolution) => {
    const doc = baseScenario();
    doc.resolution = resolution;
    doc.horizon = '12h';
    doc.fleet[0] = { ...doc.fleet[0], count: 4, latencyMs: 60_000 };
    doc.pools[0].fixedShareDifficulty = 2e5;
    const { kpis } = runDoc(doc);
    const total = kpis.sharesAccepted + kpis.sharesStale;
    const p = 1 - Math.exp(-60 / 600);
    // Stale shares are Binomial(total, p) given the total.
    const bound = 5 * Math.sqrt(total * p * (1 - p));
    expect(Math.abs(kpis.sharesStale - total * p)).toBeLessThan(bound);
    // Stale or not, a share is a share: the total is still Poisson(H·T/(d·2^32)).
    const mu = (4 * 200e12 * 12 * 3600) / (2e5 * TWO_32);
    expect(Math.abs(total - mu)).toBeLessThan(5 * Math.sqrt(mu));
  });

  it('more hashrate never lowers shares or work (same seed, at least 1.5× the hashrate)', () => {
    fc.assert(fc.property(
      fc.integer({ min: 100, max: 1000 }), fc.double({ min: 1.5, max: 4, noNaN: true }), fc.integer({ min: 0, max: 10_000 }), fc.boolean(),
      (hashrateTHs, factor, seed, fixed) => {
        const at = (ths: number) => {
          const doc = baseScenario();
          doc.horizon = '2h';
          doc.seed = seed;
          doc.fleet[0] = { ...doc.fleet[0], count: 5, hashrateTHs: ths };
          // At 1e5, 100 TH/s × 5 sends ≥ 8,000 shares in 2 h: 1.5× more is > 10 σ above.
          if (fixed) doc.pools[0].fixedShareDifficulty = 1e5;
          return runDoc(doc).kpis;
        };
        const low = at(hashrateTHs);
        const high = at(hashrateTHs * factor);
        if (fixed) expect(high.sharesAccepted).toBeGreaterThan(low.sharesAccepted);
        // With vardiff the count stays near one share per 15 s per worker; the work Σd grows.
        expect(high.fleetHashrateEstimatedTHs).toBeGreaterThan(low.fleetHashrateEstimatedTHs);
      },
    ), { seed: 4242, numRuns: 25 });
  });
});

describe('blocks', () => {
  it('the network finds blocks as a Poisson process at 1 per 600 s at equilibrium difficulty', () => {
    const doc = baseScenario();
    doc.horizon = '30d';
    doc.slot = '1h';
    const { kpis, series } = runDoc(doc);
    const mu = 30 * 144;
    expect(Math.abs(kpis.networkBlocks - mu)).toBeLessThan(5 * Math.sqrt(mu));
    expect(kpis.networkRetargets).toBe(0);
    expect(kpis.networkDifficultyStart).toBeCloseTo(D_800, -2);
    // Hourly counts of a Poisson process: variance = mean (index of dispersion 1 ± 5·√(2/n)).
    const perHour = series.values.networkBlocks.map((n, i) => n + (series.values.poolBlocks?.[i] ?? 0));
    const dispersion = variance(perHour) / mean(perHour);
    expect(Math.abs(dispersion - 1)).toBeLessThan(5 * Math.sqrt(2 / perHour.length));
  });

  it('block intervals are exponential: mean 600 s and standard deviation = mean', () => {
    // The pool's other miners are the whole network, so every block's time is in the ledger.
    const doc = baseScenario();
    doc.horizon = '30d';
    doc.slot = '1h';
    doc.network = { ...doc.network, hashrateEHs: 0.05 };
    doc.pools = [{ id: 'p', scheme: 'PPLNS', extraHashrateEHs: 0.05 }];
    doc.fleet = [{ id: 'g', count: 1, hashrateTHs: 10, pool: 'p', latencyMs: 0 }];
    const result = runDoc(doc);
    const times = result.ledger.entries.filter((e) => e.reason === 'block reward').map((e) => e.atUs / 1e6);
    expect(times.length).toBe(result.kpis.networkBlocks);
    const intervals = times.slice(1).map((t, i) => t - times[i]);
    const n = intervals.length;
    const m = mean(intervals);
    const sd = Math.sqrt(variance(intervals));
    // Rate (0.05 EH/s + 10 TH/s) / (D·2^32): 600 s × 0.9998.
    expect(Math.abs(m / 600 - 1)).toBeLessThan(5 / Math.sqrt(n));
    // The sample sd of an exponential has relative sd √(2/n) (kurtosis 9).
    expect(Math.abs(sd / m - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    // Memoryless: the share of intervals over 600 s is e^-1.
    const over = intervals.filter((x) => x > 600).length / n;
    expect(Math.abs(over - Math.exp(-1))).toBeLessThan(5 * Math.sqrt((Math.exp(-1) * (1 - Math.exp(-1))) / n));
  });

  it('retargets after 2016 blocks by actual/expected time, clamped to ×4', () => {
    // Difficulty at 1/8 of equilibrium: blocks come 8× too fast, the retarget is clamped at ×4.
    const doc = baseScenario();
    doc.horizon = '3d';
    doc.slot = '1h';
    doc.network = { ...doc.network, hashrateEHs: 0.05, blockHeight: 2016 * 460, difficulty: equilibriumDifficultyOf(0.05e18) / 8, retarget: true };
    const clamped = runDoc(doc).kpis;
    expect(clamped.networkRetargets).toBe(1);
    expect(clamped.networkDifficultyEnd / clamped.networkDifficultyStart).toBeCloseTo(4, 9);
    // At 1/2 of equilibrium the period takes ≈ 7 days instead of 14: difficulty ×2 within 5/√2016.
    doc.horizon = '10d';
    doc.network.difficulty = equilibriumDifficultyOf(0.05e18) / 2;
    const doubled = runDoc(doc).kpis;
    expect(doubled.networkRetargets).toBe(1);
    expect(Math.abs(doubled.networkDifficultyEnd / doubled.networkDifficultyStart / 2 - 1)).toBeLessThan(5 / Math.sqrt(2016));
    expect(doubled.networkDifficultyStart).toBe(equilibriumDifficultyOf(0.05e18) / 2);
  });
});

describe('pay', () => {
  it.each([
    ['vardiff', undefined],
    // A tiny fixed difficulty: hundreds of millions of shares, so the bound is tight (±0.04 %).
    ['difficulty 1000', 1000],
  ])('FPPS pays hashprice × TH/s × days × (1 − f): only share-count noise, no luck (%s)', (_label, fixedShareDifficulty) => {
    const doc = baseScenario();
    doc.horizon = '1d';
    doc.network = { ...doc.network, feesVolatilityPct: 30 };
    doc.pools[0] = { id: 'p', scheme: 'FPPS', feePct: 2.5, ...(fixedShareDifficulty ? { fixedShareDifficulty } : {}) };
    doc.fleet[0] = { ...doc.fleet[0], count: 50, hashrateTHs: 200 };
    const { kpis } = runDoc(doc);
    const fleetHs = 50 * 200e12;
    const expected = 0.975 * (SUBSIDY_SAT_AT_900K + FEES_SAT) * (fleetHs * S_PER_DAY) / (D_800 * TWO_32);
    // Same thing from the hashprice KPI: sat per TH/s per day.
    expect(kpis.hashpriceStartSatPerTHsDay * 10_000 * 0.975).toBeCloseTo(expected, 0);
    const shares = kpis.sharesAccepted;
    expect(shares).toBeGreaterThan(200_000);
    expect(Math.abs(kpis.fleetEarnedSat / expected - 1)).toBeLessThan(5 / Math.sqrt(shares));
    // No blocks needed: the pool pays from its reserve (the operator carries the variance).
    expect(kpis['pool.p.blocksFound']).toBe(0);
    expect(kpis['pool.p.reserveEndSat']).toBe(-kpis.fleetEarnedSat);
    expect(kpis['pool.p.ruined']).toBe(1);
  });

  it('PPS pays every share the same (1 − f)·S·d/D: earnings vary across seeds only with the share count', () => {
    const perShare = (0.97 * SUBSIDY_SAT_AT_900K * 1e6) / D_800;
    const counts = new Set<number>();
    for (const seed of [1, 2, 3, 4, 5]) {
      const doc = baseScenario();
      doc.seed = seed;
      doc.network = { ...doc.network, feesVolatilityPct: 50 };
      doc.pools[0] = { id: 'p', scheme: 'PPS', feePct: 3, fixedShareDifficulty: 1e6 };
      const { kpis } = runDoc(doc);
      counts.add(kpis.sharesAccepted);
      // Each miner is paid ⌊Σ exact share values⌋: never more, less by under a satoshi.
      const owed = kpis.sharesAccepted * perShare;
      expect(kpis.fleetEarnedSat).toBeLessThanOrEqual(owed + 1e-6);
      expect(kpis.fleetEarnedSat).toBeGreaterThan(owed - 1);
    }
    expect(counts.size).toBeGreaterThan(1);
  });

  it.each([
    ['aggregate', 200, 1],
    ['exact', 40, 1],
  ] as const)('%s mode: SOLO pays (1 − f)·(S + F) per block with mean λ and variance λ over %i seeds', (resolution, seeds, days) => {
    // A tiny network (1 PH/s) so a 100 TH/s miner finds λ = 14.4 blocks a day.
    const lambda = 0.1 * 144 * days;
    const perBlock = 0.99 * (SUBSIDY_SAT_AT_900K + FEES_SAT);
    const blocks: number[] = [];
    const earned: number[] = [];
    for (let seed = 0; seed < seeds; seed++) {
      const doc = baseScenario();
      doc.seed = seed;
      doc.resolution = resolution;
      doc.horizon = `${days}d`;
      doc.slot = '1h';
      doc.network = { ...doc.network, hashrateEHs: 0.001 };
      doc.pools[0] = { id: 'p', scheme: 'SOLO', feePct: 1 };
      doc.fleet[0] = { ...doc.fleet[0], count: 1, hashrateTHs: 100 };
      const { kpis } = runDoc(doc);
      blocks.push(kpis.fleetBlocksFound);
      earned.push(kpis.fleetEarnedSat);
      expect(kpis.fleetBlocksExpected).toBeCloseTo(lambda, 6);
      // Each block pays the finder the reward less the fee, split to the satoshi.
      expect(Math.abs(kpis.fleetEarnedSat - kpis.fleetBlocksFound * perBlock)).toBeLessThanOrEqual(kpis.fleetBlocksFound);
    }
    expect(Math.abs(mean(blocks) - lambda)).toBeLessThan(5 * Math.sqrt(lambda / seeds));
    expect(Math.abs(mean(earned) / (lambda * perBlock) - 1)).toBeLessThan(5 * Math.sqrt(1 / (lambda * seeds)));
    // Sample variance of a Poisson count: relative sd ≈ √(2/(n − 1) + 1/(λn)).
    const relSd = Math.sqrt(2 / (seeds - 1) + 1 / (lambda * seeds));
    expect(Math.abs(variance(blocks) / lambda - 1)).toBeLessThan(Math.min(0.9, 4.5 * relSd));
  });
});
