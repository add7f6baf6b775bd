// Money is conserved in every rental settlement for random rentals, workers, failures, refund
// rules, accounting windows and settlement times: the books sum to zero, each window is charged
// exactly once at its share of the price (shares sum to the price), refunds never exceed the
// charge, and the operator holds exactly charges − refunds. Same seed → same trace.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRoot, createSimulation } from '../../../src/engine/index.js';
import { Ledger } from '../../../src/model/ledger/ledger.js';
import {
  createRentalScheduler, shortfallRefundRule, slaCreditRule, type RentalEvent, type RentalSettlement,
} from '../../../src/model/market/rentals/index.js';
import { US_PER_MIN } from '../../../src/model/units.js';
import { D, H } from './rental-fixture.js';
import { feedShares } from './share-feeder.js';

const worker = fc.record({
  spare: fc.boolean(),
  speed: fc.constantFrom(0.5, 1, 1.5),
  failAtMin: fc.option(fc.integer({ min: 0, max: 360 }), { nil: undefined }),
  fixAfterMin: fc.integer({ min: 1, max: 240 }),
  failedFraction: fc.constantFrom(0, 0.3, 0.6),
});
const rental = fc.record({
  startMin: fc.integer({ min: 0, max: 120 }),
  lengthMin: fc.integer({ min: 1, max: 300 }),
  speed: fc.constantFrom(0.5, 1, 2),
  price: fc.bigInt({ min: 0n, max: 10n ** 10n }),
  customer: fc.constantFrom('a', 'b', 'c'),
});
const scenario = fc.record({
  workers: fc.array(worker, { minLength: 1, maxLength: 4 }),
  rentals: fc.array(rental, { minLength: 1, maxLength: 4 }),
  rule: fc.oneof(fc.integer({ min: 0, max: 10_000 }).map((bps) => shortfallRefundRule(bps)), fc.constant(slaCreditRule())),
  refundWindowMin: fc.option(fc.integer({ min: 7, max: 90 }), { nil: null }),
  settleAtMin: fc.uniqueArray(fc.integer({ min: 0, max: 440 }), { maxLength: 3 }).map((xs) => [...xs].sort((a, b) => a - b)),
  seed: fc.integer(),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function run(s: Scenario) {
  const sim = createSimulation();
  const events: RentalEvent[] = [];
  const scheduler = createRentalScheduler(sim, { refundRule: s.rule, refundWindowUs: s.refundWindowMin === null ? null : s.refundWindowMin * US_PER_MIN }, { onEvent: (e) => events.push(e) });
  const fed = s.workers.map((w, i) => {
    const id = `w${i}`;
    if (w.spare) scheduler.addSpare(id, w.speed * H);
    else scheduler.addWorker(id, w.speed * H);
    const failUs = w.failAtMin === undefined ? Infinity : w.failAtMin * US_PER_MIN;
    const fixUs = failUs + w.fixAfterMin * US_PER_MIN;
    return { id, hashrateAt: (atUs: number) => w.speed * H * (atUs >= failUs && atUs < fixUs ? w.failedFraction : 1) };
  });
  s.rentals.forEach((r, i) => scheduler.addRental({
    id: `r${i}`, customerId: r.customer, hashrateHs: r.speed * H, startUs: r.startMin * US_PER_MIN,
    endUs: (r.startMin + r.lengthMin) * US_PER_MIN, priceMicroUsd: r.price,
  }));
  feedShares(sim, scheduler, fed, { stepUs: US_PER_MIN, shareDifficulty: D, untilUs: 430 * US_PER_MIN, root: createRoot(s.seed) });
  const ledger = new Ledger();
  const settlements: RentalSettlement[] = [];
  for (const atMin of s.settleAtMin) sim.scheduleAt(atMin * US_PER_MIN, () => settlements.push(...scheduler.settle(ledger)), 9);
  sim.run();
  settlements.push(...scheduler.settle(ledger));
  return { scheduler, ledger, settlements, events };
}

describe('rental settlement conserves money', () => {
  it('books sum to zero; charges = prices; 0 ≤ refund ≤ charge; operator = charges − refunds', () => {
    fc.assert(fc.property(scenario, (s) => {
      const { scheduler, ledger, settlements } = run(s);
      expect(ledger.sum('uUSD')).toBe(0n);
      const charged = settlements.reduce((a, x) => a + x.chargedMicroUsd, 0n);
      const refunded = settlements.reduce((a, x) => a + x.refundMicroUsd, 0n);
      expect(charged).toBe(s.rentals.reduce((a, r) => a + r.price, 0n));
      for (const x of settlements) expect(x.refundMicroUsd >= 0n && x.refundMicroUsd <= x.chargedMicroUsd).toBe(true);
      // Every window settled exactly once.
      const keys = settlements.map((x) => `${x.rentalId}/${x.windowIndex}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect(ledger.balance('operator:rentals', 'uUSD')).toBe(charged - refunded);
      for (const c of ['a', 'b', 'c']) {
        const mine = settlements.filter((x) => x.customerId === c);
        expect(ledger.balance(`customer:${c}`, 'uUSD')).toBe(-mine.reduce((a, x) => a + x.chargedMicroUsd - x.refundMicroUsd, 0n));
      }
      const kpis = scheduler.kpis();
      expect(kpis.totals.chargedMicroUsd).toBe(charged);
      for (const r of kpis.rentals) expect(r.downtimeUs).toBeLessThanOrEqual(r.endUs - r.startUs);
    }), { seed: 4242, numRuns: 60 });
  });

  it('same seed → same trace (events, KPIs, books); another seed → another trace', () => {
    const s: Scenario = {
      workers: [{ spare: false, speed: 1, failAtMin: 60, fixAfterMin: 90, failedFraction: 0 }, { spare: true, speed: 1, failAtMin: undefined, fixAfterMin: 1, failedFraction: 0 }],
      rentals: [{ startMin: 0, lengthMin: 400, speed: 1, price: 123_456_789n, customer: 'a' }],
      rule: shortfallRefundRule(), refundWindowMin: 60, settleAtMin: [120, 300], seed: 5,
    };
    const trace = (seed: number) => {
      const r = run({ ...s, seed });
      return JSON.stringify({ events: r.events, kpis: r.scheduler.kpis(), ledger: r.ledger.toJSON() }, (_, v) => (typeof v === 'bigint' ? `${v}n` : v));
    };
    expect(trace(5)).toBe(trace(5));
    expect(trace(5)).not.toBe(trace(6));
  });
});

describe('API errors name the argument', () => {
  it('rejects bad input', () => {
    const sim = createSimulation();
    const s = createRentalScheduler(sim);
    s.addWorker('w', H);
    expect(() => s.addWorker('w', H)).toThrow(/workerId must be new, got "w" twice/);
    expect(() => s.addSpare('x', -1)).toThrow(/hashrateHs must be a finite number > 0, got -1/);
    expect(() => s.addRental({ id: 'r', customerId: 'c', hashrateHs: H, startUs: 10, endUs: 10, priceMicroUsd: 1n })).toThrow(/endUs must be > startUs \(10\), got 10/);
    expect(() => s.onShares('w', 5, 1, 1)).toThrow(/atUs must be ≤ nowUs \(0\), got 5/);
    expect(() => createRentalScheduler(sim, { monitoring: 'hardware' })).toThrow(/hooks.hardwareVerdict must be a function/);
    expect(() => createRentalScheduler(sim, { monitoring: 'psychic' as never })).toThrow(/monitoring must be 'shares' or 'hardware', got "psychic"/);
  });
});
