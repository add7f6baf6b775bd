// Units and conversions: constants, half-to-even rounding of decimal inputs, sat ↔ µUSD.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  btcToSat, decimalToScaled, microUsdToSat, satToMicroUsd, secondsToUs, usdToMicroUsd,
  US_PER_DAY, US_PER_HOUR, US_PER_MIN, US_PER_S, SAT_PER_BTC, MICRO_USD_PER_USD,
} from '../../src/model/units.js';

describe('unit constants', () => {
  it('has the time scale in µs and exact money scales', () => {
    expect([US_PER_S, US_PER_MIN, US_PER_HOUR, US_PER_DAY]).toEqual([1e6, 6e7, 3.6e9, 8.64e10]);
    expect(SAT_PER_BTC).toBe(100_000_000n);
    expect(MICRO_USD_PER_USD).toBe(1_000_000n);
  });
});

describe('decimalToScaled / usdToMicroUsd / btcToSat', () => {
  it('reads numbers as they print, not as their binary value', () => {
    expect(usdToMicroUsd(0.1)).toBe(100_000n);
    expect(usdToMicroUsd(0.065)).toBe(65_000n);
    expect(usdToMicroUsd(1e-7)).toBe(0n);
    expect(usdToMicroUsd(-12.5)).toBe(-12_500_000n);
    expect(btcToSat(3.125)).toBe(312_500_000n);
    expect(btcToSat(21e6)).toBe(2_100_000_000_000_000n);
  });

  it('rounds half to even', () => {
    expect(usdToMicroUsd('0.0000025')).toBe(2n);
    expect(usdToMicroUsd('0.0000035')).toBe(4n);
    expect(usdToMicroUsd('0.00000250001')).toBe(3n);
    expect(usdToMicroUsd(-0.0000025)).toBe(-2n);
    expect(decimalToScaled('2.5', 0)).toBe(2n);
    expect(decimalToScaled('3.5e0', 0)).toBe(4n);
  });

  it('parses exponents and rejects garbage', () => {
    expect(decimalToScaled('1.5e-3', 6)).toBe(1500n);
    expect(decimalToScaled('1e21', 0)).toBe(10n ** 21n);
    expect(() => decimalToScaled('abc', 6)).toThrow(RangeError);
    expect(() => decimalToScaled('.', 6)).toThrow(/decimal number/);
    expect(() => usdToMicroUsd(Number.NaN)).toThrow(RangeError);
  });

  it('is exact for integers of micro-dollars', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (micro) => {
      expect(usdToMicroUsd(String(micro / 1e6))).toBe(BigInt(micro));
    }), { seed: 11, numRuns: 500 });
  });
});

describe('sat ↔ µUSD', () => {
  it('values satoshi at a BTC price, half to even', () => {
    const price = usdToMicroUsd(60_000); // µUSD per BTC
    expect(satToMicroUsd(SAT_PER_BTC, price)).toBe(60_000_000_000n);
    expect(satToMicroUsd(1n, price)).toBe(600n);
    expect(satToMicroUsd(1n, 50_000_000n)).toBe(0n); // 0.5 µUSD → 0 (even)
    expect(satToMicroUsd(3n, 50_000_000n)).toBe(2n); // 1.5 µUSD → 2
    expect(microUsdToSat(60_000_000_000n, price)).toBe(SAT_PER_BTC);
    expect(() => microUsdToSat(1n, 0n)).toThrow(/priceMicroUsdPerBtc/);
  });
});

describe('secondsToUs', () => {
  it('rounds to whole µs', () => {
    expect(secondsToUs(0.1)).toBe(100_000);
    expect(secondsToUs(600)).toBe(600_000_000);
    expect(() => secondsToUs(1e300)).toThrow(RangeError);
  });
});
