// Hashrate rental prices against hashprice (cost-plus vs hashprice-minus) and expand/shrink
// decisions for capacity on demand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CAPACITY_RULE, decideCapacity, INITIAL_CAPACITY_STATE, resizeCapacity, type CapacityDecision, type CapacityRuleState } from '../../../src/model/pricing/capacity-on-demand.js';
import { costMicroUsdPerThDay, quoteRentalPrice, rentalChargeMicroUsd } from '../../../src/model/pricing/rental-price.js';
import { US_PER_DAY } from '../../../src/model/units.js';

// S21: 17.5 J/TH (domain-facts §3.1); "industrial hosting tariff" $0.069/kWh (§3.3).
const S21 = { efficiencyJPerTh: 17.5, electricityMicroUsdPerKWh: 69_000n, otherCostMicroUsdPerThDay: 0n };

describe('rental price', () => {
  it('costs power exactly: 17.5 W per TH/s × 24 h × $0.069/kWh = $0.02898 per TH/s per day', () => {
    expect(costMicroUsdPerThDay(S21)).toBe(28_980n);
    expect(costMicroUsdPerThDay({ ...S21, otherCostMicroUsdPerThDay: 5_000n })).toBe(33_980n);
  });

  it('quotes cost-plus, hashprice-minus and the higher of the two, with both margins', () => {
    const base = { ...S21, hashpriceMicroUsdPerThDay: 63_470n };
    const costPlus = quoteRentalPrice({ ...base, policy: 'cost-plus' });
    expect(costPlus.priceMicroUsdPerThDay).toBe(34_776n); // 28,980 · 1.2
    expect(costPlus.sellerMarginMicroUsdPerThDay).toBe(5_796n);
    expect(costPlus.renterEdgeMicroUsdPerThDay).toBe(28_694n);
    const minus = quoteRentalPrice({ ...base, policy: 'hashprice-minus' });
    expect(minus.priceMicroUsdPerThDay).toBe(60_296n); // 63,470 · 0.95 = 60,296.5 → even
    expect(quoteRentalPrice({ ...base, policy: 'higher' }).priceMicroUsdPerThDay).toBe(60_296n);
    // Hashprice under cost: hashprice-minus sells at a loss, 'higher' falls back to cost-plus.
    const slump = { ...S21, hashpriceMicroUsdPerThDay: 25_000n };
    expect(quoteRentalPrice({ ...slump, policy: 'hashprice-minus' }).sellerMarginMicroUsdPerThDay).toBe(23_750n - 28_980n);
    const higher = quoteRentalPrice({ ...slump, policy: 'higher' });
    expect(higher.priceMicroUsdPerThDay).toBe(34_776n);
    expect(higher.renterEdgeMicroUsdPerThDay < 0n).toBe(true);
    expect(() => quoteRentalPrice({ ...base, policy: 'auction' as never })).toThrow(/policy must be/);
  });

  it('charges hashrate × days × price exactly', () => {
    expect(rentalChargeMicroUsd(60_296n, 100, 30 * US_PER_DAY)).toBe(180_888_000n);
    expect(rentalChargeMicroUsd(60_296n, 0.5, US_PER_DAY / 2)).toBe(15_074n);
    expect(() => rentalChargeMicroUsd(1n, -1, 1)).toThrow(/hashrateThs must be a finite number ≥ 0, got -1/);
  });
});

describe('capacity on demand', () => {
  const step = (state: CapacityRuleState, usedPct: number) => decideCapacity(state, { usedQuantity: BigInt(usedPct), capacityQuantity: 100n });
  const run = (path: number[]): CapacityDecision[] => {
    let state = INITIAL_CAPACITY_STATE;
    return path.map((u) => {
      const r = step(state, u);
      state = r.state;
      return r.decision;
    });
  };

  it('expands after K slots above X in a row, and a dip resets the streak', () => {
    expect(run([90, 90, 90, 90])).toEqual(['hold', 'hold', 'hold', 'expand']);
    expect(run([90, 90, 90, 85, 90, 90, 90, 90])).toEqual(['hold', 'hold', 'hold', 'hold', 'hold', 'hold', 'hold', 'expand']); // 85 % is not > 85 %
    expect(run([90, 90, 90, 90, 90, 90, 90, 90])).toEqual(['hold', 'hold', 'hold', 'expand', 'hold', 'hold', 'hold', 'expand']);
  });

  it('shrinks after K\' slots below Y and never both', () => {
    expect(run(Array(8).fill(49))).toEqual([...Array(7).fill('hold'), 'shrink']);
    expect(run([...Array(7).fill(49), 50])).toEqual(Array(8).fill('hold'));
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 150 }), { maxLength: 60 }), (path) => {
      const decisions = run(path);
      decisions.forEach((d, i) => {
        if (d === 'expand') expect(path.slice(i - 3, i + 1).every((u) => u > 85)).toBe(true);
        if (d === 'shrink') expect(path.slice(i - 7, i + 1).every((u) => u < 50)).toBe(true);
      });
    }), { seed: 5501, numRuns: 300 });
  });

  it('resizes by the step, never under the minimum', () => {
    expect(resizeCapacity(1_000n, 'expand')).toBe(1_250n);
    expect(resizeCapacity(0n, 'expand')).toBe(1n);
    expect(resizeCapacity(1_000n, 'shrink')).toBe(750n);
    expect(resizeCapacity(1_000n, 'shrink', { ...DEFAULT_CAPACITY_RULE, minCapacityQuantity: 900n })).toBe(900n);
    expect(resizeCapacity(500n, 'shrink', { ...DEFAULT_CAPACITY_RULE, minCapacityQuantity: 900n })).toBe(500n);
    expect(resizeCapacity(1_000n, 'hold')).toBe(1_000n);
    expect(() => decideCapacity(INITIAL_CAPACITY_STATE, { usedQuantity: 1n, capacityQuantity: 1n }, { ...DEFAULT_CAPACITY_RULE, shrinkBelowBps: 9_000 })).toThrow(/shrinkBelowBps must be < expandAboveBps = 8500, got 9000/);
  });
});
