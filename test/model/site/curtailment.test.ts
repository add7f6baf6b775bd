// Curtailment: rigs run by priority while the facility draw fits the capacity; all stop above the
// price ceiling. Monotone: more capacity never runs fewer rigs, a higher ceiling never curtails more.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideCurtailment, type CurtailableRig } from '../../../src/model/site/index.js';

const rigs: CurtailableRig[] = [
  { id: 'a', powerW: 3500, priority: 1 },
  { id: 'b', powerW: 3250, priority: 5 },
  { id: 'c', powerW: 3010, priority: 5 },
  { id: 'd', powerW: 100, priority: 0 },
];

describe('decideCurtailment', () => {
  it('runs everything when it fits and the price is under the ceiling', () => {
    const d = decideCurtailment({ rigs, capacityKw: 20, pue: 1.2, priceMicroUsdPerKWh: 60_000n, priceCeilingMicroUsdPerKWh: 80_000n });
    expect(d).toEqual({ runningIds: ['b', 'c', 'a', 'd'], curtailedIds: [], facilityPowerW: (3250 + 3010 + 3500 + 100) * 1.2, reason: 'none' });
  });

  it('takes a prefix by priority (ties keep input order), never skipping ahead to a smaller rig', () => {
    // 10 kW at PUE 1.1: b + c = 6.886 kW fit, + a = 10.736 kW does not, so d (0.11 kW) waits too.
    const d = decideCurtailment({ rigs, capacityKw: 10, pue: 1.1, priceMicroUsdPerKWh: 0n });
    expect(d.runningIds).toEqual(['b', 'c']);
    expect(d.curtailedIds).toEqual(['a', 'd']);
    expect(d.reason).toBe('capacity');
    expect(d.facilityPowerW).toBeCloseTo(6886, 6);
  });

  it('curtails all when the price is strictly above the ceiling, none at the ceiling', () => {
    const at = (price: bigint) => decideCurtailment({ rigs, capacityKw: 20, pue: 1, priceMicroUsdPerKWh: price, priceCeilingMicroUsdPerKWh: 80_000n });
    expect(at(80_001n)).toEqual({ runningIds: [], curtailedIds: ['b', 'c', 'a', 'd'], facilityPowerW: 0, reason: 'price' });
    expect(at(80_000n).runningIds).toHaveLength(4);
  });

  const rigsArb = fc.uniqueArray(
    fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), powerW: fc.double({ min: 0, max: 4000, noNaN: true }), priority: fc.integer({ min: 0, max: 3 }) }),
    { selector: (r) => r.id, maxLength: 30 },
  );

  it('more capacity never runs fewer rigs, and the running set only grows (property)', () => {
    fc.assert(fc.property(rigsArb, fc.double({ min: 0.001, max: 100, noNaN: true }), fc.double({ min: 0.001, max: 100, noNaN: true }), fc.double({ min: 1, max: 2, noNaN: true }),
      (rs, k1, k2, pue) => {
        const [lo, hi] = k1 <= k2 ? [k1, k2] : [k2, k1];
        const small = decideCurtailment({ rigs: rs, capacityKw: lo, pue, priceMicroUsdPerKWh: 0n });
        const big = decideCurtailment({ rigs: rs, capacityKw: hi, pue, priceMicroUsdPerKWh: 0n });
        expect(big.runningIds.length).toBeGreaterThanOrEqual(small.runningIds.length);
        expect(big.runningIds.slice(0, small.runningIds.length)).toEqual(small.runningIds);
        expect(small.facilityPowerW).toBeLessThanOrEqual(lo * 1000);
      }), { seed: 20260103, numRuns: 300 });
  });

  it('a higher price ceiling never curtails more rigs (property)', () => {
    const priceArb = fc.bigInt({ min: 0n, max: 200_000n });
    fc.assert(fc.property(rigsArb, priceArb, priceArb, priceArb, fc.double({ min: 0.001, max: 100, noNaN: true }), (rs, price, c1, c2, capacityKw) => {
      const [lo, hi] = c1 <= c2 ? [c1, c2] : [c2, c1];
      const low = decideCurtailment({ rigs: rs, capacityKw, pue: 1.1, priceMicroUsdPerKWh: price, priceCeilingMicroUsdPerKWh: lo });
      const high = decideCurtailment({ rigs: rs, capacityKw, pue: 1.1, priceMicroUsdPerKWh: price, priceCeilingMicroUsdPerKWh: hi });
      const none = decideCurtailment({ rigs: rs, capacityKw, pue: 1.1, priceMicroUsdPerKWh: price });
      expect(high.curtailedIds.length).toBeLessThanOrEqual(low.curtailedIds.length);
      expect(none.curtailedIds.length).toBeLessThanOrEqual(high.curtailedIds.length);
    }), { seed: 20260104, numRuns: 300 });
  });

  it('rejects nonsense, naming the argument', () => {
    const base = { rigs, capacityKw: 10, pue: 1.1, priceMicroUsdPerKWh: 0n };
    expect(() => decideCurtailment({ ...base, pue: 0.9 })).toThrow(/pue must be a finite number ≥ 1, got 0.9/);
    expect(() => decideCurtailment({ ...base, capacityKw: 0 })).toThrow(/capacityKw must be a finite number > 0, got 0/);
    expect(() => decideCurtailment({ ...base, rigs: [...rigs, { id: 'a', powerW: 1, priority: 0 }] })).toThrow(/rigs\[4\]\.id must be a unique non-empty string, got "a"/);
    expect(() => decideCurtailment({ ...base, rigs: [{ id: 'x', powerW: -1, priority: 0 }] })).toThrow(/rigs\[0\]\.powerW must be a finite number ≥ 0, got -1/);
  });
});
