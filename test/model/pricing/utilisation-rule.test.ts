// Utilisation-driven repricing: known steps, monotone in utilisation, bounded steps, floor and ceiling.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_UTILISATION_RULE, nextPriceByUtilisation, priceBand, type UtilisationRuleParams } from '../../../src/model/pricing/utilisation-rule.js';

const REF = 11_285n; // io2 IOPS list price per 1,000 IOPS per 15-minute slot
const at = (price: bigint, demand: bigint, capacity: bigint, params?: UtilisationRuleParams) =>
  nextPriceByUtilisation({ priceMicroUsdPerLotSlot: price, referenceMicroUsdPerLotSlot: REF, demandQuantity: demand, capacityQuantity: capacity }, params);

const ruleArb = fc.record({
  targetBps: fc.integer({ min: 1, max: 10_000 }),
  gainBps: fc.integer({ min: 0, max: 50_000 }),
  maxStepUpBps: fc.integer({ min: 0, max: 5_000 }),
  maxStepDownBps: fc.integer({ min: 0, max: 5_000 }),
  floorBps: fc.integer({ min: 0, max: 10_000 }),
  ceilingBps: fc.integer({ min: 10_000, max: 40_000 }),
});

describe('nextPriceByUtilisation', () => {
  it('steps by known amounts from the list price', () => {
    const band = priceBand(REF);
    expect(band).toEqual({ floorMicroUsd: 5_642n, ceilingMicroUsd: 22_570n, maxStepUpMicroUsd: 1_128n, maxStepDownMicroUsd: 564n });
    expect(at(REF, 100n, 100n)).toBe(REF + 1_128n); // 20 points over target → 2,257, capped at +10 %
    expect(at(REF, 85n, 100n)).toBe(REF + 564n); // 5 points over: 11,285 · 0.05 = 564.25 → 564
    expect(at(REF, 80n, 100n)).toBe(REF); // on target
    expect(at(REF, 79n, 100n)).toBe(REF - 113n); // 1 point under: −112.85 → −113
    expect(at(REF, 0n, 100n)).toBe(REF - 564n); // capped at −5 %
    expect(at(REF, 0n, 0n)).toBe(REF); // nothing offered, nothing asked: hold
    expect(at(REF, 1n, 0n)).toBe(REF + 1_128n); // demand with no capacity: full step up
    expect(at(22_000n, 100n, 100n)).toBe(22_570n); // ceiling
    expect(at(5_700n, 0n, 100n)).toBe(5_642n); // floor
  });

  it('never gives a lower price for higher utilisation', () => {
    const obs = fc.record({
      price: fc.bigInt({ min: 0n, max: 40_000n }),
      capacity: fc.bigInt({ min: 0n, max: 10n ** 9n }),
      a: fc.bigInt({ min: 0n, max: 2n * 10n ** 9n }),
      b: fc.bigInt({ min: 0n, max: 2n * 10n ** 9n }),
    });
    fc.assert(fc.property(obs, ruleArb, ({ price, capacity, a, b }, rule) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      expect(at(price, lo, capacity, rule) <= at(price, hi, capacity, rule)).toBe(true);
    }), { seed: 1101, numRuns: 1000 });
  });

  it('compares utilisations across capacities too (exact ratios)', () => {
    fc.assert(fc.property(fc.bigInt({ min: 1n, max: 10n ** 6n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), fc.bigInt({ min: 0n, max: 10n ** 6n }), fc.bigInt({ min: 0n, max: 10n ** 6n }), (c1, c2, d1, d2) => {
      // d1/c1 ≤ d2/c2 ⇒ next(d1, c1) ≤ next(d2, c2)
      if (d1 * c2 > d2 * c1) [c1, c2, d1, d2] = [c2, c1, d2, d1];
      expect(at(REF, d1, c1) <= at(REF, d2, c2)).toBe(true);
    }), { seed: 1102, numRuns: 500 });
  });

  it('stays in [floor, ceiling], moves by at most the step bounds, and in the right direction', () => {
    const obs = fc.record({ capacity: fc.bigInt({ min: 1n, max: 10n ** 9n }), demand: fc.bigInt({ min: 0n, max: 2n * 10n ** 9n }), priceBps: fc.integer({ min: 0, max: 10_000 }) });
    fc.assert(fc.property(obs, ruleArb, ({ capacity, demand, priceBps }, rule) => {
      const band = priceBand(REF, rule);
      const price = band.floorMicroUsd + ((band.ceilingMicroUsd - band.floorMicroUsd) * BigInt(priceBps)) / 10_000n;
      const next = at(price, demand, capacity, rule);
      expect(next >= band.floorMicroUsd && next <= band.ceilingMicroUsd).toBe(true);
      expect(next - price <= band.maxStepUpMicroUsd).toBe(true);
      expect(price - next <= band.maxStepDownMicroUsd).toBe(true);
      const excess = demand * 10_000n - BigInt(rule.targetBps) * capacity;
      if (excess > 0n) expect(next >= price).toBe(true);
      if (excess < 0n) expect(next <= price).toBe(true);
      if (excess === 0n) expect(next).toBe(price);
    }), { seed: 1103, numRuns: 1000 });
  });

  it('rejects bad parameters and inputs, naming them', () => {
    expect(() => at(REF, 1n, 1n, { ...DEFAULT_UTILISATION_RULE, targetBps: 0 })).toThrow(/targetBps/);
    expect(() => at(REF, 1n, 1n, { ...DEFAULT_UTILISATION_RULE, floorBps: 30_000 })).toThrow(/ceilingBps must be ≥ floorBps = 30000, got 20000/);
    expect(() => at(-1n, 1n, 1n)).toThrow(/priceMicroUsdPerLotSlot must be a bigint ≥ 0n, got -1n/);
    expect(() => at(REF, 1n, -1n)).toThrow(/capacityQuantity/);
  });
});
