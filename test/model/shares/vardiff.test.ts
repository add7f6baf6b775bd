// Vardiff as Miningcore's VarDiffManager.cs does it (Update and IdleUpdate): step-by-step cases with
// hand-computed averages, then convergence of a simulated worker from minDifficulty (seeded).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRoot } from '../../../src/engine/index.js';
import { Vardiff, VARDIFF_BUFFER_SIZE, nextShareDelayUs, steadyDifficulty, type VardiffOptions } from '../../../src/model/shares/index.js';

const S = 1_000_000;
const opts: VardiffOptions = { minDifficulty: 1, maxDifficulty: 1e12 }; // 15 s / 90 s / ±30 % → band [10.5, 19.5] s

describe('Vardiff per share', () => {
  it('the first share only starts the clock', () => {
    const v = new Vardiff(opts, 1000);
    expect(v.onShare(5 * S)).toBeUndefined();
    expect(v.lastShareAtUs).toBe(5 * S);
    expect(v.lastRetargetAtUs).toBe(5 * S);
    expect(v.bufferedIntervals).toBe(0);
    expect(v.difficulty).toBe(1000);
  });

  it('waits retargetSeconds since the last retarget, then moves diff·T/avg and clears the ring', () => {
    const v = new Vardiff(opts, 1000);
    for (let t = 0; t < 90; t++) expect(v.onShare(t * S), `t = ${t}`).toBeUndefined();
    expect(v.bufferedIntervals).toBe(VARDIFF_BUFFER_SIZE);
    expect(v.onShare(90 * S)).toBe(15_000); // avg 1 s → ×15
    expect(v.difficulty).toBe(15_000);
    expect(v.lastRetargetAtUs).toBe(90 * S);
    expect(v.bufferedIntervals).toBe(0);
  });

  it('averages the ring and the interval just ended: (Σbuffer + sinceLast)/(n + 1)', () => {
    const v = new Vardiff(opts, 1000);
    v.onShare(0);
    for (let t = 10; t <= 80; t += 10) expect(v.onShare(t * S)).toBeUndefined(); // 10 s: out of band, but < 90 s
    expect(v.onShare(100 * S)).toBeUndefined(); // (8·10 + 20)/9 = 11.1 s: in band
    expect(v.onShare(101 * S)).toBeCloseTo((1000 * 15) / 10.1, 9); // (80 + 20 + 1)/10 = 10.1 s
  });

  it('keeps only the last 10 intervals', () => {
    const v = new Vardiff({ ...opts, retargetSeconds: 150 }, 1000);
    v.onShare(0);
    let t = 0;
    for (let i = 0; i < 10; i++) expect(v.onShare((t += 1) * S)).toBeUndefined(); // ten 1-s intervals
    for (let i = 0; i < 9; i++) expect(v.onShare((t += 14) * S)).toBeUndefined(); // t = 136
    // ring: one 1 s + nine 14 s, plus the 14 s just ended: 141/11 = 12.8 s, in band. All 21 would give 7.1 s.
    expect(v.onShare((t += 14) * S)).toBeUndefined();
    expect(t).toBeGreaterThanOrEqual(150);
  });

  it('does nothing inside the band', () => {
    const v = new Vardiff(opts, 1000);
    for (let t = 0; t <= 3600; t += 12) expect(v.onShare(t * S)).toBeUndefined();
    for (let t = 3619; t <= 7200; t += 19) expect(v.onShare(t * S)).toBeUndefined();
  });

  it('limits a step to maxDeltaFactor and clamps to [min, max]', () => {
    const fast = new Vardiff({ ...opts, maxDeltaFactor: 4 }, 1000);
    for (let t = 0; t <= 90; t++) fast.onShare(t * S);
    expect(fast.difficulty).toBe(4000);
    const slow = new Vardiff({ ...opts, maxDeltaFactor: 4 }, 1000);
    for (let t = 0; t <= 100; t += 100) slow.onShare(t * S);
    expect(slow.difficulty).toBe(250); // 100 s → ×0.15, held at ÷4
    const floor = new Vardiff({ minDifficulty: 500, maxDifficulty: 2000 }, 1000);
    for (let t = 0; t <= 100; t += 100) floor.onShare(t * S);
    expect(floor.difficulty).toBe(500);
    const ceiling = new Vardiff({ minDifficulty: 500, maxDifficulty: 2000 }, 1000);
    for (let t = 0; t <= 90; t++) ceiling.onShare(t * S);
    expect(ceiling.difficulty).toBe(2000);
    // clamped to where it already is: no change reported, the clock keeps running
    expect(ceiling.onShare(91 * S)).toBeUndefined();
    for (let t = 92; t <= 181; t++) ceiling.onShare(t * S);
    expect(ceiling.difficulty).toBe(2000);
  });

  it('idle path: after retargetSeconds (less Miningcore\'s 1 s margin) of silence, retargets down', () => {
    const fresh = new Vardiff(opts, 1000, 0);
    expect(fresh.onIdle(60 * S)).toBeUndefined();
    expect(fresh.onIdle(88 * S)).toBeUndefined();
    expect(fresh.onIdle(89 * S)).toBeCloseTo((1000 * 15) / 89, 9); // silence since connect
    expect(fresh.lastShareAtUs).toBe(89 * S); // stamped like LastTs

    const v = new Vardiff(opts, 1000);
    v.onShare(0);
    v.onShare(10 * S);
    v.onShare(20 * S);
    expect(v.onIdle(100 * S)).toBeUndefined(); // 80 s silent
    expect(v.onIdle(109 * S)).toBeCloseTo((1000 * 15) / ((10 + 10 + 89) / 3), 9);
    expect(v.bufferedIntervals).toBe(0);
    // the next interval counts from the idle tick
    v.onShare(110 * S);
    expect(v.bufferedIntervals).toBe(1);
  });

  it('rejects bad arguments with their names', () => {
    expect(() => new Vardiff({ minDifficulty: 0, maxDifficulty: 1 }, 1)).toThrow(/minDifficulty must be a finite number > 0, got 0/);
    expect(() => new Vardiff({ minDifficulty: 2, maxDifficulty: 1 }, 1)).toThrow(/maxDifficulty must be ≥ minDifficulty \(2\) or Infinity, got 1/);
    expect(() => new Vardiff({ ...opts, variancePct: 100 }, 1)).toThrow(/variancePct must be in \[0, 100\), got 100/);
    expect(() => new Vardiff({ ...opts, maxDeltaFactor: 1 }, 1)).toThrow(/maxDeltaFactor must be > 1 \(or unset\), got 1/);
    expect(() => new Vardiff(opts, -3)).toThrow(/startDifficulty must be a finite number > 0, got -3/);
    const v = new Vardiff(opts, 1);
    v.onShare(10);
    expect(() => v.onShare(9)).toThrow(/atUs must not go back in time \(last 10\), got 9/);
    expect(() => v.onShare(1.5 * S + 0.5)).toThrow(/atUs must be a whole number of µs ≥ 0/);
  });
});

/** A worker's exact shares driving its Vardiff until endUs; returns the difficulty path. */
function simulate(hashrateHs: number, options: VardiffOptions, startDifficulty: number, endUs: number, seed: number) {
  const v = new Vardiff(options, startDifficulty);
  const rng = createRoot(seed).stream('worker');
  const changes: { atUs: number; difficulty: number }[] = [{ atUs: 0, difficulty: startDifficulty }];
  // Memoryless arrivals: drawing the next share at the current difficulty after each share is exact.
  for (let atUs = nextShareDelayUs(hashrateHs, v.difficulty, rng); atUs < endUs; atUs += nextShareDelayUs(hashrateHs, v.difficulty, rng)) {
    const next = v.onShare(atUs);
    if (next !== undefined) changes.push({ atUs, difficulty: next });
  }
  return changes;
}

describe('Vardiff convergence (simulated exact shares)', () => {
  // expected seconds per share T·d/steady within T(1 ± v) ⟺ d within steady·(1 ± v)
  const band = (steady: number, d: number) => d >= steady * 0.7 && d <= steady * 1.3;

  it('from minDifficulty reaches the band around H·T/2^32 within 8 retargets (×4 per step) and respects the clamps', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e12, max: 1e15, noNaN: true }), fc.integer({ min: 1, max: 1_000_000 }), (hashrateHs, seed) => {
        const options = { minDifficulty: 512, maxDifficulty: 1e8, maxDeltaFactor: 4 };
        const steady = steadyDifficulty(hashrateHs, options);
        const changes = simulate(hashrateHs, options, 512, 3 * 3600 * S, seed);
        const first = changes.findIndex((c) => band(steady, c.difficulty));
        expect(first).toBeGreaterThan(0);
        expect(first).toBeLessThanOrEqual(8);
        for (const c of changes) {
          expect(c.difficulty).toBeGreaterThanOrEqual(512);
          expect(c.difficulty).toBeLessThanOrEqual(1e8);
        }
      }),
      { seed: 2301, numRuns: 25 },
    );
  });

  it('then stays near it: over 48 h the time-weighted geometric mean is within 5 % and most time is in the band', () => {
    const hashrateHs = 200e12;
    const options = { minDifficulty: 512, maxDifficulty: 1e12, maxDeltaFactor: 4 };
    const steady = steadyDifficulty(hashrateHs, options);
    expect(steady).toBeCloseTo(698_491.9, 0);
    const endUs = 48 * 3600 * S;
    const changes = simulate(hashrateHs, options, 512, endUs, 7);
    const from = changes.findIndex((c) => band(steady, c.difficulty));
    let logSum = 0;
    let inBandUs = 0;
    for (let i = from; i < changes.length; i++) {
      const untilUs = i + 1 < changes.length ? changes[i + 1].atUs : endUs;
      logSum += (untilUs - changes[i].atUs) * Math.log(changes[i].difficulty / steady);
      if (band(steady, changes[i].difficulty)) inBandUs += untilUs - changes[i].atUs;
    }
    const spanUs = endUs - changes[from].atUs;
    expect(Math.abs(Math.exp(logSum / spanUs) - 1)).toBeLessThan(0.05);
    expect(inBandUs / spanUs).toBeGreaterThan(0.5);
  });

  it('is reproducible: same seed, same difficulty path', () => {
    const options = { minDifficulty: 512, maxDifficulty: 1e12 };
    expect(simulate(5e13, options, 1024, 3600 * S, 11)).toEqual(simulate(5e13, options, 1024, 3600 * S, 11));
  });
});
