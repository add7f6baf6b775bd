// Share arithmetic against the check values of domain-facts §2.1, plus its inverse relations and
// monotonicity as properties (fast-check, fixed seeds).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  TWO_32, difficultyForSharePeriod, expectedShares, hashrateFromShares, relativeNoise, shareRatePerS, staleProbability,
} from '../../../src/model/shares/index.js';

const S21_HS = 200e12;

describe('share math', () => {
  it('matches the domain-facts check values', () => {
    expect(TWO_32).toBe(2 ** 32);
    expect(shareRatePerS(S21_HS, 65_536)).toBeCloseTo(0.7105, 4);
    expect(difficultyForSharePeriod(S21_HS, 15)).toBeCloseTo(698_491.9, 0); // "≈ 698 492"
    expect(relativeNoise(40)).toBeCloseTo(0.158, 3); // ±15.8 % at 1 share/15 s over 10 min
    expect(expectedShares(S21_HS, 65_536, 60_000_000)).toBeCloseTo(0.7105 * 60, 2);
    expect(relativeNoise(0)).toBe(Infinity);
  });

  it('Ĥ from the shares a hashrate is expected to find gives the hashrate back', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e9, max: 1e18, noNaN: true }), fc.double({ min: 1e-3, max: 1e12, noNaN: true }), fc.integer({ min: 1, max: 86_400 }),
        (hashrateHs, shareDifficulty, windowS) => {
          const shares = shareRatePerS(hashrateHs, shareDifficulty) * windowS;
          expect(hashrateFromShares(shares * shareDifficulty, windowS) / hashrateHs).toBeCloseTo(1, 12);
          // the vardiff fixed point: at d = H·T/2^32 the rate is one share per T seconds
          expect(shareRatePerS(hashrateHs, difficultyForSharePeriod(hashrateHs, windowS)) * windowS).toBeCloseTo(1, 12);
        }),
      { seed: 2101, numRuns: 300 },
    );
  });

  it('more hashrate never lowers the share rate; more difficulty never raises it', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e18, noNaN: true }), fc.double({ min: 0, max: 1e18, noNaN: true }), fc.double({ min: 1e-6, max: 1e12, noNaN: true }),
        (a, b, d) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(shareRatePerS(lo, d)).toBeLessThanOrEqual(shareRatePerS(hi, d));
          expect(shareRatePerS(hi, d * 2)).toBeLessThanOrEqual(shareRatePerS(hi, d));
        }),
      { seed: 2102, numRuns: 300 },
    );
  });

  it('stale probability is 1 − e^(−rate·latency), accurate for tiny products too', () => {
    const blockRatePerS = 1 / 600;
    expect(staleProbability(0, blockRatePerS)).toBe(0);
    expect(staleProbability(200_000, blockRatePerS)).toBeCloseTo(1 - Math.exp(-0.2 / 600), 15);
    expect(staleProbability(600_000_000, blockRatePerS)).toBeCloseTo(1 - Math.exp(-1), 15);
    // below the series switch: relative error, not absolute
    const x = 1e-6 / 600;
    expect(staleProbability(1, blockRatePerS) / (x - x * x / 2) - 1).toBeCloseTo(0, 14);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), fc.integer({ min: 0, max: 10_000_000_000 }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const pLo = staleProbability(lo, blockRatePerS);
        expect(pLo).toBeGreaterThanOrEqual(0);
        expect(staleProbability(hi, blockRatePerS)).toBeGreaterThanOrEqual(pLo);
        expect(staleProbability(hi, blockRatePerS)).toBeLessThanOrEqual(1);
      }),
      { seed: 2103, numRuns: 300 },
    );
  });

  it('rejects nonsense, naming the argument and the value', () => {
    expect(() => shareRatePerS(-1, 1)).toThrow(/hashrateHs must be a finite number ≥ 0, got -1/);
    expect(() => shareRatePerS(1, 0)).toThrow(/shareDifficulty must be a finite number > 0, got 0/);
    expect(() => hashrateFromShares(1, 0)).toThrow(/windowS must be a finite number > 0, got 0/);
    expect(() => expectedShares(1, 1, 1.5)).toThrow(/intervalUs must be a whole number of µs ≥ 0, got 1.5/);
    expect(() => difficultyForSharePeriod(Number.NaN, 15)).toThrow(/hashrateHs must be a finite number > 0, got NaN/);
    expect(() => staleProbability(-5, 1)).toThrow(/latencyUs must be a finite number ≥ 0, got -5/);
  });
});
