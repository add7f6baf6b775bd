// Determinism and common random numbers: the same scenario and seed give the same bytes (digest
// included), different seeds differ, and what-if changes that do not touch randomness leave the
// shares and blocks of the run as they were, so a delta shows only the change.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/report/index.js';
import { formatDuration, parseScenarioText, type Override } from '../../../src/scenario/index.js';
import { runScenario } from '../../../src/worker/twin-runner.js';
import { baseScenario, runDoc, sum } from './fixtures.js';

const SCENARIO_DIR = new URL('../../../scenarios/', import.meta.url);
const scenarioFiles = readdirSync(SCENARIO_DIR).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();

/**
 * The default suite stays fast: each scenario runs over at most a short horizon (whole slots) that
 * depends on its resolution; scenarios.slow.test.ts runs them in full (`npm run test:slow`).
 */
const HORIZON_CAP_US: Record<string, number> = { exact: 3_600_000_000, hashed: 3_600_000_000, aggregate: 30 * 86_400_000_000 };

function cappedHorizon(text: string): Override[] {
  const parsed = parseScenarioText(text);
  if (!parsed.ok) throw new Error(`invalid scenario: ${JSON.stringify(parsed.issues)}`);
  const { horizon, slot, resolution } = parsed.scenario;
  const capUs = Math.max(slot, Math.floor(HORIZON_CAP_US[resolution] / slot) * slot);
  return horizon > capUs ? [{ path: 'horizon', value: formatDuration(capUs) }] : [];
}

async function run(scenarioText: string, seed?: string | number, overrides: Override[] = []) {
  const reply = await runScenario({ scenarioText, seed, overrides });
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.result;
}

describe('every scenario in scenarios/', () => {
  it('includes default.yaml', () => {
    expect(scenarioFiles).toContain('default.yaml');
  });

  it.each(scenarioFiles)('%s: twice gives the same digest and bytes; another seed another digest', async (file) => {
    const text = readFileSync(new URL(file, SCENARIO_DIR), 'utf8');
    const overrides = cappedHorizon(text);
    const first = await run(text, undefined, overrides);
    const second = await run(text, undefined, overrides);
    expect(second.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(second.digest).toBe(first.digest);
    expect(canonicalJson(second)).toBe(canonicalJson(first));
    const other = await run(text, 'another seed', overrides);
    expect(other.seed).toBe('another seed');
    expect(other.digest).not.toBe(first.digest);
    // The digest is SHA-256 of the canonical JSON of everything but the digest.
    const { digest, ...rest } = first;
    expect(createHash('sha256').update(canonicalJson(rest)).digest('hex')).toBe(digest);
    // ... and so it covers every part: changing any KPI would change it.
    const tampered = { ...rest, kpis: { ...rest.kpis, fleetEarnedSat: rest.kpis.fleetEarnedSat + 1 } };
    expect(createHash('sha256').update(canonicalJson(tampered)).digest('hex')).not.toBe(digest);
  });
});

describe('seeds', () => {
  it('a seed given to the run equals the same seed in the file; nearby seeds differ', async () => {
    const doc = baseScenario();
    const text = JSON.stringify(doc);
    const [one, two, three, textOne] = await Promise.all([1, 2, 3, '1'].map((seed) => run(text, seed)));
    expect(new Set([one.digest, two.digest, three.digest]).size).toBe(3);
    expect((await run(JSON.stringify({ ...doc, seed: 2 }))).digest).toBe(two.digest);
    // The streams are seeded by the seed's text, so "1" draws as 1 does; the result records the seed as given.
    expect(textOne.kpis).toEqual(one.kpis);
    expect(textOne.seed).toBe('1');
  });
});

describe('common random numbers', () => {
  /** Two pools so a change to one can be seen to leave the other alone. */
  function twoPools() {
    const doc = baseScenario();
    doc.horizon = '2d';
    doc.network = { ...doc.network, hashrateEHs: 0.05, feesVolatilityPct: 30 };
    doc.pools = [{ id: 'a', scheme: 'FPPS', feePct: 2 }, { id: 'b', scheme: 'PPLNS', feePct: 1, extraHashrateEHs: 0.01 }];
    doc.fleet = [
      { id: 'x', count: 10, hashrateTHs: 200, pool: 'a', latencyMs: 50 },
      { id: 'y', count: 20, hashrateTHs: 150, pool: 'b', latencyMs: 100 },
    ];
    return doc;
  }

  it("a pool's fee changes its miners' pay and nothing else: same shares, blocks and fees per block", () => {
    const base = twoPools();
    const cheaper = twoPools();
    cheaper.pools[0].feePct = 0.5;
    cheaper.pools[1].feePct = 3;
    const r1 = runDoc(base);
    const r2 = runDoc(cheaper);
    for (const name of ['fleetSharesAccepted', 'fleetSharesStale', 'fleetAcceptedDifficulty', 'networkBlocks', 'poolBlocks', 'networkDifficulty']) {
      expect(r2.series.values[name], name).toEqual(r1.series.values[name]);
    }
    expect(r2.events).toEqual(r1.events);
    const rewards = (r: typeof r1) => r.ledger.entries.filter((e) => e.reason === 'block reward').map((e) => [e.atUs, e.amount]);
    expect(rewards(r2)).toEqual(rewards(r1));
    expect(rewards(r1).length).toBeGreaterThan(10);
    // FPPS pays (1 − f) per unit of work: the ratio of pay is the ratio of (1 − f), to a satoshi.
    const x1 = r1.kpis['group.x.earnedSat'];
    const x2 = r2.kpis['group.x.earnedSat'];
    expect(Math.abs(x2 - (x1 * 0.995) / 0.98)).toBeLessThan(2);
    expect(r2.kpis['group.y.earnedSat']).toBeLessThan(r1.kpis['group.y.earnedSat']);
  });

  it('switching a pool between FPPS and PPS leaves every share and block where it was', () => {
    const base = twoPools();
    const pps = twoPools();
    pps.pools[0].scheme = 'PPS';
    const r1 = runDoc(base);
    const r2 = runDoc(pps);
    expect(r2.series.values.fleetSharesAccepted).toEqual(r1.series.values.fleetSharesAccepted);
    expect(r2.kpis['group.y.earnedSat']).toBe(r1.kpis['group.y.earnedSat']);
    // PPS leaves the fees out: S / (S + F) of FPPS's pay.
    const ratio = r2.kpis['group.x.earnedSat'] / r1.kpis['group.x.earnedSat'];
    expect(ratio).toBeCloseTo(312_500_000 / 315_500_000, 4);
  });

  it('exact mode, no latency: adding a group leaves every other group\'s shares and blocks unchanged', () => {
    // Each worker's shares come from its own stream (group/<id>/worker/<i>) and depend only on its
    // hashrate and difficulty; with no latency no share goes stale, so the other groups' draws
    // cannot shift. (The rest of the network's blocks do move: its rate excludes the fleet.)
    const base = twoPools();
    base.horizon = '12h';
    base.resolution = 'exact';
    base.fleet = [{ id: 'x', count: 3, hashrateTHs: 200, pool: 'a', latencyMs: 0 }, { id: 'y', count: 2, hashrateTHs: 3000, pool: 'b', latencyMs: 0 }];
    const more = structuredClone(base);
    more.fleet.push({ id: 'z', count: 2, hashrateTHs: 2000, pool: 'a', latencyMs: 0 });
    const r1 = runDoc(base);
    const r2 = runDoc(more);
    for (const id of ['x', 'y']) {
      expect(r2.kpis[`group.${id}.sharesAccepted`], id).toBe(r1.kpis[`group.${id}.sharesAccepted`]);
      expect(r2.kpis[`group.${id}.blocksFound`], id).toBe(r1.kpis[`group.${id}.blocksFound`]);
    }
    expect(r1.kpis['group.y.blocksFound']).toBeGreaterThan(0);
    expect(r2.kpis['group.z.sharesAccepted']).toBeGreaterThan(0);
    expect(r2.kpis.networkBlocks).not.toBe(r1.kpis.networkBlocks);
  });

  it('aggregate mode: adding a group moves block times, and with them the other groups\' Poisson draws (documented limit)', () => {
    // Aggregate mode draws each group's shares at every flush (every block and slot edge) from the
    // group's stream. A new group changes the rest-of-network rate, so the block times, so the
    // number of draws: the other groups' counts change by noise, not in expectation. This test pins
    // that behaviour so a future fix (per-slot draws) shows up as a deliberate change.
    const base = twoPools();
    const more = twoPools();
    more.fleet.push({ id: 'z', count: 50, hashrateTHs: 200, pool: 'a', latencyMs: 0 });
    const r1 = runDoc(base);
    const r2 = runDoc(more);
    const x1 = r1.kpis['group.x.sharesAccepted'];
    const x2 = r2.kpis['group.x.sharesAccepted'];
    expect(sum(r2.series.values.networkBlocks)).not.toBe(sum(r1.series.values.networkBlocks));
    // Same expectation: within 5 Poisson standard deviations of each other.
    expect(Math.abs(x2 - x1)).toBeLessThan(5 * Math.sqrt(x1 + x2));
  });
});
