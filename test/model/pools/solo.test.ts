// SOLO: the finder takes the block minus the fee; over periods the payout has mean h·t·B′/(2^32·D)
// and variance h·t·B′²/(2^32·D) (Rosenfeld 2011 §1.1–1.2).
import { describe, expect, it } from 'vitest';
import { soloExpectedSat, soloVarianceSat2 } from '../../../src/model/pools/closed-forms.js';
import { createSolo } from '../../../src/model/pools/solo.js';
import { createSeededRng } from '../helpers/seeded-rng.js';

const ctx = { networkDifficulty: 100, subsidySat: 312_500_000n };

describe('SOLO', () => {
  it('gives the finder the block minus the fee; shares earn nothing', () => {
    const solo = createSolo({ feeBps: 100 });
    expect(solo.onShare({ minerId: 'a', difficulty: 5, atUs: 0 }, ctx).payouts).toEqual([]);
    const s = solo.onBlock({ finderMinerId: 'a', atUs: 1, rewardSat: 315_500_001n, feesSat: 3_000_001n }, ctx);
    expect(s.poolFeeSat).toBe(3_155_000n);
    expect(s.payouts).toEqual([{ minerId: 'a', amountSat: 312_345_001n, reason: 'solo:block' }]);
  });

  it('matches the closed-form mean and variance per period (seeded)', () => {
    // A miner of 2^32 H/s submits one difficulty-1 share per second; 1 000 s per period; D = 100.
    const periods = 2_000;
    const rng = createSeededRng(99);
    const solo = createSolo({ feeBps: 0 });
    const bSat = 1_000_000n;
    const perPeriod: number[] = [];
    for (let t = 0; t < periods; t++) {
      let paid = 0;
      for (let i = 0; i < 1_000; i++) {
        solo.onShare({ minerId: 'me', difficulty: 1, atUs: i }, ctx);
        if (rng.uniform() < 1 / 100) paid += Number(solo.onBlock({ finderMinerId: 'me', atUs: i, rewardSat: bSat, feesSat: 0n }, ctx).payouts[0]!.amountSat);
      }
      perPeriod.push(paid);
    }
    const input = { hashrateHs: 2 ** 32, durationS: 1_000, networkDifficulty: 100, blockRewardSat: bSat, feeBps: 0 };
    const mean = perPeriod.reduce((a, b) => a + b, 0) / periods;
    const variance = perPeriod.reduce((a, b) => a + (b - mean) ** 2, 0) / (periods - 1);
    expect(soloExpectedSat(input)).toBe(10_000_000);
    expect(Math.abs(mean - soloExpectedSat(input))).toBeLessThan(4 * Math.sqrt(soloVarianceSat2(input) / periods));
    // Binomial(1000, 0.01) per period: variance 0.99 × the Poisson closed form; the estimate's SE is ~3.5 %.
    expect(Math.abs(variance / soloVarianceSat2(input) - 1)).toBeLessThan(0.15);
  });
});
