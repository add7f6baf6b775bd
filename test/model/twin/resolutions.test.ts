// Exact, aggregate and hashed resolutions agree in expectation (DESIGN.md "Resolution is a choice").
// Hashed mode finds shares with the real WASM sha256d through runScenario's wasmShareHasher, at
// 1 share per 64 hashes, so the runs stay small: ~3,000 shares (~200,000 hashes) each.
import { describe, expect, it } from 'vitest';
import { TWO_32 } from '../../../src/model/shares/index.js';
import { runScenario } from '../../../src/worker/twin-runner.js';
import { baseScenario, mean, runDoc, type TestDoc } from './fixtures.js';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const RESOLUTIONS = ['exact', 'aggregate', 'hashed'] as const;

async function sharesPerSeed(doc: TestDoc, resolution: (typeof RESOLUTIONS)[number]) {
  const out: { accepted: number; earned: number }[] = [];
  for (const seed of SEEDS) {
    const reply = await runScenario({ scenarioText: JSON.stringify(doc), seed, resolution });
    if (!reply.ok) throw new Error(reply.error.message);
    expect(reply.result.resolution).toBe(resolution);
    out.push({ accepted: reply.result.kpis.sharesAccepted, earned: reply.result.kpis.fleetEarnedSat });
  }
  return out;
}

describe('resolutions agree', () => {
  it('at a fixed share difficulty: mean accepted shares per resolution within Poisson bounds of H·T/(d·2^32)', async () => {
    const doc = baseScenario();
    doc.horizon = '4h';
    doc.pools[0] = { id: 'p', scheme: 'FPPS', feePct: 2, fixedShareDifficulty: 447_000 };
    doc.fleet[0] = { id: 'g', count: 2, hashrateTHs: 200, pool: 'p', latencyMs: 0 };
    const mu = (2 * 200e12 * 4 * 3600) / (447_000 * TWO_32);
    expect(mu).toBeGreaterThan(2900);
    expect(mu).toBeLessThan(3100);
    const means: Record<string, number> = {};
    for (const resolution of RESOLUTIONS) {
      const runs = await sharesPerSeed(doc, resolution);
      const accepted = runs.map((r) => r.accepted);
      means[resolution] = mean(accepted);
      // The mean of 8 Poisson(μ) counts has sd √(μ/8); hashed counts are Binomial(64μ, 1/64), a bit narrower.
      expect(Math.abs(means[resolution] - mu), resolution).toBeLessThan(5 * Math.sqrt(mu / SEEDS.length));
      // Not a constant: each resolution draws its own noise.
      expect(new Set(accepted).size, resolution).toBeGreaterThan(4);
      // FPPS pays per unit of work in every resolution: pay/share is the same constant.
      const perShare = runs.map((r) => r.earned / r.accepted);
      expect(Math.max(...perShare) - Math.min(...perShare), resolution).toBeLessThan(0.01);
    }
    // Pairwise: the difference of two such means has sd √(2μ/8).
    for (const [a, b] of [['exact', 'aggregate'], ['exact', 'hashed'], ['aggregate', 'hashed']] as const) {
      expect(Math.abs(means[a] - means[b]), `${a} vs ${b}`).toBeLessThan(5 * Math.sqrt((2 * mu) / SEEDS.length));
    }
    // The three are three different processes, not one reused.
    expect(new Set(Object.values(means)).size).toBe(3);
  });

  it('with vardiff: the same work (and FPPS pay), but exact mode sends more shares than aggregate', () => {
    // Exact vardiff retargets per worker on noisy share intervals, so its difficulty wanders around
    // the steady value; shares arrive at rate H/(d·2^32), and E[1/d] > 1/E[d] (Jensen), so exact mode
    // legitimately counts more shares (~8 % here). Work Σd — what FPPS pays for — is unbiased in both:
    // each share of difficulty d adds d at rate H/(d·2^32), i.e. work accrues at H/2^32 whatever d is.
    const doc = baseScenario();
    doc.fleet[0] = { id: 'g', count: 5, hashrateTHs: 200, pool: 'p', latencyMs: 0 };
    const work = { exact: [] as number[], aggregate: [] as number[] };
    const shares = { exact: [] as number[], aggregate: [] as number[] };
    for (const resolution of ['exact', 'aggregate'] as const) {
      for (const seed of SEEDS) {
        doc.resolution = resolution;
        doc.seed = seed;
        const { kpis } = runDoc(doc);
        work[resolution].push(kpis.fleetEarnedSat);
        shares[resolution].push(kpis.sharesAccepted);
      }
    }
    // Steady vardiff: one share per 15 s per worker → 5 × 6 h / 15 s = 7,200 shares.
    const steady = (5 * 6 * 3600) / 15;
    expect(Math.abs(mean(shares.aggregate) / steady - 1)).toBeLessThan(0.03);
    expect(mean(shares.exact) / mean(shares.aggregate)).toBeGreaterThan(1.03);
    // FPPS pay follows work: equal within 5 sd of the share-count noise (1/√(8 · 7,200) each).
    const rel = 5 * Math.sqrt(2 / (SEEDS.length * steady));
    expect(Math.abs(mean(work.exact) / mean(work.aggregate) - 1)).toBeLessThan(rel);
  });
});
