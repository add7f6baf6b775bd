// Vardiff in aggregate mode: the steady difficulty (monotone in hashrate, clamped) and one retarget
// per slot from the count, which must settle in the band like the per-share rule.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRoot } from '../../../src/engine/index.js';
import { aggregateShareSource, steadyDifficulty, vardiffAfterSlot, type VardiffOptions } from '../../../src/model/shares/index.js';

const opts: VardiffOptions = { minDifficulty: 512, maxDifficulty: 1e9 };

describe('steadyDifficulty', () => {
  it('is H·T/2^32 clamped: 698 492 for 200 TH/s at 15 s', () => {
    expect(steadyDifficulty(200e12, opts)).toBeCloseTo(698_491.9, 0);
    expect(steadyDifficulty(200e12, { ...opts, targetSecondsPerShare: 10 })).toBeCloseTo(465_661.3, 0);
    expect(steadyDifficulty(0, opts)).toBe(512);
    expect(steadyDifficulty(1e21, opts)).toBe(1e9);
  });

  it('more hashrate never lowers it, and it stays within [min, max]', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e20, noNaN: true }), fc.double({ min: 0, max: 1e20, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const dLo = steadyDifficulty(lo, opts);
        const dHi = steadyDifficulty(hi, opts);
        expect(dLo).toBeLessThanOrEqual(dHi);
        expect(dLo).toBeGreaterThanOrEqual(512);
        expect(dHi).toBeLessThanOrEqual(1e9);
      }),
      { seed: 2401, numRuns: 500 },
    );
  });
});

describe('vardiffAfterSlot', () => {
  it('keeps the difficulty inside the band, else moves to diff·shares·T/slotS', () => {
    expect(vardiffAfterSlot(1000, 60, 900, opts)).toBe(1000); // 15 s per share
    expect(vardiffAfterSlot(1000, 50, 900, opts)).toBe(1000); // 18 s: in band
    expect(vardiffAfterSlot(1000, 90, 900, opts)).toBe(1500); // 10 s: out
    expect(vardiffAfterSlot(1000, 30, 900, opts)).toBe(512); // 30 s → 500, clamped to min
    expect(vardiffAfterSlot(100_000, 0, 900, opts)).toBeCloseTo((100_000 * 15) / 900, 9); // idle path
    expect(vardiffAfterSlot(1000, 900, 900, { ...opts, maxDeltaFactor: 4 })).toBe(4000);
    expect(() => vardiffAfterSlot(1000, -1, 900, opts)).toThrow(/sharesInSlot must be a finite number ≥ 0, got -1/);
  });

  it('moves toward T seconds per share and never leaves [min, max]', () => {
    fc.assert(
      fc.property(fc.double({ min: 512, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 90, max: 3600 }),
        (difficulty, shares, slotS) => {
          const next = vardiffAfterSlot(difficulty, shares, slotS, opts);
          expect(next).toBeGreaterThanOrEqual(512);
          expect(next).toBeLessThanOrEqual(1e9);
          const avgS = shares === 0 ? Infinity : slotS / shares;
          if (avgS < 10.5) expect(next).toBeGreaterThanOrEqual(difficulty);
          if (avgS > 19.5) expect(next).toBeLessThanOrEqual(difficulty);
        }),
      { seed: 2402, numRuns: 500 },
    );
  });

  it('with Poisson counts per 15-min slot, settles in the band from minDifficulty', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e12, max: 1e16, noNaN: true }), fc.integer({ min: 1, max: 1_000_000 }), (hashrateHs, seed) => {
        const options = { ...opts, maxDeltaFactor: 4 };
        const steady = steadyDifficulty(hashrateHs, options);
        const rng = createRoot(seed).stream('w');
        let difficulty = 512;
        let slotsToBand = -1;
        let inBand = 0;
        for (let slot = 1; slot <= 96; slot++) {
          const shares = aggregateShareSource.sharesIn('w', hashrateHs, difficulty, 900_000_000, rng);
          difficulty = vardiffAfterSlot(difficulty, shares, 900, options);
          // expected seconds per share T·d/steady within T(1 ± v) ⟺ d within steady·(1 ± v)
          const ok = difficulty >= steady * 0.7 && difficulty <= steady * 1.3;
          if (ok && slotsToBand < 0) slotsToBand = slot;
          if (ok && slotsToBand >= 0) inBand++;
        }
        expect(slotsToBand).toBeGreaterThan(0);
        expect(slotsToBand).toBeLessThanOrEqual(10); // log4(1e16·15/2^32/512) ≈ 9.3 steps at most
        expect(inBand / (96 - slotsToBand + 1)).toBeGreaterThan(0.9); // 60 shares a slot: ±13 % noise
      }),
      { seed: 2403, numRuns: 50 },
    );
  });
});
