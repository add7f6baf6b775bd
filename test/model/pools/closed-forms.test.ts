// Closed forms: E1 against tabulated values (Abramowitz & Stegun table 5.1), PROP's break-even,
// the PPS reserve check values of domain-facts §2.6, and the Lundberg exponent's small-fee limit.
import { describe, expect, it } from 'vitest';
import {
  expectedPayoutPerShareSat, PPS_SHARE_VARIANCE_SAT2, ppsLundbergExponent, ppsReserveForRuinSat, ppsRuinProbability,
  pplnsShareVarianceSat2, PROP_BREAK_EVEN_X, propShareValueFactor, propShareValueSat,
} from '../../../src/model/pools/closed-forms.js';
import { exponentialIntegralE1, scaledExponentialIntegralE1 } from '../../../src/model/pools/exp-integral.js';

describe('exponential integral E1', () => {
  it('matches tabulated values on both sides of the series/continued-fraction switch', () => {
    const table: [number, number][] = [
      [0.1, 1.8229239584193906], [0.5, 0.5597735947761608], [1, 0.21938393439552029],
      [1.0000001, 0.21938389760757], [2, 0.04890051070806112], [5, 0.001148295591275326], [10, 4.156968929685324e-6],
    ];
    for (const [x, e1] of table) expect(exponentialIntegralE1(x) / e1 - 1).toBeCloseTo(0, 12);
    expect(exponentialIntegralE1(0)).toBe(Infinity);
    expect(() => exponentialIntegralE1(-1)).toThrow(/x must be a finite number ≥ 0, got -1/);
  });

  it('eˣE1(x) is stable for large x (→ 1/x − 1/x² + 2/x³ …)', () => {
    const x = 500;
    expect(scaledExponentialIntegralE1(x)).toBeCloseTo(1 / x - 1 / x ** 2 + 2 / x ** 3 - 6 / x ** 4 + 24 / x ** 5, 13);
    expect(scaledExponentialIntegralE1(1)).toBeCloseTo(Math.E * 0.21938393439552029, 14);
  });
});

describe('PROP closed form', () => {
  it('breaks even at x ≈ 0.43482 ("hop out at 43.5 %")', () => {
    expect(PROP_BREAK_EVEN_X).toBeCloseTo(0.43482, 5);
    expect(propShareValueFactor(PROP_BREAK_EVEN_X)).toBeCloseTo(1, 12);
    expect(propShareValueFactor(0.1)).toBeGreaterThan(1);
    expect(propShareValueFactor(1)).toBeLessThan(1);
    expect(propShareValueSat({ x: 0, blockRewardSat: 1n, networkDifficulty: 1, feeBps: 0 })).toBe(Infinity);
  });
});

describe('per-share means and variances', () => {
  const input = { blockRewardSat: 312_500_000n, networkDifficulty: 1e14, feeBps: 250, shareDifficulty: 65_536 };

  it('mean pB(1 − f)', () => {
    expect(expectedPayoutPerShareSat(input) / ((65_536 / 1e14) * 312_500_000 * 0.975)).toBeCloseTo(1, 12);
    expect(PPS_SHARE_VARIANCE_SAT2).toBe(0);
  });

  it('PPLNS variance d²·B′²/(X·D²); a longer window lowers it', () => {
    const v2 = pplnsShareVarianceSat2({ ...input, windowFactor: 2 });
    expect(v2 / ((65_536 ** 2 * (312_500_000 * 0.975) ** 2) / (2 * 1e28))).toBeCloseTo(1, 12);
    expect(pplnsShareVarianceSat2({ ...input, windowFactor: 5 }) / v2).toBeCloseTo(0.4, 12);
  });
});

describe('PPS operator reserve', () => {
  it('reproduces domain-facts §2.6: f = 2.5 %, B = 3.155 BTC → 291 BTC at 1 %, 436 BTC at 0.1 %', () => {
    const b = 315_500_000;
    expect(ppsReserveForRuinSat({ blockRewardSat: b, feeBps: 250, ruinProbability: 0.01 }) / 1e8).toBeCloseTo(290.6, 1);
    expect(ppsReserveForRuinSat({ blockRewardSat: b, feeBps: 250, ruinProbability: 0.001 }) / 1e8).toBeCloseTo(435.9, 1);
    expect(ppsRuinProbability({ blockRewardSat: b, feeBps: 250, reserveSat: 290.6e8 })).toBeCloseTo(0.01, 4);
    expect(ppsReserveForRuinSat({ blockRewardSat: b, feeBps: 0, ruinProbability: 0.01 })).toBe(Infinity);
  });

  it('the exact Lundberg exponent tends to the diffusion 2f for small p and f', () => {
    // u ≈ 2f·(1 + 2f/3 + …): the skew of the up-jumps is a correction of order f.
    expect(ppsLundbergExponent({ blockProbability: 1e-9, feeBps: 10 }) / 0.002).toBeCloseTo(1 + 0.002 / 3, 5);
    const realistic = ppsLundbergExponent({ blockProbability: 65_536 / 1e14, feeBps: 250 });
    expect(realistic / 0.05 - 1).toBeGreaterThan(0);
    expect(realistic / 0.05 - 1).toBeLessThan(0.03);
    expect(ppsLundbergExponent({ blockProbability: 0.01, feeBps: 0 })).toBe(0);
  });
});
