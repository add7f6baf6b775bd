// The colo's money in the twin over random configurations (fast-check, fixed seed): every satoshi the
// fleet earned is split colo → wholesale → retail → investors and none is lost or made; every
// micro-dollar invoiced moves retail → colo; the fleet operator's investors take only what it received.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TwinResult } from '../../../src/model/twin/index.js';
import { balanceOf, baseScenario, runDoc, type TestDoc } from './fixtures.js';

const sumOf = (result: TwinResult, unit: string) => Object.values(result.ledger.balances[unit] ?? {}).reduce((s, v) => s + BigInt(v), 0n);
const accounts = (result: TwinResult, unit: string, prefix: string) => Object.entries(result.ledger.balances[unit] ?? {}).filter(([a]) => a.startsWith(prefix));
const rows = (result: TwinResult, table: string) => result.tables[table] ?? [];

const holdersArb = fc.array(fc.integer({ min: 1, max: 3_000 }), { minLength: 1, maxLength: 3 }).map((shares) => shares.map((bps) => ({ sharePct: bps / 100 })));
const investorsArb = fc.option(fc.record({
  basis: fc.constantFrom('gross', 'net'),
  payoutInterval: fc.constantFrom('20m', '1h', '2h'),
  holders: holdersArb,
}), { nil: undefined });

const tenantArb = fc.record({
  hashrateTHs: fc.integer({ min: 50, max: 3_000 }),
  arrivalHours: fc.constantFrom(0, 0, 1, 2.5),
  stayHours: fc.constantFrom(undefined, 1, 3),
  peak: fc.option(fc.record({ fromHour: fc.integer({ min: 0, max: 23 }), toHour: fc.integer({ min: 1, max: 24 }), demandPct: fc.integer({ min: 0, max: 400 }) }), { nil: undefined }),
  noisePct: fc.constantFrom(0, 10, 40),
  bidPctOfHashprice: fc.integer({ min: 1, max: 100 }),
  commitment: fc.option(fc.record({ epochs: fc.integer({ min: 1, max: 3 }), epochBlocks: fc.constantFrom(3, 6, 12) }), { nil: undefined }),
  investors: investorsArb,
});

const configArb = fc.record({
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  horizon: fc.constantFrom('3h', '5h15m', '6h'),
  scheme: fc.constantFrom('FPPS', 'PPLNS', 'PROP'),
  payoutInterval: fc.constantFrom('20m', '1h', '1d'),
  discovery: fc.constantFrom('utilisation', 'auction'),
  baseline: fc.constantFrom('provisioned-iops', 'general-purpose'),
  coloShare: fc.option(fc.record({ rewardSharePct: fc.integer({ min: 0, max: 30 }), rentReductionPct: fc.integer({ min: 0, max: 100 }) }), { nil: undefined }),
  invoiceEvery: fc.constantFrom('15m', '1h', '2h'),
  capacityScale: fc.constantFrom(0.3, 1, 3),
  onDemand: fc.boolean(),
  tiers: fc.constantFrom(undefined, [{ name: 'flat', fromDemandPct: 0, wholesalePct: 35 }], [{ name: 'a', fromDemandPct: 0, wholesalePct: 0 }, { name: 'b', fromDemandPct: 20, wholesalePct: 100 }]),
  tenants: fc.array(tenantArb, { minLength: 1, maxLength: 3 }),
  operatorInvestors: investorsArb,
});

type Config = typeof configArb extends fc.Arbitrary<infer T> ? T : never;

function docOf(c: Config): TestDoc {
  const doc = baseScenario();
  doc.seed = c.seed;
  doc.horizon = c.horizon;
  // The pool's other miners find blocks, so PPLNS and PROP pay the fleet something within hours.
  doc.pools = [{ id: 'p', scheme: c.scheme, feePct: 2, payoutInterval: c.payoutInterval, extraHashrateEHs: 150, reserveBTC: 1 }];
  doc.fleet = [{ id: 'g', count: 10, model: 'antminer-s21', pool: 'p', latencyMs: 0 }, { id: 'h', count: 3, hashrateTHs: 110, pool: 'p', latencyMs: 0 }];
  const s = c.capacityScale;
  let investorCount = 0;
  const holders = (inv: NonNullable<typeof c.operatorInvestors>) => ({
    ...inv, holders: inv.holders.map((h) => ({ ...h, id: `inv-${investorCount++}`, investedUSD: 1_000 })),
  });
  doc.colo = {
    baseline: c.baseline,
    discovery: c.discovery,
    capacity: { computeCU: 4 * s, networkNU: 4 * s, storageIops: 20_000 * s, storageTB: 4 * s, ...(c.baseline === 'general-purpose' ? { storageGBs: 2 * s } : {}) },
    ...(c.onDemand ? { capacityOnDemand: { expandAfter: '30m', shrinkAfter: '45m', maxPct: 300, minPct: 50 } } : {}),
    resourcesPerPHs: { computeCU: 2, networkNU: 2, storageIops: 10_000, storageTB: 2 },
    invoiceEvery: c.invoiceEvery,
    ...(c.coloShare ? { coloRewardShare: c.coloShare } : {}),
    ...(c.tiers ? { rewardTiers: c.tiers } : {}),
    tenants: c.tenants.map((t, i) => ({
      id: `t${i}`,
      hashrateTHs: t.hashrateTHs,
      arrival: `${t.arrivalHours}h`,
      ...(t.stayHours === undefined ? {} : { departure: `${t.arrivalHours + t.stayHours}h` }),
      peaks: t.peak && t.peak.fromHour !== t.peak.toHour ? [t.peak] : [],
      noisePct: t.noisePct,
      bidPctOfHashprice: t.bidPctOfHashprice,
      ...(t.commitment ? { commitment: t.commitment } : {}),
      ...(t.investors ? { investors: holders(t.investors) } : {}),
    })),
  };
  if (c.operatorInvestors) doc.investors = holders(c.operatorInvestors);
  return doc;
}

describe('colo money', () => {
  it('conserves every satoshi and micro-dollar across every split, for any configuration', () => {
    fc.assert(fc.property(configArb, (c) => {
      const doc = docOf(c);
      const result = runDoc(doc);
      const k = result.kpis;
      // The books balance in both units.
      expect(sumOf(result, 'sat')).toBe(0n);
      expect(sumOf(result, 'uUSD')).toBe(0n);
      // Every satoshi the fleet earned was paid out by its pool and split: nothing stays in the miner accounts.
      expect(k['colo.undistributedSat']).toBe(0);
      for (const group of ['g', 'h']) expect(balanceOf(result, `miner:${group}`)).toBe(0n);
      expect(k['colo.rewardsSat']).toBe(k.fleetEarnedSat);
      expect(k['colo.rewardShareSat'] + k['colo.wholesaleSat'] + k['colo.retailSat']).toBe(k['colo.rewardsSat']);
      expect(balanceOf(result, 'colo')).toBe(BigInt(k['colo.rewardShareSat']));
      // Each retail manager keeps what it got less what it paid its investors.
      for (const row of rows(result, 'colo.tenants')) {
        expect(balanceOf(result, `retail:${row.tenant}`)).toBe(BigInt(row.rewardsSat as string) - BigInt(row.investorsPaidSat as string));
      }
      // Investors hold exactly what the tables say they were paid.
      const paidRows = [...rows(result, 'colo.investors'), ...rows(result, 'investors.holders')];
      for (const row of paidRows) expect(balanceOf(result, `investor:${row.investor}`)).toBe(BigInt(row.paidSat as string));
      expect(accounts(result, 'sat', 'investor:').length).toBe(paidRows.filter((r) => r.paidSat !== '0').length);
      // The operator keeps its wholesale share less its investors' payouts.
      const operatorPaid = rows(result, 'investors.holders').reduce((s, r) => s + BigInt(r.paidSat as string), 0n);
      expect(balanceOf(result, 'operator')).toBe(BigInt(k['colo.wholesaleSat']) - operatorPaid);
      if (doc.investors !== undefined) expect(k['investors.operatorIncomeSat']).toBe(k['colo.wholesaleSat']);
      // US$: what the tenants paid is what the colo holds, to the micro-dollar, and matches the invoices.
      const retailPaid = accounts(result, 'uUSD', 'retail:').reduce((s, [, v]) => s - BigInt(v), 0n);
      expect(balanceOf(result, 'colo', 'uUSD')).toBe(retailPaid);
      expect(Math.abs(Number(retailPaid) / 1e6 - k['colo.rentPaidUsd'])).toBeLessThan(0.006);
      expect(k['colo.rentPaidUsd'] + k['colo.rentReductionUsd']).toBeCloseTo(k['colo.invoicedUsd'], 1);
    }), { seed: 5202, numRuns: 40 });
  });
});

describe('investors without the colo', () => {
  function investorsDoc(powerPriceUSDperKWh: number, basis: 'gross' | 'net'): TestDoc {
    const doc = baseScenario();
    doc.horizon = '1d';
    doc.fleet = [{ id: 'g', count: 10, model: 'antminer-s21', pool: 'p', latencyMs: 0 }];
    doc.site = { powerPriceUSDperKWh };
    doc.investors = { basis, payoutInterval: '6h', holders: [{ id: 'lp-a', sharePct: 30 }, { id: 'lp-b', sharePct: 12.5 }] };
    return doc;
  }

  it('pays shares of the fleet operator\'s income, swept from the miner accounts', () => {
    const result = runDoc(investorsDoc(0, 'net'));
    const income = BigInt(result.kpis.fleetEarnedSat);
    expect(result.kpis['investors.operatorIncomeSat']).toBe(result.kpis.fleetEarnedSat);
    expect(balanceOf(result, 'miner:g')).toBe(0n);
    // Free power: net = gross; each payout's parts are within a satoshi of the exact share.
    const a = balanceOf(result, 'investor:lp-a');
    const b = balanceOf(result, 'investor:lp-b');
    expect(Number(a)).toBeCloseTo(Number(income) * 0.3, -1);
    expect(Number(b)).toBeCloseTo(Number(income) * 0.125, -1);
    expect(balanceOf(result, 'operator')).toBe(income - a - b);
  });

  it('nets the energy bill: dear power leaves nothing to pay and carries the loss; gross ignores it', () => {
    const net = runDoc(investorsDoc(0.5, 'net'));
    expect(net.kpis.marginUsd).toBeLessThan(0);
    expect(net.kpis['investors.paidSat']).toBe(0);
    expect(net.kpis['investors.carriedLossSat']).toBeGreaterThan(0);
    expect(net.kpis['investors.energyCostUsd']).toBeCloseTo(net.kpis.energyCostUsd, 2);
    const gross = runDoc(investorsDoc(0.5, 'gross'));
    expect(gross.kpis['investors.paidSat']).toBeGreaterThan(0);
    // The investors' system moves money only: the fleet's run is the same either way.
    expect(gross.series.values.fleetSharesAccepted).toEqual(net.series.values.fleetSharesAccepted);
  });
});
