// The twin's books over random small scenarios (fast-check, fixed seed): every unit's balances sum
// to zero, miners' ledger balances equal their earnings KPIs after the final payout, pools' wallets
// and fee accounts match their KPIs, and no split creates or loses a satoshi.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getBlockSubsidy } from '../../../src/model/network/index.js';
import { COINBASE_ACCOUNT, minerAccount, poolOthersMinerId, type TwinResult } from '../../../src/model/twin/index.js';
import { canonicalJson } from '../../../src/report/index.js';
import { balanceOf, baseScenario, parseDoc, runDoc, sum, type TestDoc } from './fixtures.js';

const SCHEMES = ['PPS', 'FPPS', 'PROP', 'PPLNS', 'SOLO'] as const;

const poolArb = fc.record({
  scheme: fc.constantFrom(...SCHEMES),
  feeBps: fc.integer({ min: 0, max: 500 }),
  reserveBTC: fc.constantFrom(0, 0.5, 5),
  /** The pool's other miners as a share of the network, in %. */
  extraPct: fc.constantFrom(0, 0, 5, 40),
  payoutInterval: fc.constantFrom('1h', '6h', '1d'),
  pplnsWindowFactor: fc.constantFrom(0.5, 2),
  fixedShareDifficulty: fc.constantFrom(undefined, undefined, 5e3, 1e6),
});

const groupArb = fc.record({
  count: fc.integer({ min: 1, max: 40 }),
  hashrateTHs: fc.integer({ min: 50, max: 400 }),
  poolPick: fc.nat(),
  latencyMs: fc.constantFrom(0, 80, 250),
  efficiencyPct: fc.integer({ min: 50, max: 100 }),
});

const scenarioArb = fc.record({
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  exact: fc.boolean(),
  horizonHours: fc.integer({ min: 2, max: 72 }),
  slot: fc.constantFrom('15m', '1h'),
  // 0.05 EH/s: the fleet is a large part of the network and finds blocks itself.
  hashrateEHs: fc.constantFrom(0.05, 2, 800),
  growthPctPerDay: fc.constantFrom(0, 0.5, -1),
  // Around the 1,050,000 halving and across retarget boundaries.
  blockHeight: fc.integer({ min: 1_049_900, max: 1_050_100 }),
  feesVolatilityPct: fc.constantFrom(0, 30),
  retarget: fc.boolean(),
  pools: fc.array(poolArb, { minLength: 1, maxLength: 3 }),
  groups: fc.array(groupArb, { minLength: 1, maxLength: 3 }),
});

type ScenarioSpec = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function toDoc(spec: ScenarioSpec): TestDoc {
  // Exact mode (one event per share) only for a handful of workers over half a day at most.
  const exact = spec.exact && spec.groups.reduce((s, g) => s + Math.min(g.count, 3), 0) <= 6;
  const doc = baseScenario();
  doc.seed = spec.seed;
  doc.resolution = exact ? 'exact' : 'aggregate';
  doc.horizon = `${exact ? Math.min(spec.horizonHours, 12) : spec.horizonHours}h`;
  doc.slot = spec.slot;
  doc.network = {
    hashrateEHs: spec.hashrateEHs, hashrateGrowthPctPerDay: spec.growthPctPerDay, blockHeight: spec.blockHeight,
    feesPerBlockBTC: 0.03, feesVolatilityPct: spec.feesVolatilityPct, retarget: spec.retarget, price: { model: 'fixed', usd: 90_000 },
  };
  doc.pools = spec.pools.map((p, i) => ({
    id: `pool-${i}`, scheme: p.scheme, feePct: p.feeBps / 100, reserveBTC: p.reserveBTC, payoutInterval: p.payoutInterval,
    extraHashrateEHs: (spec.hashrateEHs * p.extraPct) / 100, pplnsWindowFactor: p.pplnsWindowFactor,
    ...(p.fixedShareDifficulty !== undefined && !exact ? { fixedShareDifficulty: p.fixedShareDifficulty } : {}),
  }));
  doc.fleet = spec.groups.map((g, i) => ({
    id: `group-${i}`, count: exact ? Math.min(g.count, 3) : g.count, hashrateTHs: g.hashrateTHs, pool: `pool-${g.poolPick % spec.pools.length}`,
    latencyMs: g.latencyMs, efficiencyPct: g.efficiencyPct,
  }));
  return doc;
}

/** Every invariant of the books, checked on one result. */
function checkBooks(doc: TestDoc, result: TwinResult): void {
  const scenario = parseDoc(doc);
  const { entries, balances, entryCount } = result.ledger;
  const k = result.kpis;

  // The journal: in time order, within the run, positive whole amounts, numbered in order.
  expect(entryCount).toBe(entries.length);
  expect(k.ledgerEntries).toBe(entries.length);
  entries.forEach((e, i) => {
    expect(e.seq).toBe(i);
    expect(e.atUs).toBeGreaterThanOrEqual(i > 0 ? entries[i - 1].atUs : 0);
    expect(e.atUs).toBeLessThanOrEqual(scenario.horizon);
    expect(e.amount).toMatch(/^[1-9]\d*$/);
    expect(e.unit).toBe('sat');
  });

  // Double entry: each unit's balances sum to zero.
  for (const accounts of Object.values(balances)) expect(Object.values(accounts).reduce((s, b) => s + BigInt(b), 0n)).toBe(0n);

  // Miners: paid in full at the end, so the ledger balance is what the KPI says was earned.
  for (const g of scenario.fleet) {
    expect(balanceOf(result, minerAccount(g.id))).toBe(BigInt(k[`group.${g.id}.earnedSat`]));
    const poolOf = `pool:${g.pool}`;
    for (const e of entries.filter((x) => x.to === minerAccount(g.id))) expect(e.from).toBe(poolOf);
  }
  expect(sum(scenario.fleet.map((g) => k[`group.${g.id}.earnedSat`]))).toBe(k.fleetEarnedSat);

  // Blocks: every pool block brought its reward in from the coinbase, and nothing else did.
  const rewards = entries.filter((e) => e.reason === 'block reward');
  expect(rewards.every((e) => e.from === COINBASE_ACCOUNT)).toBe(true);
  expect(entries.filter((e) => e.from === COINBASE_ACCOUNT)).toHaveLength(rewards.length);
  expect(-balanceOf(result, COINBASE_ACCOUNT)).toBe(rewards.reduce((s, e) => s + BigInt(e.amount), 0n));
  expect(rewards.length).toBe(sum(scenario.pools.map((p) => k[`pool.${p.id}.blocksFound`])));
  const lowestSubsidy = getBlockSubsidy(k.blockHeightEnd);
  for (const e of rewards) expect(BigInt(e.amount) >= lowestSubsidy).toBe(true);

  for (const p of scenario.pools) {
    const wallet = `pool:${p.id}`;
    const reserve = BigInt(Math.round(p.reserveBTC * 1e8));
    const inflow = rewards.filter((e) => e.to === wallet).reduce((s, e) => s + BigInt(e.amount), 0n);
    const fees = balanceOf(result, `${wallet}:fees`);
    const paid = entries.filter((e) => e.from === wallet && e.to.startsWith('miner:')).reduce((s, e) => s + BigInt(e.amount), 0n);
    const retained = balanceOf(result, wallet) - reserve;
    expect(balanceOf(result, `capital:${p.id}`)).toBe(-reserve);
    expect(BigInt(k[`pool.${p.id}.feeIncomeSat`])).toBe(fees);
    // Nothing is owed after the final payout: the reserve KPI is the wallet.
    expect(BigInt(k[`pool.${p.id}.reserveEndSat`])).toBe(balanceOf(result, wallet));
    expect(BigInt(k[`pool.${p.id}.lowestReserveSat`]) <= BigInt(k[`pool.${p.id}.reserveEndSat`])).toBe(true);
    // Conservation per pool: what came in is paid, kept as fee, or retained.
    expect(inflow).toBe(paid + fees + retained);
    const blocks = BigInt(k[`pool.${p.id}.blocksFound`]);
    const feeBps = BigInt(Math.round(p.feePct * 100));
    if (p.scheme === 'PPS' || p.scheme === 'FPPS') {
      // The fee is priced into each share; the operator's result is the reserve.
      expect(fees).toBe(0n);
    } else {
      // The fee is split off each block to the satoshi (largest remainder: off by < 1 sat per block).
      const exactFeeTimes1e4 = inflow * feeBps;
      const diff = fees * 10_000n - exactFeeTimes1e4;
      expect(diff < 0n ? -diff : diff).toBeLessThanOrEqual(10_000n * blocks);
      // A share-split never pays out more than the blocks brought in; SOLO keeps nothing.
      expect(retained >= 0n).toBe(true);
      if (p.scheme === 'SOLO') expect(retained).toBe(0n);
    }
  }

  // The per-slot series add up to the KPIs and have one value per slot.
  const slots = Math.ceil(scenario.horizon / scenario.slot);
  expect(result.series.slots).toBe(slots);
  for (const values of Object.values(result.series.values)) expect(values).toHaveLength(slots);
  const series = result.series.values;
  expect(sum(series.fleetEarnedSat)).toBe(k.fleetEarnedSat);
  expect(sum(series.fleetSharesAccepted)).toBe(k.sharesAccepted);
  expect(sum(series.fleetSharesStale)).toBe(k.sharesStale);
  expect(sum(series.networkBlocks ?? []) + sum(series.poolBlocks ?? [])).toBe(k.networkBlocks);
  expect(sum(series.poolBlocks ?? [])).toBe(sum(scenario.pools.map((p) => k[`pool.${p.id}.blocksFound`])));
  expect(k.blockHeightEnd - scenario.network.blockHeight).toBe(k.networkBlocks);
}

describe('the twin keeps its books', () => {
  it('balances, conserves and matches its KPIs for random small scenarios (all schemes, both event resolutions)', () => {
    let withPoolBlocks = 0;
    let exactRuns = 0;
    fc.assert(fc.property(scenarioArb, (spec) => {
      const doc = toDoc(spec);
      const result = runDoc(doc);
      checkBooks(doc, result);
      if (result.ledger.entries.some((e) => e.reason === 'block reward')) withPoolBlocks++;
      if (doc.resolution === 'exact') exactRuns++;
    }), { seed: 20_250_501, numRuns: 60 });
    // The property is only worth something if blocks were won and exact mode ran.
    expect(withPoolBlocks).toBeGreaterThan(10);
    expect(exactRuns).toBeGreaterThan(5);
  });

  it('gives the same result for the same scenario and seed', () => {
    fc.assert(fc.property(scenarioArb, (spec) => {
      const doc = toDoc(spec);
      expect(canonicalJson(runDoc(doc))).toBe(canonicalJson(runDoc(doc)));
    }), { seed: 7_777, numRuns: 12 });
  });

  it("books each block's reward as subsidy + fees at its height (across the 1,050,000 halving)", () => {
    const doc = baseScenario();
    doc.horizon = '1d';
    doc.network = { ...doc.network, hashrateEHs: 0.05, blockHeight: 1_049_990 };
    // The pool's other miners are the whole network, so every block is booked in the ledger.
    doc.pools = [{ id: 'p', scheme: 'PPLNS', feePct: 1, extraHashrateEHs: 0.05 }];
    const result = runDoc(doc);
    const rewards = result.ledger.entries.filter((e) => e.reason === 'block reward').map((e) => BigInt(e.amount));
    expect(rewards.length).toBe(result.kpis.networkBlocks);
    expect(rewards.length).toBeGreaterThan(20);
    rewards.forEach((amount, i) => expect(amount).toBe(getBlockSubsidy(1_049_990 + i) + 3_000_000n));
    expect(rewards[0]).toBe(312_500_000n + 3_000_000n);
    expect(rewards[rewards.length - 1]).toBe(156_250_000n + 3_000_000n);
  });

  it("keeps a fleet group apart from a pool's other miners whatever the group is called", () => {
    // A group named like the other pool's outside miners once shared their ledger account.
    const doc = baseScenario();
    doc.horizon = '2d';
    doc.network = { ...doc.network, hashrateEHs: 0.05 };
    doc.pools = [{ id: 'a', scheme: 'PPLNS', extraHashrateEHs: 0.02 }, { id: 'b', scheme: 'FPPS' }];
    doc.fleet = [{ id: 'a-others', count: 5, hashrateTHs: 200, pool: 'b', latencyMs: 0 }, { id: 'network', count: 20, hashrateTHs: 400, pool: 'a', latencyMs: 0 }];
    const result = runDoc(doc);
    expect(result.kpis['pool.a.blocksFound']).toBeGreaterThan(0);
    expect(balanceOf(result, minerAccount('a-others'))).toBe(BigInt(result.kpis['group.a-others.earnedSat']));
    expect(balanceOf(result, minerAccount(poolOthersMinerId('a'))) > 0n).toBe(true);
    // A group called "network" finds blocks through its pool; they count as pool blocks.
    expect(result.kpis['group.network.blocksFound']).toBeGreaterThan(0);
    expect(sum(result.series.values.poolBlocks)).toBe(result.kpis['pool.a.blocksFound'] + result.kpis['pool.b.blocksFound']);
    checkBooks(doc, result);
  });
});
