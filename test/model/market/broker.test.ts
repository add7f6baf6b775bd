// Mobile/crowd mining broker (DESIGN.md system 5): consent windows measured exactly, devices churn
// within Poisson bounds, partner payouts + commission = earnings to the sat, consumers credited
// one content credit per sat (stated convention), books balance, same seed → same trace.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRoot, createSimulation } from '../../../src/engine/index.js';
import { Ledger } from '../../../src/model/ledger/ledger.js';
import {
  consentedUs, createMiningBroker, DEFAULT_DEVICE_DRAW, splitSlotEarnings, type MiningBrokerConfig,
} from '../../../src/model/market/broker/index.js';
import { US_PER_DAY, US_PER_HOUR, US_PER_MIN } from '../../../src/model/units.js';

/**
 * A CPU-friendly coin's value per hash, expressed as a SHA-256 hashprice so phones earn a few sat a
 * day (2 MH/s for ~2.5 h/day → ~5 sat): a test figure, not a market price.
 */
const TEST_HASHPRICE = 2.4e7;
const PARTNERS = { ...DEFAULT_DEVICE_DRAW, partners: [{ value: 'app-a', weight: 3 }, { value: 'app-b', weight: 1 }, { value: 'app-c', weight: 1 }] };

function runBroker(seed: number, days: number, config: MiningBrokerConfig = {}, settleEveryDays = 0) {
  const sim = createSimulation();
  const broker = createMiningBroker(sim, createRoot(seed).stream('broker'), { devices: PARTNERS, earnings: { kind: 'hashprice', hashpriceSatPerThDay: TEST_HASHPRICE }, ...config });
  const ledger = new Ledger();
  broker.start(days * US_PER_DAY);
  if (settleEveryDays > 0) for (let d = settleEveryDays; d < days; d += settleEveryDays) sim.scheduleAt(d * US_PER_DAY, () => broker.settle(ledger), 5);
  sim.run();
  broker.settle(ledger);
  return { broker, ledger };
}

describe('consent windows', () => {
  it('count exactly the consented µs, across midnight and time zones', () => {
    const w = { startMinuteLocal: 23 * 60, lengthMinutes: 180, utcOffsetMinutes: 60 }; // 23:00–02:00 CET = 22:00–01:00 UTC
    expect(consentedUs(w, 0, US_PER_DAY)).toBe(3 * US_PER_HOUR);
    expect(consentedUs(w, 0, US_PER_HOUR)).toBe(US_PER_HOUR); // 00:00–01:00 UTC
    expect(consentedUs(w, US_PER_HOUR, 22 * US_PER_HOUR)).toBe(0);
    expect(consentedUs(w, 21 * US_PER_HOUR, 23 * US_PER_HOUR + 30 * US_PER_MIN)).toBe(90 * US_PER_MIN);
    expect(consentedUs({ ...w, startMinuteLocal: 25 * 60 }, 0, 10 * US_PER_DAY)).toBe(30 * US_PER_HOUR);
  });
  it('H hours every full day, for any window and offset', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2879 }), fc.integer({ min: 1, max: 24 }), fc.integer({ min: -720, max: 840 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 5 }),
      (start, hours, offset, day0, days) => {
        const w = { startMinuteLocal: start, lengthMinutes: hours * 60, utcOffsetMinutes: offset };
        expect(consentedUs(w, day0 * US_PER_DAY + 7, (day0 + days) * US_PER_DAY + 7)).toBe(days * hours * US_PER_HOUR);
      }), { seed: 5, numRuns: 300 });
  });
});

describe('payout split', () => {
  it('commission + Σ partners = earnings; each partner\'s consumers get its sat × credits per sat', () => {
    fc.assert(fc.property(
      fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.constantFrom(1n, 2n, 5n, 10n)), fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.constant(5_000)), fc.bigInt({ min: 0n, max: 1000n }),
      fc.array(fc.record({ partner: fc.constantFrom('a', 'b', 'c'), work: fc.bigInt({ min: 0n, max: 10n ** 15n }) }), { maxLength: 12 }),
      (earnings, bps, creditsPerSat, devices) => {
        const work = devices.map((d, i) => ({ deviceId: `d${i}`, partnerId: d.partner, hashMicros: d.work }));
        const p = splitSlotEarnings(earnings, bps, work, creditsPerSat);
        const partnerTotal = [...p.partnerSat.values()].reduce((a, b) => a + b, 0n);
        expect(p.commissionSat + partnerTotal).toBe(earnings);
        for (const [id, sat] of p.partnerSat) {
          const credits = work.filter((w) => w.partnerId === id).reduce((a, w) => a + (p.deviceCredits.get(w.deviceId) ?? 0n), 0n);
          expect(credits).toBe(sat * creditsPerSat);
        }
        // Largest remainder between two parts is rounding half up, ties to the first (the commission).
        const scaled = earnings * BigInt(bps);
        if (work.some((w) => w.hashMicros > 0n)) expect(p.commissionSat).toBe(scaled / 10_000n + (scaled % 10_000n >= 5_000n ? 1n : 0n));
        else expect(p.commissionSat).toBe(earnings);
      }), { seed: 12, numRuns: 300 });
  });
});

describe('a month of the broker', () => {
  const { broker, ledger } = runBroker(41, 30, {}, 7);
  const k = broker.kpis();

  it('earns sat, and partner payouts + commission = earnings exactly (every slot and in total)', () => {
    expect(k.earningsSat).toBeGreaterThan(100_000n);
    for (const s of k.slots) expect(s.partnerPayoutSat + s.commissionSat).toBe(s.earningsSat);
    expect(k.partnerPayoutSat + k.commissionSat).toBe(k.earningsSat);
    expect(Number(k.commissionSat) / Number(k.earningsSat)).toBeCloseTo(0.03, 3);
    expect(k.consumerCredits).toBe(k.partnerPayoutSat); // 1 credit per sat
  });

  it('books balance per unit; the broker keeps the commission, partners their payouts', () => {
    expect(ledger.sum('sat')).toBe(0n);
    expect(ledger.sum('credit')).toBe(0n);
    expect(ledger.balance('pool:broker-payouts', 'sat')).toBe(-k.earningsSat);
    expect(ledger.balance('broker', 'sat')).toBe(k.commissionSat);
    for (const p of k.partners) {
      expect(ledger.balance(`partner:${p.partnerId}`, 'sat')).toBe(p.payoutSat);
      expect(ledger.balance(`partner:${p.partnerId}:content`, 'credit')).toBe(-p.consumerCredits);
    }
    // Partner shares follow their devices' work (app-a has 3/5 of the devices).
    const a = k.partners.find((p) => p.partnerId === 'app-a')!;
    expect(Number(a.payoutSat) / Number(k.partnerPayoutSat)).toBeGreaterThan(0.5);
    expect(Number(a.payoutSat) / Number(k.partnerPayoutSat)).toBeLessThan(0.7);
  });

  it('reports active devices over time and an effective hashrate consistent with the windows', () => {
    expect(k.slots).toHaveLength(30 * 24);
    const mining = k.slots.reduce((a, s) => a + s.miningDevicesAvg, 0) / k.slots.length;
    // 1000 devices × E[hours] = 2.5 h of 24, about 104 mining on average.
    expect(mining).toBeGreaterThan(80);
    expect(mining).toBeLessThan(130);
    const effective = k.slots.reduce((a, s) => a + s.effectiveHashrateHs, 0) / k.slots.length;
    expect(effective / mining).toBeGreaterThan(1.5e6); // ≈ mean device hashrate, 2 MH/s · e^(σ²/2)
    expect(effective / mining).toBeLessThan(3e6);
    // Overnight (22:00–06:00 UTC) mining, daytime none.
    expect(k.slots[12]!.miningDevicesAvg).toBe(0);
    expect(k.slots[23]!.miningDevicesAvg).toBeGreaterThan(100);
  });

  it('at the SHA-256d hashprice (63.47 sat/TH/day) 1000 phones earn under one sat a month', () => {
    const { broker: btc } = runBroker(41, 30, { earnings: { kind: 'hashprice', hashpriceSatPerThDay: 63.47 } });
    const kb = btc.kpis();
    expect(kb.earningsSat).toBe(0n);
    expect(kb.carriedFractionSat).toBeGreaterThan(0.1);
    expect(kb.carriedFractionSat).toBeLessThan(1);
  });

  it('a payout callback and a measured device hashrate are used as given', () => {
    const { broker: b, ledger: l } = runBroker(41, 2, {
      earnings: { kind: 'payout', payoutSat: (slot) => BigInt(Math.round(slot.hashes / 1e9)) },
      devices: { ...PARTNERS, measuredHashrateHs: 1.5e6 },
    });
    const kb = b.kpis();
    for (const s of kb.slots) expect(s.effectiveHashrateHs).toBeCloseTo(1.5e6 * s.miningDevicesAvg, 0);
    expect(l.sum('sat')).toBe(0n);
    expect(kb.partnerPayoutSat + kb.commissionSat).toBe(kb.earningsSat);
  });
});

describe('churn', () => {
  it('enrolled devices and arrivals stay within 4σ of their Poisson expectations', () => {
    const n0 = 1000;
    const lambda = 30;
    const h = 0.03;
    for (const seed of [1, 2, 3]) {
      const { broker } = runBroker(seed, 30);
      const k = broker.kpis();
      for (const day of [10, 20, 30]) {
        const p = Math.exp(-h * day);
        const mu = (lambda / h) * (1 - p);
        const mean = n0 * p + mu;
        const sd = Math.sqrt(n0 * p * (1 - p) + mu);
        expect(Math.abs(k.slots[day * 24 - 1]!.enrolledDevices - mean)).toBeLessThan(4 * sd);
      }
      const arrivals = k.devicesJoined - n0;
      expect(Math.abs(arrivals - lambda * 30)).toBeLessThan(4 * Math.sqrt(lambda * 30));
      expect(k.enrolledDevices).toBe(k.devicesJoined - k.devicesLeft);
    }
  });

  it('same seed → same trace; another seed → another', () => {
    const show = (seed: number) => {
      const r = runBroker(seed, 5, {}, 2);
      return JSON.stringify({ k: r.broker.kpis(), l: r.ledger.toJSON() }, (_, v) => (typeof v === 'bigint' ? `${v}n` : v));
    };
    expect(show(8)).toBe(show(8));
    expect(show(8)).not.toBe(show(9));
  });
});
