// Refunds by the documented rule: Virtual Mining's — refund price · (sold − delivered) / sold when
// the achieved average is ≥ 8 % below what was sold (domain-facts §1.1), else nothing; and the
// AWS-shaped SLA credit tiers on downtime. Amounts are exact to the micro-dollar.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/index.js';
import { divRoundHalfEven } from '../../../src/model/ledger/exact.js';
import { Ledger } from '../../../src/model/ledger/ledger.js';
import {
  createRentalScheduler, noRefundRule, shortfallRefundRule, slaCreditRule, type RefundInput, type RentalEvent,
} from '../../../src/model/market/rentals/index.js';
import { TWO_32 } from '../../../src/model/shares/index.js';
import { US_PER_HOUR, US_PER_MIN } from '../../../src/model/units.js';

// Sold 1000·2^32 H/s for one hour: exactly 3.6e6 difficulty-1 shares' worth of hashes, so any whole
// Σd is an exact fraction of what was sold (≈ 4.295 TH/s).
const SOLD_HS = 1000 * TWO_32;
const HOUR_SHARES = 3_600_000;
const base: RefundInput = { priceMicroUsd: 1_000_000n, soldHs: SOLD_HS, durationUs: US_PER_HOUR, deliveredHashes: 0, downtimeUs: 0 };
const delivered = (sumDifficulty: number): RefundInput => ({ ...base, deliveredHashes: TWO_32 * sumDifficulty });

describe('shortfall refund rule (default, ≥ 8 %)', () => {
  const rule = shortfallRefundRule();

  it('refunds exactly 8 % of the price at exactly 8 % short, nothing a hair under', () => {
    expect(rule.refundMicroUsd(delivered(3_312_000))).toBe(80_000n); // 92.000 % delivered
    expect(rule.refundMicroUsd(delivered(3_312_001))).toBe(0n); // 7.99997 % short
    expect(rule.refundMicroUsd(delivered(1_800_000))).toBe(500_000n);
    expect(rule.refundMicroUsd(delivered(0))).toBe(1_000_000n);
    expect(rule.refundMicroUsd(delivered(HOUR_SHARES))).toBe(0n);
    expect(rule.refundMicroUsd(delivered(2 * HOUR_SHARES))).toBe(0n); // over-delivery is no surcharge
    expect(rule.description).toMatch(/≥ 8 % short/);
  });

  it('equals price·(3.6e6 − Σd)/3.6e6 (half-to-even) iff the shortfall is ≥ threshold, for any Σd and threshold', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 4_000_000 }), fc.integer({ min: 0, max: 10_000 }), fc.bigInt({ min: 0n, max: 10n ** 12n }),
      (sumD, thresholdBps, price) => {
        const refund = shortfallRefundRule(thresholdBps).refundMicroUsd({ ...delivered(sumD), priceMicroUsd: price });
        const shortNum = BigInt(Math.max(0, HOUR_SHARES - sumD));
        const due = shortNum > 0n && shortNum * 10_000n >= BigInt(thresholdBps) * BigInt(HOUR_SHARES);
        expect(refund).toBe(due ? divRoundHalfEven(price * shortNum, BigInt(HOUR_SHARES)) : 0n);
        expect(refund >= 0n && refund <= price).toBe(true);
      }), { seed: 8001, numRuns: 500 });
  });

  it('rejects nonsense with the argument named', () => {
    expect(() => shortfallRefundRule(10_001)).toThrow(/thresholdBps must be an integer number of basis points in \[0, 10000\], got 10001/);
    expect(() => rule.refundMicroUsd({ ...base, soldHs: 0 })).toThrow(/soldHs must be a finite number > 0, got 0/);
    expect(() => rule.refundMicroUsd({ ...base, priceMicroUsd: -1n })).toThrow(/priceMicroUsd must be a bigint ≥ 0n, got -1n/);
  });
});

describe('SLA credit rule and no-refund rule', () => {
  const rule = slaCreditRule();
  const down = (downtimeUs: number): RefundInput => ({ ...base, durationUs: 10_000 * US_PER_MIN, downtimeUs });
  it('credits 0 / 10 / 30 / 100 % at availability ≥ 99.99 / < 99.99 / < 99 / < 95 %', () => {
    expect(rule.refundMicroUsd(down(US_PER_MIN))).toBe(0n); // exactly 99.99 %
    expect(rule.refundMicroUsd(down(US_PER_MIN + 1))).toBe(100_000n);
    expect(rule.refundMicroUsd(down(100 * US_PER_MIN))).toBe(100_000n); // exactly 99 %
    expect(rule.refundMicroUsd(down(100 * US_PER_MIN + 1))).toBe(300_000n);
    expect(rule.refundMicroUsd(down(501 * US_PER_MIN))).toBe(1_000_000n);
    expect(noRefundRule.refundMicroUsd(delivered(0))).toBe(0n);
  });
});

describe('the scheduler applies the rule to what the shares delivered', () => {
  function run(perMinuteDifficulty: readonly number[]) {
    const sim = createSimulation();
    const events: RentalEvent[] = [];
    const s = createRentalScheduler(sim, {}, { onEvent: (e) => events.push(e) });
    perMinuteDifficulty.forEach((_, i) => {
      s.addWorker(`w${i}`, SOLD_HS);
      s.addRental({ id: `r${i}`, customerId: `c${i}`, hashrateHs: SOLD_HS, startUs: 0, endUs: US_PER_HOUR, priceMicroUsd: 1_000_000n, workerIds: [`w${i}`] });
    });
    for (let m = 1; m <= 60; m++) {
      sim.scheduleAt(m * US_PER_MIN, () => perMinuteDifficulty.forEach((d, i) => s.onShares(`w${i}`, sim.nowUs, 1, m === 60 ? d + (i === 1 ? 1 : 0) : d, US_PER_MIN)), 0);
    }
    sim.run();
    const ledger = new Ledger();
    return { kpis: s.kpis(), settled: s.settle(ledger), ledger, events };
  }

  it('92.000 % delivered → $0.08 back; one difficulty-1 share more → nothing', () => {
    // 55,200 a minute is 92 % of 60,000; rental r1 gets one share of difficulty 1 more in total.
    const { kpis, settled, ledger, events } = run([55_200, 55_200]);
    expect(kpis.rentals.map((r) => r.refundMicroUsd)).toEqual([80_000n, 0n]);
    expect(kpis.rentals[0]!.shortfallPct).toBeCloseTo(8, 12);
    expect(settled.map((x) => [x.chargedMicroUsd, x.refundMicroUsd])).toEqual([[1_000_000n, 80_000n], [1_000_000n, 0n]]);
    expect(ledger.balance('customer:c0', 'uUSD')).toBe(-920_000n);
    expect(ledger.balance('customer:c1', 'uUSD')).toBe(-1_000_000n);
    expect(ledger.balance('operator:rentals', 'uUSD')).toBe(1_920_000n);
    expect(ledger.sum('uUSD')).toBe(0n);
    expect(events.filter((e) => e.type === 'RefundIssued')).toEqual([{ type: 'RefundIssued', atUs: US_PER_HOUR, rentalId: 'r0', amountMicroUsd: 80_000n }]);
  });
});
