// Mobile/crowd mining broker (DESIGN.md system 5): consent windows measured exactly and devices mining
// only inside them, books that turn exact value into whole sat by cumulative floors (commission exact,
// partners paid their share however small each slot), churn within Poisson bounds, common random
// numbers across partners, books that balance, same seed → same trace.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRoot, createSimulation } from '../../../src/engine/index.js';
import { Ledger } from '../../../src/model/ledger/ledger.js';
import { overlapUs } from '../../../src/model/market/_check.js';
import {
  BROKER_ACCOUNTS, BrokerBooks, consentedUs, createMiningBroker, DEFAULT_DEVICE_DRAW, slotValues, VALUE_PER_SAT,
  windowPhaseUs, type BrokerPartnerConfig, type DeviceAccrual, type MiningBrokerConfig,
} from '../../../src/model/market/broker/index.js';
import { ratioFromNumber } from '../../../src/model/ledger/ratio.js';
import { US_PER_DAY, US_PER_HOUR, US_PER_MIN } from '../../../src/model/units.js';

/**
 * A CPU-friendly coin's value per hash, expressed as a SHA-256 hashprice so phones earn a few sat a
 * day (2 MH/s for ~2.5 h/day → ~5 sat): a test figure, not a market price.
 */
const TEST_HASHPRICE = 2.4e7;
const THREE_APPS: BrokerPartnerConfig[] = [
  { id: 'app-a', initialDevices: 600, arrivalsPerDay: 18 },
  { id: 'app-b', initialDevices: 200, arrivalsPerDay: 6 },
  { id: 'app-c', initialDevices: 200, arrivalsPerDay: 6 },
];

interface RunOptions {
  settleEveryDays?: number;
  slotUs?: number;
}

/** The owner's part (the twin's, in a run): close a slot every slotUs, settle every few days and at the end. */
function runBroker(seed: number, days: number, config: MiningBrokerConfig = {}, options: RunOptions = {}) {
  const { settleEveryDays = 0, slotUs = US_PER_HOUR } = options;
  const sim = createSimulation();
  const broker = createMiningBroker(sim, createRoot(seed).stream('broker'), {
    partners: THREE_APPS, earnings: { kind: 'hashprice', hashpriceSatPerThDay: TEST_HASHPRICE }, ...config,
  });
  const ledger = new Ledger();
  const untilUs = days * US_PER_DAY;
  broker.start(untilUs);
  for (let t = slotUs; t < untilUs + slotUs; t += slotUs) {
    const at = Math.min(t, untilUs);
    sim.scheduleAt(at, () => broker.closeSlot(at), 10);
  }
  if (settleEveryDays > 0) for (let d = settleEveryDays; d < days; d += settleEveryDays) sim.scheduleAt(d * US_PER_DAY, () => broker.settle(ledger), 11);
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

/** µs of [fromUs, toUs) inside the daily windows, summed window by window (an oracle apart from consentedUs). */
function windowsOverlapUs(phaseUs: number, lengthUs: number, fromUs: number, toUs: number): number {
  let total = 0;
  for (let start = phaseUs - US_PER_DAY; start < toUs; start += US_PER_DAY) total += overlapUs(start, start + lengthUs, fromUs, toUs);
  return total;
}

describe('a device mines only inside its consent window', () => {
  it('its mining time is exactly its windows ∩ its enrolment, for any windows, zones, churn and slot length', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 1_000 }), fc.integer({ min: 1, max: 24 }), fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 1, max: 600 }),
      fc.integer({ min: -720, max: 840 }), fc.constantFrom(15 * US_PER_MIN, US_PER_HOUR, 7 * US_PER_HOUR + 13), fc.double({ min: 0, max: 0.5, noNaN: true }),
      (seed, maxHours, startFrom, startSpan, offset, slotUs, hazard) => {
        const days = 4;
        const devices = { ...DEFAULT_DEVICE_DRAW, consentHoursMin: 1, consentHoursMax: maxHours, consentStartMinuteFrom: startFrom, consentStartMinuteTo: startFrom + startSpan, utcOffsetsMinutes: [{ value: offset, weight: 1 }] };
        const { broker } = runBroker(seed, days, { partners: [{ id: 'p', initialDevices: 8, arrivalsPerDay: 4, leaveHazardPerDay: hazard, devices }] }, { slotUs });
        for (const d of broker.devices()) {
          const consent = { startMinuteLocal: d.consentStartMinuteLocal, lengthMinutes: d.consentHoursPerDay * 60, utcOffsetMinutes: d.utcOffsetMinutes };
          const enrolledToUs = d.leftAtUs ?? days * US_PER_DAY;
          const expected = windowsOverlapUs(windowPhaseUs(consent), d.consentHoursPerDay * US_PER_HOUR, d.joinedAtUs, enrolledToUs);
          expect(d.miningUs).toBe(expected);
          // Never more than the consented hours of the days it was enrolled on (a window may straddle two).
          const daysTouched = Math.ceil((enrolledToUs - d.joinedAtUs) / US_PER_DAY) + 1;
          expect(d.miningUs).toBeLessThanOrEqual(d.consentHoursPerDay * US_PER_HOUR * daysTouched);
          if (d.joinedAtUs === 0 && d.leftAtUs === null) expect(d.miningUs).toBe(d.consentHoursPerDay * US_PER_HOUR * days);
        }
      }), { seed: 21, numRuns: 40 });
  });
});

describe('slot values', () => {
  const slot = { slotIndex: 0, startUs: 0, endUs: US_PER_HOUR, hashes: 0 };
  it('at a hashprice: each device its work × the price in picosat, exactly', () => {
    const v = slotValues({ kind: 'hashprice', hashpriceSatPerThDay: 56.79 }, slot, [3n, 0n, 10n ** 18n]);
    expect(v.values).toEqual([3n * 56_790_000_000_000n, 0n, 10n ** 18n * 56_790_000_000_000n]);
    expect(v.unattributed).toBe(0n);
    // A TH/s for a day at 1 sat/TH/s/day is one sat.
    const day = slotValues({ kind: 'hashprice', hashpriceSatPerThDay: 1 }, slot, [10n ** 12n * BigInt(US_PER_DAY)]);
    expect(day.values[0]).toBe(VALUE_PER_SAT);
  });
  it('from a payout: the slot\'s sat split by work to the unit; with no work all of it unattributed', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.array(fc.bigInt({ min: 0n, max: 10n ** 16n }), { maxLength: 8 }), (sat, work) => {
      const v = slotValues({ kind: 'payout', payoutSat: () => sat }, slot, work);
      expect(v.values.reduce((a, b) => a + b, 0n) + v.unattributed).toBe(sat * VALUE_PER_SAT);
      work.forEach((w, i) => { if (w === 0n) expect(v.values[i]).toBe(0n); });
      expect(v.unattributed).toBe(work.some((w) => w > 0n) ? 0n : sat * VALUE_PER_SAT);
    }), { seed: 3, numRuns: 200 });
  });
});

describe('the books', () => {
  const device = (): DeviceAccrual => ({ value: 0n, miningUs: 0, credits: 0n });

  it('book ⌊b·V⌋ for the broker and ⌊(1 − b)·V_p⌋ per partner at every step, monotone, carrying < 1 + partners sat', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 10_000 }),
      fc.array(fc.record({ partner: fc.constantFrom('a', 'b', 'c'), value: fc.bigInt({ min: 0n, max: 3n * VALUE_PER_SAT }), unattributed: fc.bigInt({ min: 0n, max: VALUE_PER_SAT }) }), { minLength: 1, maxLength: 60 }),
      (bps, steps) => {
        const books = new BrokerBooks(bps, { kind: 'per-sat', rate: ratioFromNumber(1) });
        const value = new Map<string, bigint>();
        let attributed = 0n;
        let unattributed = 0n;
        let commission = 0n;
        const paid = new Map<string, bigint>();
        for (const s of steps) {
          books.accrueDevice(s.partner, device(), s.value, 0);
          books.accrueUnattributed(s.unattributed);
          value.set(s.partner, (value.get(s.partner) ?? 0n) + s.value);
          attributed += s.value;
          unattributed += s.unattributed;
          const b = books.book();
          expect(b.commissionSat).toBeGreaterThanOrEqual(0n);
          commission += b.commissionSat;
          expect(commission).toBe((BigInt(bps) * attributed + 10_000n * unattributed) / (10_000n * VALUE_PER_SAT));
          for (const [id, sat] of b.partnerSat) {
            expect(sat).toBeGreaterThanOrEqual(0n);
            paid.set(id, (paid.get(id) ?? 0n) + sat);
            expect(paid.get(id)).toBe((value.get(id)! * BigInt(10_000 - bps)) / (10_000n * VALUE_PER_SAT));
          }
          const booked = commission + [...paid.values()].reduce((a, x) => a + x, 0n);
          expect(books.bookedSat).toBe(booked);
          expect(booked * VALUE_PER_SAT).toBeLessThanOrEqual(books.value);
          expect(books.value - booked * VALUE_PER_SAT).toBeLessThan(BigInt(1 + value.size) * VALUE_PER_SAT);
        }
      }), { seed: 12, numRuns: 200 });
  });

  it('pay the small partner its share when every slot is worth under a sat (a per-slot split gave it nothing)', () => {
    const books = new BrokerBooks(300, { kind: 'per-sat', rate: ratioFromNumber(1) });
    const paid = new Map<string, bigint>();
    // 1,000 slots of 0.4 sat: 0.3 from app-a's devices, 0.1 from app-b's.
    for (let i = 0; i < 1_000; i++) {
      books.accrueDevice('app-a', device(), (3n * VALUE_PER_SAT) / 10n, 0);
      books.accrueDevice('app-b', device(), VALUE_PER_SAT / 10n, 0);
      for (const [id, sat] of books.book().partnerSat) paid.set(id, (paid.get(id) ?? 0n) + sat);
    }
    expect(paid.get('app-a')).toBe(291n); // ⌊300 · 0.97⌋
    expect(paid.get('app-b')).toBe(97n); // ⌊100 · 0.97⌋
  });

  it('credit consumers per mining hour or per sat of their share, cumulatively floored', () => {
    const perHour = new BrokerBooks(0, { kind: 'per-mining-hour', rate: ratioFromNumber(2.5) });
    const d = device();
    const credits = [1, 1, 1, 1].map(() => perHour.accrueDevice('p', d, 0n, 30 * US_PER_MIN));
    expect(credits).toEqual([1n, 1n, 1n, 2n]); // 1.25, 2.5, 3.75, 5 credits after each half hour
    const perSat = new BrokerBooks(5_000, { kind: 'per-sat', rate: ratioFromNumber(10) });
    const e = device();
    expect(perSat.accrueDevice('p', e, VALUE_PER_SAT / 3n, 0)).toBe(1n); // ½ · ⅓ sat · 10 = 1.67
    expect(perSat.accrueDevice('p', e, VALUE_PER_SAT / 3n, 0)).toBe(2n); // 3.33 in all
    expect(e.credits).toBe(3n);
  });
});

describe('a month of the broker', () => {
  const { broker, ledger } = runBroker(41, 30, {}, { settleEveryDays: 7 });
  const k = broker.kpis();

  it('earns sat; booked earnings = commission + partner payouts, every slot and in total; commission ⌊3 %⌋', () => {
    expect(k.earningsSat).toBeGreaterThan(100_000n);
    for (const s of k.slots) expect(s.partnerSat + s.commissionSat).toBe(s.earningsSat);
    expect(k.partnerPayoutSat + k.commissionSat).toBe(k.earningsSat);
    expect(Number(k.commissionSat)).toBeLessThanOrEqual(0.03 * k.valueSat);
    expect(Number(k.commissionSat)).toBeGreaterThan(0.03 * k.valueSat - 1);
    expect(k.unbookedSat).toBeGreaterThanOrEqual(0);
    expect(k.unbookedSat).toBeLessThan(1 + k.partners.length);
  });

  it('books balance per unit; the broker keeps the commission, partners their payouts, consumers their credits', () => {
    expect(ledger.sum('sat')).toBe(0n);
    expect(ledger.sum('credit')).toBe(0n);
    expect(ledger.balance(BROKER_ACCOUNTS.upstream, 'sat')).toBe(-k.earningsSat);
    expect(ledger.balance(BROKER_ACCOUNTS.wallet, 'sat')).toBe(k.commissionSat);
    for (const p of k.partners) {
      expect(ledger.balance(BROKER_ACCOUNTS.partner(p.partnerId), 'sat')).toBe(p.payoutSat);
      expect(ledger.balance(BROKER_ACCOUNTS.consumers(p.partnerId), 'credit')).toBe(p.consumerCredits);
      // One credit per sat of each device's share: at most the partner's sat, short by under one per device.
      expect(p.consumerCredits).toBeLessThanOrEqual(p.payoutSat);
      expect(p.consumerCredits).toBeGreaterThan(p.payoutSat - BigInt(p.devicesAtStart + p.devicesJoined));
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

  it('at the SHA-256d hashprice (63.47 sat/TH/day) 1000 phones earn under one sat a month, carried not lost', () => {
    const { broker: btc } = runBroker(41, 30, { earnings: { kind: 'hashprice', hashpriceSatPerThDay: 63.47 } });
    const kb = btc.kpis();
    expect(kb.earningsSat).toBe(0n);
    expect(kb.valueSat).toBeGreaterThan(0.1);
    expect(kb.unbookedSat).toBe(kb.valueSat);
  });

  it('a payout callback and a measured device hashrate are used as given', () => {
    const devices = { ...DEFAULT_DEVICE_DRAW, measuredHashrateHs: 1.5e6 };
    const { broker: b, ledger: l } = runBroker(41, 2, {
      earnings: { kind: 'payout', payoutSat: (slot) => BigInt(Math.round(slot.hashes / 1e9)) + 7n },
      partners: THREE_APPS.map((p) => ({ ...p, devices })),
    });
    const kb = b.kpis();
    for (const d of b.devices()) expect(d.hashrateHs).toBe(1.5e6);
    for (const s of kb.slots) expect(s.effectiveHashrateHs).toBeCloseTo(1.5e6 * s.miningDevicesAvg, 0);
    expect(l.sum('sat')).toBe(0n);
    expect(kb.partnerPayoutSat + kb.commissionSat).toBe(kb.earningsSat);
    // The 7 sat paid for every slot with no work (daytime) are the broker's.
    const idle = kb.slots.filter((s) => s.miningDevicesAvg === 0).length;
    expect(idle).toBeGreaterThan(20);
    expect(Number(kb.commissionSat)).toBeGreaterThanOrEqual(7 * idle);
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
      expect(k.devicesAtStart).toBe(n0);
      expect(Math.abs(k.devicesJoined - lambda * 30)).toBeLessThan(4 * Math.sqrt(lambda * 30));
      expect(k.enrolledDevices).toBe(k.devicesAtStart + k.devicesJoined - k.devicesLeft);
    }
  });
});

describe('random streams', () => {
  const show = (r: ReturnType<typeof runBroker>) => JSON.stringify({ k: r.broker.kpis(), d: r.broker.devices(), l: r.ledger.toJSON() }, (_, v) => (
    typeof v === 'bigint' ? `${v}n` : v instanceof Map ? [...v] : v));

  it('same seed → same trace; another seed → another', () => {
    expect(show(runBroker(8, 5, {}, { settleEveryDays: 2 }))).toBe(show(runBroker(8, 5, {}, { settleEveryDays: 2 })));
    expect(show(runBroker(8, 5))).not.toBe(show(runBroker(9, 5)));
  });

  it('a partner added, or more devices at the start, leave the other devices as they were', () => {
    const devicesOf = (partners: BrokerPartnerConfig[], id: string) =>
      runBroker(4, 3, { partners }).broker.devices().filter((d) => d.partnerId === id).map((d) => ({ ...d, valueSat: 0 }));
    const a = { id: 'app-a', initialDevices: 50, arrivalsPerDay: 20 };
    const alone = devicesOf([a], 'app-a');
    expect(devicesOf([{ id: 'app-z', initialDevices: 70, arrivalsPerDay: 9 }, a], 'app-a')).toEqual(alone);
    const bigger = devicesOf([{ ...a, initialDevices: 80 }], 'app-a');
    for (const d of alone) expect(bigger.find((e) => e.id === d.id)).toEqual(d);
  });
});
