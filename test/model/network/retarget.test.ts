// Retarget against Bitcoin Core's pow_tests.cpp vectors, and the float version's clamp.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculateNextWorkRequired, clampTimespanS, isRetargetHeight, POW_LIMIT_DIFFICULTY, retargetDifficulty } from '../../../src/model/network/retarget.js';
import { POW_LIMIT, POW_TARGET_TIMESPAN_S } from '../../../src/model/network/chain-params.js';
import { targetFromBits } from '../../../src/model/network/compact.js';
import { difficultyFromTarget } from '../../../src/model/network/difficulty.js';
import { loadModelVectors } from '../helpers/vectors.js';

type RetargetVectors = { cases: { name: string; firstBlockTime: number; lastBlockTime: number; lastBits: string; expected: string }[] };

describe('CalculateNextWorkRequired known answers (test/model/vectors/retarget.json)', () => {
  for (const c of loadModelVectors<RetargetVectors>('retarget.json').cases) {
    it(c.name, () => {
      expect(calculateNextWorkRequired(Number.parseInt(c.lastBits, 16), c.lastBlockTime - c.firstBlockTime)).toBe(Number.parseInt(c.expected, 16));
    });
  }

  it('is powLimit as a compact number', () => {
    expect(POW_LIMIT).toBe(BigInt('0x00000000ffffffffffffffffffffffffffffffffffffffffffffffffffffffff'));
  });
});

describe('retarget rules', () => {
  it('retargets on heights that are multiples of 2016', () => {
    expect([2015, 2016, 4032, 840_000, 840_672].map(isRetargetHeight)).toEqual([false, true, true, false, true]);
  });

  it('clamps the timespan to [T/4, 4T]', () => {
    expect(clampTimespanS(1)).toBe(302_400);
    expect(clampTimespanS(-500)).toBe(302_400);
    expect(clampTimespanS(1e9)).toBe(4_838_400);
    expect(clampTimespanS(1_000_000)).toBe(1_000_000);
  });

  it('changes difficulty by T/actual, within ×4 / ÷4, never below powLimit', () => {
    fc.assert(fc.property(fc.double({ min: 1, max: 1e15, noNaN: true }), fc.integer({ min: -1e7, max: 1e8 }), (d, actual) => {
      const next = retargetDifficulty(d, actual, { minDifficulty: 0 });
      expect(next / d).toBeGreaterThanOrEqual(0.25 * (1 - 1e-15));
      expect(next / d).toBeLessThanOrEqual(4 * (1 + 1e-15));
      expect(next).toBeCloseTo((d * POW_TARGET_TIMESPAN_S) / clampTimespanS(actual), -Math.floor(Math.log10(d)) + 10);
    }), { seed: 6, numRuns: 500 });
    expect(retargetDifficulty(1, 1e9)).toBe(POW_LIMIT_DIFFICULTY);
  });

  it('the float version tracks the consensus one', () => {
    const bits = 0x1c05a3f4;
    const fromBits = difficultyFromTarget(targetFromBits(calculateNextWorkRequired(bits, 600_000)));
    expect(fromBits / retargetDifficulty(difficultyFromTarget(targetFromBits(bits)), 600_000)).toBeCloseTo(1, 4);
  });
});
