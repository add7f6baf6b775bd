// The pool-side estimate Ĥ = 2^32·Σd/W (Miningcore StatsRecorder.cs): bin bookkeeping against a
// brute-force list, and its noise ≈ 1/√N on simulated exact shares — the jumpy-hashrate complaint of
// public-pool users (domain-facts §1.2) reproduced on purpose.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRoot } from '../../../src/engine/index.js';
import { HashrateEstimator, TWO_32, nextShareDelayUs, relativeNoise } from '../../../src/model/shares/index.js';

const S = 1_000_000;

describe('HashrateEstimator bookkeeping', () => {
  it('defaults to a 10-min window of 60 bins, empty at first', () => {
    const e = new HashrateEstimator();
    expect(e.windowUs).toBe(600 * S);
    expect(e.binUs).toBe(10 * S);
    expect(e.estimateHs(0)).toBe(0);
    expect(e.estimateHs(100 * S)).toBe(0);
    expect(e.sharesInWindow(100 * S)).toBe(0);
    expect(e.lastShareAtUs).toBeUndefined();
  });

  it('covers the current bin and the n before it, dividing by exactly that span', () => {
    const e = new HashrateEstimator({ windowUs: 60 * S, binUs: 10 * S });
    e.add(5 * S, 3);
    expect(e.lastShareAtUs).toBe(5 * S);
    expect(e.effectiveWindowUs(65 * S)).toBe(65 * S);
    expect(e.estimateHs(65 * S)).toBeCloseTo((TWO_32 * 3) / 65, 3);
    expect(e.sharesInWindow(69 * S)).toBe(1);
    expect(e.sharesInWindow(70 * S)).toBe(0); // bin 0 left the window
    expect(e.effectiveWindowUs(70 * S)).toBe(60 * S);
  });

  it('a young worker is judged over the time since it was first watched', () => {
    const e = new HashrateEstimator({ windowUs: 60 * S, binUs: 10 * S, startedAtUs: 100 * S });
    e.add(101 * S, 1);
    expect(e.effectiveWindowUs(110 * S)).toBe(10 * S);
    expect(e.estimateHs(110 * S)).toBeCloseTo(TWO_32 / 10, 3);
    expect(() => e.add(99 * S, 1)).toThrow(/atUs must be ≥ startedAtUs and never go back in time \(last 101000000\), got 99000000/);
  });

  it('spreads a batch over its span, so a 15-min slot does not inflate a 10-min estimate', () => {
    const spread = new HashrateEstimator();
    spread.addBatch(900 * S, 90, 90 * 1000, 900 * S);
    expect(spread.sharesInWindow(900 * S)).toBeCloseTo(60, 9);
    expect(spread.estimateHs(900 * S)).toBeCloseTo((TWO_32 * 90 * 1000) / 900, 0);
    const lumped = new HashrateEstimator();
    lumped.addBatch(900 * S, 90, 90 * 1000);
    expect(lumped.estimateHs(900 * S) / spread.estimateHs(900 * S)).toBeCloseTo(1.5, 9);
    expect(() => lumped.addBatch(901 * S, 0, 5)).toThrow(/sumDifficulty must be 0 exactly when count is 0/);
    lumped.addBatch(901 * S, 0, 0);
    expect(lumped.lastShareAtUs).toBe(900 * S);
    // a span reaching back before the watch began is spread over the watched part only
    const young = new HashrateEstimator({ startedAtUs: 100 * S });
    young.addBatch(130 * S, 30, 30, 60 * S);
    expect(young.sharesInWindow(130 * S)).toBeCloseTo(30, 12);
    expect(young.estimateHs(130 * S)).toBeCloseTo(TWO_32, 3);
  });

  it('rejects bad shapes and time travel', () => {
    expect(() => new HashrateEstimator({ windowUs: 60 * S, binUs: 7 * S })).toThrow(/windowUs must be a positive whole number of bins of 7000000 µs, got 60000000/);
    const e = new HashrateEstimator();
    e.add(50 * S, 1);
    expect(() => e.estimateHs(49 * S)).toThrow(/nowUs must be ≥ the latest time seen \(50000000\), got 49000000/);
    expect(() => e.add(60 * S, 0)).toThrow(/shareDifficulty must be a finite number > 0, got 0/);
  });

  it('equals a brute-force list of shares, gaps longer than the window included', () => {
    const step = fc.record({ gapUs: fc.oneof(fc.integer({ min: 0, max: 20 * S }), fc.integer({ min: 0, max: 2000 * S })), difficulty: fc.integer({ min: 1, max: 1000 }), query: fc.boolean() });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 100 * S }), fc.array(step, { maxLength: 200 }),
        (bins, binS, startedAtUs, steps) => {
          const binUs = binS * S;
          const windowUs = bins * binUs;
          const e = new HashrateEstimator({ windowUs, binUs, startedAtUs });
          const all: { atUs: number; difficulty: number }[] = [];
          let atUs = startedAtUs;
          for (const { gapUs, difficulty, query } of steps) {
            atUs += gapUs;
            if (query) {
              const startUs = Math.max(startedAtUs, (Math.floor(atUs / binUs) - bins) * binUs);
              const inWindow = all.filter((s) => s.atUs >= startUs);
              expect(e.sharesInWindow(atUs)).toBe(inWindow.length);
              expect(e.sumDifficultyInWindow(atUs)).toBe(inWindow.reduce((sum, s) => sum + s.difficulty, 0));
              expect(e.effectiveWindowUs(atUs)).toBe(atUs - startUs);
            } else {
              e.add(atUs, difficulty);
              all.push({ atUs, difficulty });
            }
          }
        }),
      { seed: 2501, numRuns: 300 },
    );
  });
});

describe('HashrateEstimator noise', () => {
  it('relative sd of Ĥ is 1/√N within 15 % for N ≈ 40 (1 share/15 s over 10 min), and Ĥ is unbiased', () => {
    const hashrateHs = 200e12;
    const shareDifficulty = (hashrateHs * 15) / TWO_32; // one share per 15 s
    const windows = 2_000;
    const e = new HashrateEstimator();
    const rng = createRoot('estimator-noise').stream('worker');
    const estimates: number[] = [];
    let atUs = nextShareDelayUs(hashrateHs, shareDifficulty, rng);
    for (let k = 1; k <= windows; k++) {
      const nowUs = k * e.windowUs; // bin-aligned: the span is exactly W and windows do not overlap
      for (; atUs < nowUs; atUs += nextShareDelayUs(hashrateHs, shareDifficulty, rng)) e.add(atUs, shareDifficulty);
      expect(e.effectiveWindowUs(nowUs)).toBe(e.windowUs);
      estimates.push(e.estimateHs(nowUs));
    }
    const mean = estimates.reduce((a, b) => a + b, 0) / windows;
    const sd = Math.sqrt(estimates.reduce((a, b) => a + (b - mean) ** 2, 0) / (windows - 1));
    const n = 40;
    expect(Math.abs(mean / hashrateHs - 1)).toBeLessThan((4 * relativeNoise(n)) / Math.sqrt(windows));
    expect(Math.abs(sd / hashrateHs / relativeNoise(n) - 1)).toBeLessThan(0.15);
  });
});
