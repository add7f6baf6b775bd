// Φ by Cody's approximation against 30-digit values (mpmath 1.3.0 ncdf, computed for this file) and an
// independent series, on both sides of each range switch (0.674…, √32 ≈ 5.657) and far in the tail.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erfc, normalCdf } from '../../../src/model/shares/index.js';

const TABLE: [number, number][] = [
  [-37, 5.7255712225245768e-300], [-20, 2.7536241186062337e-89], [-10, 7.6198530241605261e-24],
  [-8, 6.2209605742717841e-16], [-6, 9.8658764503769814e-10], [-5.657, 7.7020881721776021e-9],
  [-5, 2.8665157187919391e-7], [-4, 3.1671241833119921e-5], [-3, 0.0013498980316300945],
  [-2, 0.022750131948179207], [-1.5, 0.066807201268858066], [-1, 0.15865525393145705],
  [-0.7, 0.24196365222307301], [-0.6744, 0.25002852137294061], [-0.5, 0.3085375387259869],
  [-0.1, 0.46017216272297102], [0.3, 0.61791142218895264], [0.67, 0.74857110490468989],
  [1, 0.84134474606854295], [2.5, 0.99379033467422386], [5, 0.99999971334842812],
];

/** Φ(x) = ½ + φ(x)·Σ x^(2n+1)/(1·3·…·(2n+1)) (all terms one sign): fine for |x| ≤ 5 in absolute terms. */
function seriesCdf(x: number): number {
  let term = x;
  let sum = x;
  for (let n = 1; n < 400; n++) {
    term *= (x * x) / (2 * n + 1);
    sum += term;
  }
  return 0.5 + (Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI)) * sum;
}

describe('normalCdf (Cody)', () => {
  it('matches 30-digit reference values to 1e-14 relative, tail included', () => {
    for (const [x, phi] of TABLE) expect(Math.abs(normalCdf(x) / phi - 1), `x = ${x}`).toBeLessThan(1e-14);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
  });

  it('agrees with an independent series on [−5, 5] to 1e-13, and Φ(x) + Φ(−x) = 1', () => {
    fc.assert(
      fc.property(fc.double({ min: -5, max: 5, noNaN: true }), (x) => {
        expect(Math.abs(normalCdf(x) - seriesCdf(x))).toBeLessThan(1e-13);
        expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 15);
      }),
      { seed: 2201, numRuns: 500 },
    );
  });

  it('is monotone', () => {
    fc.assert(
      fc.property(fc.double({ min: -39, max: 39, noNaN: true }), fc.double({ min: -39, max: 39, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(normalCdf(lo)).toBeLessThanOrEqual(normalCdf(hi));
      }),
      { seed: 2202, numRuns: 500 },
    );
  });

  it('erfc(x) = 2Φ(−x√2)', () => {
    expect(erfc(0)).toBe(1);
    expect(erfc(1) / 0.15729920705028513 - 1).toBeCloseTo(0, 13); // erfc(1), mpmath
    expect(erfc(3) / 2.2090496998585441e-5 - 1).toBeCloseTo(0, 12); // erfc(3), mpmath
    expect(() => normalCdf(Number.NaN)).toThrow(/x must be a number, got NaN/);
  });
});
