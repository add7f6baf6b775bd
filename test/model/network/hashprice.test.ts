// Hashprice check value from domain-facts §2.7 and consistency of the exact revenue formula.
import { describe, expect, it } from 'vitest';
import { expectedRevenueSat, hashpriceMicroUsdPerThDay, hashpriceSatPerPhDay, hashpriceSatPerThDay, hashpriceSatPerThDayRounded } from '../../../src/model/network/hashprice.js';
import { usdToMicroUsd, US_PER_DAY } from '../../../src/model/units.js';

const input = { subsidySat: 312_500_000n, avgFeesSat: 3_000_000n, difficulty: 1.0e14 };

describe('hashprice', () => {
  it('D = 1e14, S = 3.125 BTC, F = 0.03 BTC → ≈ 63.5 sat/TH/day', () => {
    expect(hashpriceSatPerThDay(input)).toBeCloseTo(63.47, 2);
    expect(hashpriceSatPerPhDay(input)).toBeCloseTo(63_467, -1);
    expect(hashpriceSatPerThDayRounded(input)).toBe(63n);
  });

  it('in dollars at a BTC price', () => {
    const priceMicroUsdPerBtc = usdToMicroUsd(100_000);
    expect(hashpriceMicroUsdPerThDay({ ...input, priceMicroUsdPerBtc }) / 1e6).toBeCloseTo(0.06347, 5);
  });

  it('expected revenue scales with hashrate and time, exactly rounded', () => {
    const oneDay = expectedRevenueSat({ ...input, hashrateHs: 200e12, durationUs: US_PER_DAY });
    expect(Number(oneDay)).toBeCloseTo(hashpriceSatPerThDay(input) * 200, -1);
    const thirtyDays = expectedRevenueSat({ ...input, hashrateHs: 200e12, durationUs: 30 * US_PER_DAY });
    expect(Number(thirtyDays)).toBeCloseTo(hashpriceSatPerThDay(input) * 200 * 30, -1);
    expect(expectedRevenueSat({ ...input, hashrateHs: 0, durationUs: US_PER_DAY })).toBe(0n);
  });

  it('rejects nonsense', () => {
    expect(() => hashpriceSatPerThDay({ ...input, difficulty: 0 })).toThrow(/difficulty must be a finite number > 0, got 0/);
    expect(() => expectedRevenueSat({ ...input, hashrateHs: 1, durationUs: 0.5 })).toThrow(/durationUs/);
  });
});
