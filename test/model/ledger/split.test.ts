// Largest-remainder splits: conservation, within one unit of exact, deterministic, tie rule.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitByBasisPoints, splitByNumberWeights, splitByPercents, splitByWeights } from '../../../src/model/ledger/split.js';

const sum = (xs: readonly bigint[]) => xs.reduce((a, b) => a + b, 0n);
const amounts = fc.bigInt({ min: 0n, max: 2n ** 80n });
const weightVectors = fc.array(fc.bigInt({ min: 0n, max: 2n ** 64n }), { minLength: 1, maxLength: 24 }).filter((ws) => sum(ws) > 0n);

describe('splitByWeights', () => {
  it('parts sum to the amount and each is within one unit of its exact share', () => {
    fc.assert(fc.property(amounts, weightVectors, (amount, weights) => {
      const parts = splitByWeights(amount, weights);
      const total = sum(weights);
      expect(sum(parts)).toBe(amount);
      parts.forEach((part, i) => {
        const error = part * total - amount * weights[i]!; // (part − exact) · total
        expect(error > -total && error < total).toBe(true);
        if (weights[i] === 0n) expect(part).toBe(0n);
      });
    }), { seed: 20250101, numRuns: 1000 });
  });

  it('is deterministic and ignores nothing but order of equal remainders', () => {
    fc.assert(fc.property(amounts, weightVectors, (amount, weights) => {
      expect(splitByWeights(amount, weights)).toEqual(splitByWeights(amount, [...weights]));
    }), { seed: 7, numRuns: 200 });
  });

  it('gives leftover units to the largest remainders, ties to the lowest index', () => {
    expect(splitByWeights(10n, [1n, 1n, 1n])).toEqual([4n, 3n, 3n]);
    expect(splitByWeights(2n, [1n, 1n, 1n])).toEqual([1n, 1n, 0n]);
    expect(splitByWeights(100n, [1n, 2n, 3n])).toEqual([17n, 33n, 50n]); // 16.67, 33.33, 50
    expect(splitByWeights(1n, [0n, 5n, 5n])).toEqual([0n, 1n, 0n]);
    expect(splitByWeights(0n, [3n, 4n])).toEqual([0n, 0n]);
  });

  it('throws on a zero total, negative weights or a negative amount', () => {
    expect(() => splitByWeights(5n, [0n, 0n])).toThrow(/weights must sum to > 0n/);
    expect(() => splitByWeights(5n, [])).toThrow(RangeError);
    expect(() => splitByWeights(5n, [1n, -1n])).toThrow(/weights\[1\]/);
    expect(() => splitByWeights(-5n, [1n])).toThrow(/amount must be a bigint ≥ 0n, got -5n/);
  });
});

describe('splitByBasisPoints / splitByPercents', () => {
  it('splits reward tiers exactly', () => {
    expect(splitByBasisPoints(1001n, [5000, 5000])).toEqual([501n, 500n]);
    expect(splitByBasisPoints(1000n, [4000, 6000])).toEqual([400n, 600n]);
    expect(splitByPercents(312_500_000n, [30, 70])).toEqual([93_750_000n, 218_750_000n]);
    expect(splitByPercents(1000n, [1.5, 0.5, 0.1, 97.9])).toEqual([15n, 5n, 1n, 979n]);
  });

  it('rejects shares that do not add up or are too precise', () => {
    expect(() => splitByBasisPoints(1n, [5000, 4000])).toThrow(/sum to 10000, got 9000/);
    expect(() => splitByBasisPoints(1n, [5000.5, 4999.5])).toThrow(/basisPoints\[0\]/);
    expect(() => splitByPercents(1n, [33.333, 66.667])).toThrow(/percents\[0\]/);
  });
});

describe('splitByNumberWeights', () => {
  it('is exactly proportional to the doubles, tiny ones included', () => {
    expect(splitByNumberWeights(100n, [0.25, 0.75])).toEqual([25n, 75n]);
    expect(splitByNumberWeights(3n, [0.1, 0.1, 0.1])).toEqual([1n, 1n, 1n]);
    expect(splitByNumberWeights(10n ** 30n, [1e-20, 1])[0]).toBeGreaterThan(0n);
    expect(() => splitByNumberWeights(1n, [Number.NaN])).toThrow(/weights\[0\]/);
    expect(() => splitByNumberWeights(1n, [0, 0])).toThrow(/sum to > 0n/);
  });

  it('conserves for random float weights', () => {
    const floats = fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 16 }).filter((ws) => ws.some((w) => w > 0));
    fc.assert(fc.property(amounts, floats, (amount, weights) => {
      expect(sum(splitByNumberWeights(amount, weights))).toBe(amount);
    }), { seed: 9, numRuns: 300 });
  });
});
