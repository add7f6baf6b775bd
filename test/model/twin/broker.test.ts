// The broker system in the twin (DESIGN.md system 5): money conserved to the unit over random
// configurations, the commission exact, devices mining only inside their consent windows, more
// devices never earning less, a measured hashrate used as given, determinism, every other part of a
// run untouched by the broker, and scenarios without it byte-identical to before it existed.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withDigest } from '../../../src/report/index.js';
import { parseScenarioText } from '../../../src/scenario/index.js';
import type { TwinResult } from '../../../src/model/twin/index.js';
import { balanceOf, baseScenario, runDoc, sum, type TestDoc } from './fixtures.js';

const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const kpi = (r: TwinResult, name: string) => r.kpis[`broker.${name}`]!;
const series = (r: TwinResult, name: string) => r.series.values[`broker.${name}`]!;

interface PartnerDoc {
  id: string;
  app?: string;
  devicesAtStart: number;
  [key: string]: unknown;
}

/** The base scenario with a broker section; devices at a measured TH/s-class figure earn whole sat. */
function brokerDoc(partners: PartnerDoc[], broker: Record<string, unknown> = {}, doc: Partial<TestDoc> = {}): TestDoc {
  return {
    ...baseScenario(),
    horizon: '2d',
    slot: '1h',
    ...doc,
    broker: { device: { measuredHashrateHs: 5e12 }, ...broker, partners: partners.map((p) => ({ app: `App ${p.id}`, ...p })) },
  };
}

const credits = fc.oneof(
  fc.record({ rule: fc.constant('per-sat'), creditsPerSat: fc.constantFrom(0, 1, 2.5, 1000) }),
  fc.record({ rule: fc.constant('per-mining-hour'), creditsPerHour: fc.constantFrom(0, 1, 0.5, 12) }),
);
const partnerArb = (i: number) => fc.record({
  id: fc.constant(`app-${i}`),
  devicesAtStart: fc.integer({ min: 0, max: 25 }),
  joinsPerDay: fc.constantFrom(0, 3, 20),
  churnPctPerDay: fc.constantFrom(0, 5, 40),
  consentHoursPerDay: fc.constantFrom({ min: 1, max: 1 }, { min: 1, max: 6 }, { min: 24, max: 24 }),
  windowStartsLocal: fc.constantFrom({ fromHour: 22, toHour: 2 }, { fromHour: 9, toHour: 9 }, { fromHour: 0, toHour: 23.5 }),
  utcOffsetHours: fc.constantFrom(-5, 0, 5.5),
});

describe('money', () => {
  it('is conserved to the unit over random partners, rates, credit rules, payout intervals and slots', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => partnerArb(i)))),
      fc.record({
        commissionPct: fc.constantFrom(0, 3, 12.5, 100),
        poolFeePct: fc.constantFrom(0, 2, 4),
        payoutInterval: fc.constantFrom('1h', '7h', '1d', '30d'),
        consumerCredits: credits,
        device: fc.constantFrom({ measuredHashrateHs: 5e12 }, { measuredHashrateHs: 3.3e11 }, { model: 'cpu-server-32c', hashrateSpreadLogSd: 1 }),
      }),
      fc.constantFrom('15m', '1h', '5h'), fc.integer({ min: 1, max: 1000 }),
      (partners, broker, slot, seed) => {
        const r = runDoc(brokerDoc(partners, broker, { slot, seed, horizon: '2d' }));
        const bps = Math.round(broker.commissionPct * 100);
        // The whole ledger balances (the fleet's pools included), per unit.
        for (const unit of Object.keys(r.ledger.balances)) expect(Object.values(r.ledger.balances[unit]!).reduce((s, b) => s + BigInt(b), 0n)).toBe(0n);
        const earnings = BigInt(kpi(r, 'earningsSat'));
        const commission = BigInt(kpi(r, 'commissionSat'));
        const payouts = BigInt(kpi(r, 'partnerPayoutSat'));
        expect(commission + payouts).toBe(earnings);
        expect(balanceOf(r, 'broker:upstream-pool')).toBe(-earnings);
        expect(balanceOf(r, 'broker:wallet')).toBe(commission);
        const rows = r.tables['broker.partners']!;
        expect(rows).toHaveLength(partners.length);
        let creditsTotal = 0n;
        for (const row of rows) {
          expect(balanceOf(r, `broker:partner:${row.partner}`)).toBe(BigInt(row.payoutSat as string));
          expect(balanceOf(r, `broker:consumers:${row.partner}`, 'credit')).toBe(BigInt(row.consumerCredits as string));
          expect(balanceOf(r, `broker:partner:${row.partner}:content`, 'credit')).toBe(-BigInt(row.consumerCredits as string));
          creditsTotal += BigInt(row.consumerCredits as string);
        }
        expect(creditsTotal).toBe(BigInt(kpi(r, 'consumerCredits')));
        // Every booked sat paid out by the end; the series adds up to the KPIs.
        expect(sum(series(r, 'partnerPayoutSat'))).toBe(Number(payouts));
        expect(sum(series(r, 'earningsSat'))).toBe(Number(earnings));
        expect(sum(series(r, 'commissionSat'))).toBe(Number(commission));
        // Booked = the floors of the exact value; what is not yet whole is carried (< 1 + partners).
        const value = kpi(r, 'earnedValueSat');
        expect(kpi(r, 'unbookedSat')).toBeGreaterThanOrEqual(0);
        expect(kpi(r, 'unbookedSat')).toBeLessThan(1 + partners.length);
        expect(Number(commission)).toBeLessThanOrEqual((bps / 10_000) * value * (1 + 1e-9));
        expect(Number(commission)).toBeGreaterThan((bps / 10_000) * value * (1 - 1e-9) - 1);
      }), { seed: 77, numRuns: 25 });
  });

  it('the commission is exactly ⌊b · value⌋: 0 % keeps nothing, 100 % pays partners nothing, 3 % of 5 TH/s-days', () => {
    // 10 devices × 5 TH/s × 24 h a day × 2 days = 100 TH/s-days at the base scenario's fixed hashprice.
    const run = (commissionPct: number) => runDoc(brokerDoc(
      [{ id: 'app-a', devicesAtStart: 10, consentHoursPerDay: { min: 24, max: 24 } }], { commissionPct, poolFeePct: 0 },
    ));
    const zero = run(0);
    const all = run(100);
    const three = run(3);
    expect(kpi(zero, 'commissionSat')).toBe(0);
    expect(kpi(all, 'partnerPayoutSat')).toBe(0);
    const value = kpi(three, 'earnedValueSat');
    expect(value).toBeCloseTo(100 * kpi(three, 'netHashpriceSatPerTHsDay'), 1);
    expect(kpi(three, 'commissionSat')).toBe(Math.floor(0.03 * value));
    expect(kpi(three, 'partnerPayoutSat')).toBe(Math.floor(0.97 * value));
    expect(kpi(all, 'commissionSat')).toBe(Math.floor(value));
  });
});

describe('consent windows in the twin', () => {
  // 3 h from 22:00 local at UTC−5: 03:00–06:00 UTC, every device (the start hour is fixed).
  const doc = brokerDoc([{ id: 'app-a', devicesAtStart: 40, consentHoursPerDay: { min: 3, max: 3 }, windowStartsLocal: { fromHour: 22, toHour: 22 }, utcOffsetHours: -5 }],
    { device: { model: 'phone-cpu' } }, { horizon: '3d' });
  const r = runDoc(doc);

  it('devices mine in the window\'s hours of every day and in no other slot', () => {
    const mining = series(r, 'miningDevices.app-a');
    mining.forEach((m, slot) => expect(m).toBe([3, 4, 5].includes(slot % 24) ? 40 : 0));
    expect(series(r, 'miningDevices')).toEqual(mining);
  });

  it('mining hours per device-day are the consented hours, and never more', () => {
    expect(kpi(r, 'miningHoursPerDeviceDay')).toBe(3);
    const churned = runDoc(brokerDoc([{ id: 'app-a', devicesAtStart: 40, joinsPerDay: 30, churnPctPerDay: 30, consentHoursPerDay: { min: 1, max: 5 } }], { device: { model: 'phone-cpu' } }, { horizon: '5d' }));
    expect(kpi(churned, 'miningHoursPerDeviceDay')).toBeLessThanOrEqual(5);
    for (const row of churned.tables['broker.partners']!) expect(row.miningHoursPerDeviceDay as number).toBeLessThanOrEqual(5);
  });
});

describe('more devices', () => {
  it('never lower earnings: the same seed\'s devices plus more, and in expectation ∝ devices', () => {
    const earned = (devicesAtStart: number, seed: number) => runDoc(brokerDoc(
      [{ id: 'app-a', devicesAtStart, joinsPerDay: 10, churnPctPerDay: 10 }, { id: 'app-b', devicesAtStart: 5 }],
      { device: { model: 'phone-cpu' } }, { seed, horizon: '3d' },
    ));
    const means: number[] = [];
    for (const n of [10, 20, 40]) {
      const runs = [1, 2, 3, 4].map((seed) => earned(n, seed));
      means.push(sum(runs.map((r) => kpi(r, 'earnedValueSat'))) / runs.length);
      if (n > 10) {
        runs.forEach((r, i) => {
          const fewer = earned(n / 2, i + 1);
          expect(kpi(r, 'earnedValueSat')).toBeGreaterThanOrEqual(kpi(fewer, 'earnedValueSat'));
          expect(kpi(r, 'earningsSat')).toBeGreaterThanOrEqual(kpi(fewer, 'earningsSat'));
        });
      }
    }
    expect(means[1]! / means[0]!).toBeGreaterThan(1.3);
    expect(means[2]! / means[1]!).toBeGreaterThan(1.3);
  });
});

describe('device hashrate', () => {
  const partners = [{ id: 'app-a', devicesAtStart: 30, joinsPerDay: 10 }];

  it('a measured figure is every device\'s hashrate, instead of the catalogue model\'s spread', () => {
    const measured = runDoc(brokerDoc(partners, { device: { model: 'phone-cpu', measuredHashrateHs: 3.5e6 } }));
    const mining = series(measured, 'miningDevices');
    expect(sum(mining)).toBeGreaterThan(0);
    series(measured, 'effectiveHashrateMHs').forEach((mhs, i) => expect(mhs).toBeCloseTo(3.5 * mining[i]!, 4));
    const model = runDoc(brokerDoc(partners, { device: { model: 'phone-cpu' } }));
    const ratio = sum(series(model, 'effectiveHashrateMHs')) / sum(series(model, 'miningDevices'));
    expect(Math.abs(ratio - 3.5)).toBeGreaterThan(0.2);
    expect(ratio).toBeGreaterThan(1.2); // around the catalogue phone's 2 MH/s
    expect(ratio).toBeLessThan(3.4);
  });
});

describe('determinism and isolation', () => {
  const doc = brokerDoc([{ id: 'app-a', devicesAtStart: 30, joinsPerDay: 40, churnPctPerDay: 20 }, { id: 'app-b', devicesAtStart: 10, utcOffsetHours: 8 }],
    { device: { model: 'phone-cpu' }, payoutInterval: '12h' });

  it('same scenario and seed → the same bytes; another seed → another result', () => {
    const a = withDigest(runDoc(doc), sha256Hex);
    expect(withDigest(runDoc(doc), sha256Hex)).toEqual(a);
    expect(withDigest(runDoc(doc, {}, 2), sha256Hex).digest).not.toBe(a.digest);
  });

  it('leaves every other part of the run as it was without the broker', () => {
    const { broker: _, ...without } = doc;
    const a = runDoc(without);
    const b = runDoc(doc);
    const others = (r: TwinResult) => ({
      kpis: Object.fromEntries(Object.entries(r.kpis).filter(([k]) => !k.startsWith('broker.') && k !== 'ledgerEntries' && k !== 'engineEvents')),
      series: Object.fromEntries(Object.entries(r.series.values).filter(([k]) => !k.startsWith('broker.'))),
      events: r.events.filter((e) => !['DevicesEnrolled', 'DeviceJoined', 'DeviceLeft', 'PartnersPaid'].includes(e.type)),
      ledger: r.ledger.entries.filter((e) => !e.from.startsWith('broker:')),
    });
    expect(others(b)).toEqual(others(a));
    expect(b.events.some((e) => e.type === 'DeviceJoined')).toBe(true);
    expect(b.heatmaps['broker.miningDevices']!.rows.map((row) => row.series)).toEqual(['broker.miningDevices.app-a', 'broker.miningDevices.app-b']);
  });

  it('scenarios without `broker` give the digests they gave before the system existed', () => {
    // Digests of these two runs at the commit before the broker was wired (0feca3f + lab deps, 1d59c4d).
    const exact = { ...baseScenario(), horizon: '2d', slot: '1h', resolution: 'exact', fleet: [{ id: 'g', count: 3, hashrateTHs: 200, pool: 'p', latencyMs: 0 }] };
    expect(withDigest(runDoc(baseScenario()), sha256Hex).digest).toBe('53d821c56917a4a140911e6a339929bf9ea38a554f3132d5c6bd74c81d1b628d');
    expect(withDigest(runDoc(exact), sha256Hex).digest).toBe('e7dd5a0dc066b4c1696af1e0e383afbabeb646c677fa3831ab60f4925e1fa25c');
  });
});

describe('bad input', () => {
  it('is reported at its path', () => {
    const doc = brokerDoc([
      { id: 'app-a', devicesAtStart: 5, consentHoursPerDay: { min: 5, max: 2 } },
      { id: 'app-a', devicesAtStart: -1 },
    ], { device: { model: 'gpu-rig-6x-rtx3060ti', measuredHashrateHs: 0 }, commissionPct: 130 });
    const parsed = parseScenarioText(JSON.stringify(doc));
    expect(parsed.ok).toBe(false);
    const paths = parsed.ok ? [] : parsed.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining([
      'broker.device.measuredHashrateHs', 'broker.commissionPct', 'broker.partners[1].devicesAtStart',
    ]));
    const refined = parseScenarioText(JSON.stringify(brokerDoc(
      [{ id: 'app-a', devicesAtStart: 5, consentHoursPerDay: { min: 5, max: 2 } }, { id: 'app-a', devicesAtStart: 1 }],
      { device: { model: 'gpu-rig-6x-rtx3060ti' } },
    )));
    const issues = refined.ok ? [] : refined.issues.map((i) => `${i.path}: ${i.message}`);
    expect(issues).toEqual(expect.arrayContaining([
      'broker.device.model: "gpu-rig-6x-rtx3060ti" mines ethash, but the broker\'s devices run sha256d',
      'broker.partners[1].id: "app-a" is used by more than one partner',
      'broker.partners[0].consentHoursPerDay.min: must be ≤ max (2)',
    ]));
    const unknown = parseScenarioText(JSON.stringify(brokerDoc([{ id: 'app-a', devicesAtStart: 1 }], { device: { model: 'iphone-99' } })));
    expect(unknown.ok ? [] : unknown.issues.map((i) => i.path)).toEqual(['broker.device.model']);
  });
});
