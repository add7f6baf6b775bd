// The run's result as data and its exports: the scenario → config mapping, start KPIs, series,
// the event log, price paths, progress and cancellation, canonical JSON, digests and CSVs.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashpriceSatPerThDay } from '../../../src/model/network/index.js';
import { runTwin, TwinCancelled } from '../../../src/model/twin/index.js';
import { balancesCsv, canonicalJson, digestOf, kpisCsv, ledgerCsv, seriesCsv, summaryText, withDigest } from '../../../src/report/index.js';
import { toTwinConfig } from '../../../src/scenario/index.js';
import { runScenario } from '../../../src/worker/twin-runner.js';
import { baseScenario, equilibriumDifficultyOf, parseDoc, runDoc } from './fixtures.js';

const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('scenario → twin config', () => {
  it('converts every unit: EH/s and TH/s → H/s, BTC → sat, % → bps or fractions, ms and minutes → µs', () => {
    const doc = baseScenario();
    doc.network = { hashrateEHs: 650.5, hashrateGrowthPctPerDay: 0.25, blockHeight: 840_000, feesPerBlockBTC: 0.0312, feesVolatilityPct: 40, price: { model: 'table', points: [{ at: '0s', usd: 90_000 }, { at: '2h', usd: 100_000 }] } };
    doc.pools = [{ id: 'p', scheme: 'PPLNS', feePct: 1.55, reserveBTC: 12.5, extraHashrateEHs: 0.3, pplnsWindowFactor: 3, payoutInterval: '6h', fixedShareDifficulty: 1024 }];
    doc.fleet = [{ id: 'g', count: 7, hashrateTHs: 140.5, powerW: 3010, pool: 'p', latencyMs: 120.5, efficiencyPct: 95 }];
    doc.monitoring = { windowMinutes: 30, degradedBelowPct: 70, deadAfterMinutes: 2.5 };
    const config = toTwinConfig(parseDoc(doc));
    expect(config.horizonUs).toBe(6 * 3_600_000_000);
    expect(config.slotUs).toBe(900_000_000);
    expect(config.network).toEqual({
      hashrateHs: 650.5e18, hashrateGrowthPerDay: 0.0025, difficulty: undefined, blockHeight: 840_000, feesPerBlockSat: 3_120_000n, feesCv: 0.4,
      retarget: true, price: { model: 'table', points: [{ atUs: 0, usd: 90_000 }, { atUs: 7_200_000_000, usd: 100_000 }] },
    });
    expect(config.pools[0]).toMatchObject({ feeBps: 155, startingReserveSat: 1_250_000_000n, extraHashrateHs: 0.3e18, pplnsWindowFactor: 3, payoutIntervalUs: 21_600_000_000, fixedShareDifficulty: 1024 });
    expect(config.fleet[0]).toEqual({ id: 'g', count: 7, hashrateHs: 140.5e12, powerW: 3010, poolId: 'p', latencyUs: 120_500, efficiency: 0.95 });
    expect(config.monitoring).toEqual({ windowUs: 1_800_000_000, degradedBelowPct: 70, deadAfterUs: 150_000_000 });
    expect(toTwinConfig(parseDoc(doc), 'other').seed).toBe('other');
  });
});

describe('result', () => {
  it('has one value per slot in every series, a partial last slot included', () => {
    const doc = baseScenario();
    doc.horizon = '1h40m';
    const result = runDoc(doc);
    expect(result.series).toMatchObject({ slotUs: 900_000_000, slots: 7 });
    for (const [name, values] of Object.entries(result.series.values)) expect(values, name).toHaveLength(7);
    expect(result.horizonUs).toBe(6_000_000_000);
    expect(result.kpis.horizonDays).toBeCloseTo(100 / 1440, 6);
  });

  it('reports start KPIs from the start, even when the subsidy halves or the difficulty retargets during the run', () => {
    // First block simulated at 1,049,990: the subsidy halves 10 blocks in.
    const doc = baseScenario();
    doc.horizon = '1d';
    doc.network = { ...doc.network, blockHeight: 1_049_990 };
    const halving = runDoc(doc).kpis;
    const d = equilibriumDifficultyOf(800e18);
    expect(halving.blockHeightEnd).toBeGreaterThan(1_050_000);
    expect(halving.hashpriceStartSatPerTHsDay).toBeCloseTo(hashpriceSatPerThDay({ subsidySat: 312_500_000n, avgFeesSat: 3_000_000n, difficulty: d }), 5);
    // A retarget 3 blocks in, inside the first slot.
    doc.network = { ...doc.network, blockHeight: 2016 * 500 - 3, difficulty: 5e13, retarget: true };
    doc.slot = '6h';
    const retarget = runDoc(doc).kpis;
    expect(retarget.networkRetargets).toBe(1);
    expect(retarget.networkDifficultyStart).toBe(5e13);
    expect(retarget.networkDifficultyEnd).not.toBe(5e13);
  });

  it('logs the fleet\'s blocks and health verdicts as events', () => {
    const doc = baseScenario();
    doc.horizon = '1d';
    doc.network = { ...doc.network, hashrateEHs: 0.01 };
    // Half the nominal hashrate delivered: the pool sees a degraded group.
    doc.fleet[0] = { ...doc.fleet[0], count: 5, efficiencyPct: 50 };
    doc.monitoring = { windowMinutes: 30, degradedBelowPct: 80 };
    const result = runDoc(doc);
    const blocks = result.events.filter((e) => e.type === 'BlockFound');
    expect(blocks.length).toBe(result.kpis.fleetBlocksFound);
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks[0].data).toMatchObject({ group: 'g', pool: 'p', rewardSat: '315500000' });
    expect(result.events.some((e) => e.type === 'WorkerDegraded')).toBe(true);
    expect(result.kpis.fleetAlerts).toBeGreaterThan(0);
    expect(result.kpis.fleetUnhealthyPct).toBeGreaterThan(50);
    for (let i = 1; i < result.events.length; i++) expect(result.events[i].atUs).toBeGreaterThanOrEqual(result.events[i - 1].atUs);
  });

  it('follows the price path per slot: fixed, table steps, and a seeded GBM', () => {
    const doc = baseScenario();
    doc.slot = '1h';
    doc.network = { ...doc.network, price: { model: 'table', points: [{ at: '0s', usd: 50_000 }, { at: '2h', usd: 60_000 }, { at: '2h30m', usd: 70_000 }] } };
    expect(runDoc(doc).series.values.priceUsd).toEqual([50_000, 50_000, 60_000, 70_000, 70_000, 70_000]);
    doc.network = { ...doc.network, price: { model: 'gbm', usd: 95_000, volatilityPctPerYear: 80 } };
    const a = runDoc(doc);
    const b = runDoc(doc);
    expect(a.series.values.priceUsd).toEqual(b.series.values.priceUsd);
    expect(a.series.values.priceUsd[0]).toBe(95_000);
    expect(new Set(a.series.values.priceUsd).size).toBe(6);
    expect(runDoc({ ...doc, seed: 99 }).series.values.priceUsd).not.toEqual(a.series.values.priceUsd);
    // USD earnings are each slot's sats at that slot's price.
    const usd = a.series.values.fleetEarnedSat.reduce((s, sat, i) => s + (sat / 1e8) * a.series.values.priceUsd[i], 0);
    expect(a.kpis.fleetEarnedUsd).toBeCloseTo(usd, 2);
  });

  it('reports progress up to 1 and stops with TwinCancelled when asked', () => {
    const config = toTwinConfig(parseDoc(baseScenario()));
    const fractions: number[] = [];
    runTwin(config, { onProgress: (f) => fractions.push(f) });
    expect(fractions).toHaveLength(24);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions.every((f, i) => i === 0 || f > fractions[i - 1])).toBe(true);
    let asked = 0;
    expect(() => runTwin(config, { shouldCancel: () => ++asked >= 3 })).toThrow(TwinCancelled);
    expect(asked).toBe(3);
    expect(() => runTwin({ ...config, resolution: 'hashed' })).toThrow(/shareHasher/);
  });
});

describe('twin-runner', () => {
  it('returns problems, cancellations and internal failures as data, never throws', async () => {
    const invalid = await runScenario({ scenarioText: 'name: x\npools: []\nfleet: []\n' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-scenario', issues: [{ path: 'pools' }, { path: 'fleet' }] } });
    const text = JSON.stringify(baseScenario());
    expect(await runScenario({ scenarioText: text }, { shouldCancel: () => true })).toEqual({ ok: false, error: { code: 'cancelled', message: 'run cancelled' } });
    const overridden = await runScenario({ scenarioText: text, overrides: [{ path: 'fleet[0].count', value: 0 }] });
    expect(overridden).toMatchObject({ ok: false, error: { code: 'invalid-scenario', issues: [{ path: 'fleet[0].count', message: 'must be ≥ 1, got 0' }] } });
    const empty = await runScenario({ scenarioText: '', overrides: [{ path: 'fleet[0].count', value: 2 }] });
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid-scenario', issues: [{ path: '(root)' }] } });
  });

  it('applies overrides like values typed into the file', async () => {
    const doc = baseScenario();
    const viaOverride = await runScenario({ scenarioText: JSON.stringify(doc), overrides: [{ path: 'fleet[0].count', value: 20 }] });
    doc.fleet[0].count = 20;
    const viaFile = await runScenario({ scenarioText: JSON.stringify(doc) });
    if (!viaOverride.ok || !viaFile.ok) throw new Error('run failed');
    expect(viaOverride.result.digest).toBe(viaFile.result.digest);
  });
});

describe('report', () => {
  it('canonical JSON sorts keys at every depth, writes bigints as strings and refuses what JSON cannot say', () => {
    expect(canonicalJson({ b: [1, { d: 2n, c: 'x' }], a: null, u: undefined, e: true })).toBe('{"a":null,"b":[1,{"c":"x","d":"2"}],"e":true}');
    expect(canonicalJson({ y: 1, x: 2 })).toBe(canonicalJson({ x: 2, y: 1 }));
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(RangeError);
    expect(() => canonicalJson({ a: Infinity })).toThrow(RangeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(RangeError);
  });

  it('the digest ignores a digest already present and changes with any value', () => {
    const result = runDoc(baseScenario());
    const digested = withDigest(result, sha256Hex);
    expect(digested.digest).toBe(sha256Hex(new TextEncoder().encode(canonicalJson(result))));
    expect(digestOf(digested, sha256Hex)).toBe(digested.digest);
    expect(digestOf({ ...result, events: [{ atUs: 0, type: 'X', data: undefined }] }, sha256Hex)).not.toBe(digested.digest);
  });

  it('exports series, KPIs, the journal and balances as CSV with one row per slot, KPI, entry and balance', () => {
    const doc = baseScenario();
    doc.network = { ...doc.network, hashrateEHs: 0.05 };
    doc.pools[0] = { id: 'p', scheme: 'PPLNS', extraHashrateEHs: 0.01 };
    const result = withDigest(runDoc(doc), sha256Hex);
    const series = seriesCsv(result).trimEnd().split('\n');
    const names = Object.keys(result.series.values).sort();
    expect(series[0]).toBe(['slot', 'slotStartUs', ...names].join(','));
    expect(series).toHaveLength(result.series.slots + 1);
    expect(series[2].split(',').slice(0, 2)).toEqual(['1', '900000000']);
    const col = names.indexOf('fleetSharesAccepted') + 2;
    expect(series.slice(1).map((row) => Number(row.split(',')[col]))).toEqual(result.series.values.fleetSharesAccepted);

    const kpis = kpisCsv(result).trimEnd().split('\n');
    expect(kpis[0]).toBe('kpi,value');
    expect(kpis).toHaveLength(Object.keys(result.kpis).length + 1);
    expect(kpis).toContain(`fleetEarnedSat,${result.kpis.fleetEarnedSat}`);

    const ledger = ledgerCsv(result).trimEnd().split('\n');
    expect(ledger[0]).toBe('atUs,from,to,amount,unit,reason');
    expect(ledger).toHaveLength(result.ledger.entries.length + 1);
    expect(result.ledger.entries.length).toBeGreaterThan(3);
    const e = result.ledger.entries[1];
    expect(ledger[2]).toBe([e.atUs, e.from, e.to, e.amount, e.unit, e.reason].join(','));

    const balances = balancesCsv(result).trimEnd().split('\n');
    expect(balances[0]).toBe('unit,account,balance');
    expect(balances).toHaveLength(Object.keys(result.ledger.balances.sat).length + 1);
    expect(balances.slice(1).reduce((s, row) => s + BigInt(row.split(',')[2]), 0n)).toBe(0n);
  });

  it('quotes CSV cells that hold commas or quotes', () => {
    const result = withDigest(runDoc(baseScenario()), sha256Hex);
    const odd = { ...result, kpis: { 'a,b': 1, 'say "hi"': 2 } };
    expect(kpisCsv(odd)).toBe('kpi,value\n"a,b",1\n"say ""hi""",2\n');
  });

  it('summarises a result for the terminal: headline KPIs first, then the rest, then the digest', () => {
    const result = withDigest(runDoc(baseScenario()), sha256Hex);
    const lines = summaryText(result).split('\n');
    expect(lines[0]).toBe('test  (seed 1, aggregate, 24 slots)');
    expect(lines[1]).toMatch(/^ {2}horizonDays +0\.25$/);
    expect(lines.at(-1)).toBe(`digest ${result.digest}`);
    expect(lines.filter((l) => /^ {2}\S/.test(l))).toHaveLength(Object.keys(result.kpis).length + 1);
    // Pools and groups get titled sections holding their own KPIs.
    const poolTitle = lines.findIndex((l) => l.startsWith('[pool '));
    expect(poolTitle).toBeGreaterThan(1);
    expect(lines[poolTitle + 1]).toMatch(/^ {2}pool\./);
  });
});
