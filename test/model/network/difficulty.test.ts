// Difficulty ↔ target and the share/block rate formulas (domain-facts §2.1 check values).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blockProbabilityPerShare, DIFF1_TARGET, difficultyFromTarget, difficultyRatioFromTarget, equilibriumDifficulty,
  expectedHashesPerShare, expectedHashesPerShareExact, getBlockProof, hashrateFromSharesHs, shareRatePerS, targetFromDifficulty,
} from '../../../src/model/network/difficulty.js';
import { targetFromBits } from '../../../src/model/network/compact.js';

describe('difficulty and target', () => {
  it('difficulty 1 is the 0x1d00ffff target', () => {
    expect(difficultyFromTarget(DIFF1_TARGET)).toBe(1);
    expect(targetFromDifficulty(1)).toBe(DIFF1_TARGET);
    expect(difficultyRatioFromTarget(DIFF1_TARGET / 2n)).toEqual({ num: DIFF1_TARGET, den: DIFF1_TARGET / 2n });
  });

  it('reads real mainnet bits', () => {
    // Block 100 000 (0x1b04864c): difficulty 14 484.162361… (getblock RPC)
    expect(difficultyFromTarget(targetFromBits(0x1b04864c))).toBeCloseTo(14484.1623612254, 6);
    expect(difficultyFromTarget(targetFromBits(0x1a44b9f2))).toBeCloseTo(244112.48777434, 5);
  });

  it('handles fractional share difficulty exactly', () => {
    // 0.001 as a double is a little above 1/1000, so the exact target is a little below 1000·DIFF1.
    const t = targetFromDifficulty(0.001);
    expect(t <= 1000n * DIFF1_TARGET).toBe(true);
    expect(1000n * DIFF1_TARGET - t < 1000n * DIFF1_TARGET / 10n ** 15n).toBe(true);
    expect(targetFromDifficulty(2 ** -40)).toBe((1n << 256n) - 1n); // capped
  });

  it('difficultyFromTarget ∘ targetFromDifficulty ≈ identity', () => {
    fc.assert(fc.property(fc.double({ min: 1e-6, max: 1e15, noNaN: true }), (d) => {
      expect(Math.abs(difficultyFromTarget(targetFromDifficulty(d)) / d - 1)).toBeLessThan(1e-15);
    }), { seed: 4, numRuns: 1000 });
  });

  it('rejects non-positive difficulty and targets', () => {
    expect(() => targetFromDifficulty(0)).toThrow(/difficulty must be a finite number > 0, got 0/);
    expect(() => difficultyFromTarget(0n)).toThrow(/target must be a bigint in \(0, 2\^256\), got 0n/);
  });
});

describe('rates', () => {
  it('S21 at d = 65536 submits 0.7105 shares/s (domain-facts §2.1)', () => {
    expect(shareRatePerS(200e12, 65536)).toBeCloseTo(0.7105, 4);
    expect((200e12 * 15) / 2 ** 32).toBeCloseTo(698_492, 0);
  });

  it('expected hashes per share, pool convention and exact', () => {
    expect(expectedHashesPerShare(1)).toBe(2 ** 32);
    expect(expectedHashesPerShareExact(1) / expectedHashesPerShare(1)).toBeCloseTo(65536 / 65535, 15);
    expect(getBlockProof(DIFF1_TARGET)).toBe((1n << 256n) / (DIFF1_TARGET + 1n));
    expect(Number(getBlockProof(DIFF1_TARGET))).toBeCloseTo(expectedHashesPerShareExact(1), -3);
  });

  it('hashrate from shares inverts the share rate', () => {
    const rate = shareRatePerS(123e12, 4096);
    expect(hashrateFromSharesHs(rate * 600 * 4096, 600)).toBeCloseTo(123e12, -2);
  });

  it('block probability per share is d / D, capped at 1', () => {
    expect(blockProbabilityPerShare(65536, 1e14)).toBe(65536 / 1e14);
    expect(blockProbabilityPerShare(2e14, 1e14)).toBe(1);
  });

  it('D = 1e14 ↔ ≈ 716 EH/s at 600 s (domain-facts §2.3)', () => {
    expect(equilibriumDifficulty(716e18)).toBeCloseTo(1.0e14, -12);
  });
});
