// The multi-tenant IaaS in the twin (DESIGN.md system 4): its money balances to the µUSD and the sat,
// tenant margins add up to the total, bursts start only when every local node of the algorithm is full
// (and go to the cheapest offer with units left), crowd rewards are a fair share of the work, the run is
// deterministic, and the rest of the twin is untouched by it (scenarios without it give the digests of
// before the system existed).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runTwin, type TwinResult } from '../../../src/model/twin/index.js';
import { canonicalJson, withDigest } from '../../../src/report/index.js';
import { parseScenarioText, toTwinConfig } from '../../../src/scenario/index.js';
import { balanceOf, baseScenario, runDoc, sum, type TestDoc } from './fixtures.js';

const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const UUSD = 'uUSD';
const MARKET_UNITS = 1200;

/** Exact decimal dollars from the tables ("-1.234567") → µUSD. */
function microUsd(text: unknown): bigint {
  const m = /^(-?)(\d+)\.(\d{6})$/.exec(String(text));
  if (m === null) throw new Error(`not an exact US$ amount: ${String(text)}`);
  const abs = BigInt(m[2]!) * 1_000_000n + BigInt(m[3]!);
  return m[1] === '-' ? -abs : abs;
}

/**
 * A leased S21 hall (2 PH/s), an S19 XP rack (700 TH/s) and a GPU bay (1.44 GH/s Ethash) over three
 * days; tenants' evening peaks overflow them. SHA-256d bursts go to a shallow ASIC hashrate market,
 * then to a dear GPU cloud; Ethash to two GPU clouds. Crowd nodes mine on the FPPS pool.
 */
function iaasDoc(): TestDoc {
  const doc = baseScenario();
  doc.horizon = '3d';
  doc.fleet = [
    { id: 'hall', count: 10, model: 'antminer-s21', pool: 'p', latencyMs: 0 },
    { id: 'g', count: 10, hashrateTHs: 200, pool: 'p', latencyMs: 0 },
  ];
  doc.site = { powerPriceUSDperKWh: 0.06, pue: 1.1 };
  doc.iaas = {
    nodes: [
      { id: 'hall', fleetGroup: 'hall', fixedCostUSDperDay: 10 },
      { id: 'rack', model: 'antminer-s19-xp', rigs: 5 },
      { id: 'gpu', model: 'gpu-rig-6x-rtx3060ti', rigs: 4, fixedCostUSDperDay: 2 },
    ],
    tenants: {
      arrivalsPerDay: 36,
      algorithmMixPct: { sha256d: 75, ethash: 25 },
      sha256dDemandTHs: { median: 250, sigma: 0.8 },
      stay: { median: '5h', sigma: 0.9, min: '15m' },
    },
    burst: {
      offers: [
        { id: 'market', class: 'asic', algorithm: 'sha256d', hashrateTHsPerUnit: 1, priceUSDperUnitHour: 0.0024, availableUnits: MARKET_UNITS },
        { id: 'gpu-sha', class: 'gpu', algorithm: 'sha256d', hashrateTHsPerUnit: 0.005, priceUSDperUnitHour: 0.18 },
        { id: 'rtx', class: 'gpu', algorithm: 'ethash', hashrateMHsPerUnit: 125, efficiencyPct: 90, priceUSDperUnitHour: 0.18, availableUnits: 8 },
        { id: 'a10g', class: 'gpu', algorithm: 'ethash', hashrateMHsPerUnit: 80, priceUSDperUnitHour: 1.006 },
      ],
    },
    crowd: { initialNodes: 8, joinsPerDay: 4, meanStay: '1d', medianHashrateTHs: 50, rewardSharePct: 85 },
  };
  return doc;
}

const doc = iaasDoc();
const result = runDoc(doc);
const tenants = result.tables['iaas.tenants']!;
const k = result.kpis;

describe('the IaaS run', () => {
  it('has tenants, bursts on both algorithms, negative slots and a crowd (so the properties below are tested on something)', () => {
    expect(k['iaas.tenants']).toBeGreaterThan(60);
    expect(tenants).toHaveLength(k['iaas.tenants']!);
    expect(tenants.filter((t) => t.algorithm === 'sha256d' && t.burstOffer !== null).length).toBeGreaterThan(3);
    expect(tenants.filter((t) => t.algorithm === 'ethash' && t.burstOffer !== null).length).toBeGreaterThan(0);
    expect(tenants.some((t) => t.burstOffer === 'gpu-sha')).toBe(true);
    expect(k['iaas.negativeMarginSlots']).toBeGreaterThan(0);
    expect(k['iaas.peakDemandTHs']).toBeGreaterThan(k['iaas.capacityTHs']!);
    expect(k['iaas.crowdDistributions']).toBe(3);
  });
});

describe('money', () => {
  const margins = tenants.map((t) => microUsd(t.marginUsd));
  const fixed = balanceOf(result, 'supplier:hosting', UUSD);

  it('balances to zero in every unit', () => {
    for (const [unit, accounts] of Object.entries(result.ledger.balances)) {
      expect(Object.values(accounts).reduce((s, b) => s + BigInt(b), 0n), unit).toBe(0n);
    }
  });

  it('per tenant: margin = revenue − local cost − burst cost, and the tenant paid its revenue', () => {
    for (const t of tenants) {
      expect(microUsd(t.marginUsd)).toBe(microUsd(t.revenueUsd) - microUsd(t.localCostUsd) - microUsd(t.burstCostUsd));
      expect(balanceOf(result, `iaas:${String(t.tenant)}`, UUSD)).toBe(-microUsd(t.revenueUsd));
    }
    expect(margins.some((m) => m < 0n)).toBe(true);
    expect(margins.some((m) => m > 0n)).toBe(true);
    expect(k['iaas.negativeMarginTenants']).toBe(margins.filter((m) => m < 0n).length);
  });

  it('tenant margins less the nodes\' fixed costs are exactly what the operator kept, and the KPI to the cent', () => {
    const total = sum(margins.map(Number)) - Number(fixed);
    expect(balanceOf(result, 'operator:iaas', UUSD)).toBe(margins.reduce((s, m) => s + m, 0n) - fixed);
    expect(Math.abs(k['iaas.marginUsd']! - total / 1e6)).toBeLessThanOrEqual(0.005);
    // Fixed costs: each node's daily cost over the run, split per slot half-to-even (≤ ½ µUSD a slot).
    const slots = result.series.slots;
    expect(Math.abs(Number(fixed) - (10 + 2) * 3 * 1e6)).toBeLessThanOrEqual(slots / 2);
    expect(Math.abs(k['iaas.fixedCostUsd']! - 36)).toBeLessThan(0.01);
  });

  it('the per-slot margins (spread exactly over each stay) add up to the total', () => {
    const perSlot = result.series.values['iaas.marginUsd']!;
    expect(perSlot).toHaveLength(result.series.slots);
    expect(Math.abs(sum(perSlot) - k['iaas.marginUsd']!)).toBeLessThan(0.005 + perSlot.length * 1e-6);
    expect(perSlot.filter((m) => m < 0).length).toBe(k['iaas.negativeMarginSlots']);
  });

  it('burst offers and the power utility are paid what the tenants\' costs say', () => {
    for (const offer of ['market', 'gpu-sha', 'rtx', 'a10g']) {
      const cost = tenants.filter((t) => t.burstOffer === offer).reduce((s, t) => s + microUsd(t.burstCostUsd), 0n);
      expect(balanceOf(result, `burst:${offer}`, UUSD), offer).toBe(cost);
    }
    const localCost = tenants.reduce((s, t) => s + microUsd(t.localCostUsd), 0n);
    const energyBills = result.ledger.entries.filter((e) => e.reason === 'energy bill').reduce((s, e) => s + BigInt(e.amount), 0n);
    expect(balanceOf(result, 'utility:power', UUSD)).toBe(energyBills + localCost);
  });
});

/** Replays the tenant events: what each node carries and each offer has rented, at every burst. */
function replayBursts(r: TwinResult) {
  const capacity = new Map((r.tables['iaas.nodes'] ?? []).map((n) => [String(n.node), { alg: String(n.algorithm), capacity: Number(n.capacity) }]));
  const used = new Map([...capacity.keys()].map((id) => [id, 0]));
  const parts = new Map<string, { node: string; hashrate: number }[]>();
  const rented = new Map<string, number>();
  const bursts = new Map<string, { offer: string; units: number }>();
  const checks: { alg: string; offer: string; units: number; fullNodes: boolean[]; rentedBefore: Map<string, number> }[] = [];
  for (const e of r.events) {
    const d = e.data as Record<string, unknown>;
    if (e.type === 'TenantPlaced') {
      const ps = d.parts as { node: string; hashrate: number }[];
      parts.set(String(d.tenant), ps);
      for (const p of ps) used.set(p.node, used.get(p.node)! + p.hashrate);
    } else if (e.type === 'BurstStarted') {
      const alg = String(d.algorithm);
      // A node is full when what it carries reaches its capacity (to the 1 GH/s or 1 kH/s quantum).
      const fullNodes = [...capacity].filter(([, c]) => c.alg === alg).map(([id, c]) => used.get(id)! >= c.capacity - 1e-3);
      checks.push({ alg, offer: String(d.offer), units: Number(d.units), fullNodes, rentedBefore: new Map(rented) });
      rented.set(String(d.offer), (rented.get(String(d.offer)) ?? 0) + Number(d.units));
      bursts.set(String(d.tenant), { offer: String(d.offer), units: Number(d.units) });
    } else if (e.type === 'TenantLeft') {
      for (const p of parts.get(String(d.tenant)) ?? []) used.set(p.node, used.get(p.node)! - p.hashrate);
      const b = bursts.get(String(d.tenant));
      if (b !== undefined) rented.set(b.offer, rented.get(b.offer)! - b.units);
    }
  }
  return checks;
}

describe('bursting', () => {
  const checks = replayBursts(result);

  it('starts only when every local node of the algorithm is full', () => {
    expect(checks.length).toBeGreaterThan(5);
    for (const c of checks) {
      expect(c.fullNodes.length).toBeGreaterThan(0);
      expect(c.fullNodes.every(Boolean)).toBe(true);
    }
  });

  it('goes to the cheapest offer with units left: the dear GPU cloud only when the ASIC market is full', () => {
    const sha = checks.filter((c) => c.alg === 'sha256d');
    for (const c of sha) {
      const marketRoom = MARKET_UNITS - (c.rentedBefore.get('market') ?? 0);
      if (c.offer === 'market') expect(c.units).toBeLessThanOrEqual(marketRoom);
      // 1 TH/s needs one market unit, so the GPU units / 200 are what the market would have needed.
      else expect(Math.ceil(c.units / 200)).toBeGreaterThan(marketRoom);
    }
    expect(sha.some((c) => c.offer === 'market')).toBe(true);
    expect(sha.some((c) => c.offer === 'gpu-sha')).toBe(true);
    // Never more units of an offer rented at once than it has.
    for (const c of checks) if (c.offer === 'market') expect((c.rentedBefore.get('market') ?? 0) + c.units).toBeLessThanOrEqual(MARKET_UNITS);
  });

  it('the series show demand = local + burst + unserved and local never above capacity', () => {
    const v = result.series.values;
    for (const u of ['THs', 'MHs']) {
      v[`iaas.demand${u}`]!.forEach((demand, i) => {
        expect(Math.abs(demand - v[`iaas.local${u}`]![i]! - v[`iaas.burst${u}`]![i]! - v[`iaas.unserved${u}`]![i]!)).toBeLessThan(1e-5);
        expect(v[`iaas.local${u}`]![i]!).toBeLessThanOrEqual(v[`iaas.capacity${u}`]![i]! + 1e-6);
      });
    }
    expect(Math.max(...v['iaas.burstTHs']!)).toBeGreaterThan(0);
  });

  it('the utilisation heat map averages to each node\'s mean utilisation', () => {
    const map = result.heatmaps['iaas.utilisation']!;
    expect(map.rows.map((r) => r.label)).toEqual(['hall', 'rack', 'gpu']);
    for (const row of map.rows) {
      const series = result.series.values[row.series]!;
      for (const x of series) expect(x >= 0 && x <= 100 + 1e-9).toBe(true);
      const node = result.tables['iaas.nodes']!.find((n) => n.node === row.label)!;
      expect(Math.abs(sum(series) / series.length - Number(node.meanUtilisationPct))).toBeLessThan(1e-3);
    }
  });
});

describe('crowd nodes', () => {
  const distributions = result.events.filter((e) => e.type === 'CrowdRewardDistributed').map((e) => e.data as {
    rewardSat: string; operatorFeeSat: string; parts: { node: string; workDifficulty: number; sat: string }[];
  });

  it('get a fair share of what their work earned: each within a sat of reward × work / Σ work', () => {
    expect(distributions.length).toBe(3);
    for (const d of distributions) {
      const reward = BigInt(d.rewardSat);
      const fee = BigInt(d.operatorFeeSat);
      const crowdSat = reward - fee;
      expect(fee + d.parts.reduce((s, p) => s + BigInt(p.sat), 0n)).toBe(reward);
      // 15 % to the operator, to the sat (largest remainder of a two-way split).
      expect(Math.abs(Number(fee) - Number(reward) * 0.15)).toBeLessThan(1);
      const work = sum(d.parts.map((p) => p.workDifficulty));
      for (const p of d.parts) expect(Math.abs(Number(p.sat) - (Number(crowdSat) * p.workDifficulty) / work)).toBeLessThan(1);
    }
  });

  it('are paid everything the pool paid for their work, and the table shows it per node', () => {
    const paidByPool = result.ledger.entries.filter((e) => e.to === 'miner:iaas/crowd').reduce((s, e) => s + BigInt(e.amount), 0n);
    expect(paidByPool > 0n).toBe(true);
    expect(balanceOf(result, 'miner:iaas/crowd')).toBe(0n);
    const rows = result.tables['iaas.crowd']!;
    const nodesSat = rows.reduce((s, r) => s + BigInt(String(r.rewardSat)), 0n);
    for (const r of rows) expect(balanceOf(result, `iaas:crowd-${String(r.node)}`)).toBe(BigInt(String(r.rewardSat)));
    expect(nodesSat + balanceOf(result, 'operator:iaas')).toBe(paidByPool);
    expect(k['iaas.crowdRewardSat']).toBe(Number(nodesSat));
    expect(k['iaas.crowdNodes']).toBe(rows.length);
  });
});

describe('the rest of the twin', () => {
  it('is deterministic: the same scenario and seed give the same bytes, another seed other tenants', () => {
    expect(canonicalJson(runDoc(doc))).toBe(canonicalJson(result));
    const other = runDoc(doc, {}, 'another');
    expect(other.kpis['iaas.revenueUsd']).not.toBe(k['iaas.revenueUsd']);
  });

  it('is untouched by an IaaS of catalogue nodes without a crowd: the system draws only from its own streams', () => {
    const plain = iaasDoc();
    plain.fleet = plain.fleet.filter((g) => g.id !== 'hall');
    const { iaas: _, ...without } = plain;
    const withIaas = { ...plain, iaas: { ...(plain.iaas as Record<string, unknown>), nodes: (plain.iaas as { nodes: unknown[] }).nodes.slice(1), crowd: undefined } };
    const a = runDoc(without);
    const b = runDoc(withIaas);
    const iaasEvents = new Set(['TenantArrived', 'TenantPlaced', 'BurstStarted', 'BurstEnded', 'BurstUnavailable', 'TenantLeft']);
    const others = (r: TwinResult) => ({
      kpis: Object.fromEntries(Object.entries(r.kpis).filter(([name]) => !name.startsWith('iaas.') && name !== 'ledgerEntries' && name !== 'engineEvents')),
      series: Object.fromEntries(Object.entries(r.series.values).filter(([name]) => !name.startsWith('iaas.'))),
      events: r.events.filter((e) => !iaasEvents.has(e.type)),
      sat: r.ledger.balances.sat,
    });
    expect(others(b)).toEqual(others(a));
    expect(b.kpis['iaas.tenants']).toBeGreaterThan(0);
  });

  it('a fleet group leased to the IaaS leaves pool mining', () => {
    expect(k.fleetHashrateNominalTHs).toBe(2000);
    expect(k['group.hall.earnedSat']).toBeUndefined();
    expect(k['group.g.earnedSat']).toBeGreaterThan(0);
    expect(result.tables['iaas.nodes']![0]).toMatchObject({ node: 'hall', capacity: 2000, source: 'fleet group hall (10 rigs)' });
  });

  it('scenarios without `iaas` give the digests they gave before the system existed', () => {
    // Digests of these runs at the commit before the systems were wired (1d59c4d).
    const twoGroups = {
      ...baseScenario(), horizon: '2d', network: { ...baseScenario().network, hashrateEHs: 0.05 },
      pools: [{ id: 'p', scheme: 'PPLNS', feePct: 1, extraHashrateEHs: 0.01 }],
      fleet: [{ id: 's21-hall', count: 25, model: 'antminer-s21', pool: 'p', latencyMs: 0 }, { id: 'g', count: 10, hashrateTHs: 200, pool: 'p', latencyMs: 50 }],
    };
    expect(withDigest(runDoc(baseScenario()), sha256Hex).digest).toBe('53d821c56917a4a140911e6a339929bf9ea38a554f3132d5c6bd74c81d1b628d');
    expect(withDigest(runDoc(twoGroups), sha256Hex).digest).toBe('6dfb2c29d76bccca25d03b72f3cb8ab20fcdad1b3752015a50da032aa4463639');
  });
});

describe('scenarios/iaas-bursting.yaml', () => {
  it('shows a planner the evening peaks overflowing into bursts and the slots where margin goes negative', () => {
    const parsed = parseScenarioText(readFileSync(new URL('../../../scenarios/iaas-bursting.yaml', import.meta.url), 'utf8'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const r = runTwin(toTwinConfig(parsed.scenario));
    const v = r.series.values;
    expect(r.kpis['iaas.peakDemandTHs']).toBeGreaterThan(r.kpis['iaas.capacityTHs']!);
    expect(r.kpis['iaas.burstTenants']).toBeGreaterThan(10);
    // Where it goes negative: slots with bursts whose cost outruns what the slot earned.
    const negativeWithBurst = v['iaas.marginUsd']!.filter((m, i) => m < 0 && (v['iaas.burstTHs']![i]! > 0 || v['iaas.burstMHs']![i]! > 0));
    expect(negativeWithBurst.length).toBeGreaterThan(10);
    expect(r.kpis['iaas.negativeMarginSlots']).toBeLessThan(r.series.slots / 2);
    expect(r.kpis['iaas.crowdDistributions']).toBe(7);
  });
});

describe('bad input', () => {
  it('is reported at its path', () => {
    const bad = iaasDoc();
    const iaas = bad.iaas as { nodes: Record<string, unknown>[]; burst: { offers: Record<string, unknown>[] }; crowd: Record<string, unknown> };
    iaas.nodes.push({ id: 'rack', fleetGroup: 'nope' }, { id: 'both', fleetGroup: 'g', model: 'antminer-s21', rigs: 2 });
    iaas.burst.offers[2] = { ...iaas.burst.offers[2], hashrateTHsPerUnit: 1 };
    iaas.crowd.pool = 'missing';
    const parsed = parseScenarioText(JSON.stringify(bad));
    expect(parsed.ok).toBe(false);
    const issues = parsed.ok ? [] : parsed.issues.map((i) => `${i.path}: ${i.message}`);
    expect(issues).toEqual([
      'iaas.nodes[1].id: "rack" is used by more than one node',
      'iaas.nodes[3].id: "rack" is used by more than one node',
      'iaas.nodes[3].fleetGroup: no fleet group "nope" (fleet: hall, g)',
      'iaas.nodes[4]: needs either fleetGroup or model (not both)',
      'iaas.nodes[4].fleetGroup: fleet group "g" has no powerW or model, so its power cannot be billed',
      'iaas.nodes[4].rigs: comes from the fleet group\'s count; leave it out',
      'iaas.burst.offers[2].hashrateTHsPerUnit: does not apply to ethash offers; use hashrateMHsPerUnit',
      'iaas.crowd.pool: no pool with id "missing" (pools: p)',
    ]);
  });
});
