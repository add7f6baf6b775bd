// Health judged only from accepted shares: false alarms of a healthy worker at the rate the closed
// form predicts, a worker at 50 % caught within about one window, a silent one dead after deadAfter.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRoot, type RandomStream } from '../../../src/engine/index.js';
import {
  HealthTracker, TWO_32, degradedProbability, falseAlarmProbability, falseAlarmProbabilityPoisson, judgeHealth, nextShareDelayUs,
  normalCdf, type HealthTransition, type WorkerHealth,
} from '../../../src/model/shares/index.js';

const S = 1_000_000;
const W = 600 * S;
const BIN = 10 * S;
const H = 200e12;
const D = (H * 15) / TWO_32; // one share per 15 s → N = 40 in a 10-min window

describe('false-alarm closed forms', () => {
  it('Φ(−0.2·√N) for 80 %, and the exact Poisson sum (mpmath 1.3.0, 30 digits)', () => {
    expect(falseAlarmProbability(40, 0.8)).toBeCloseTo(0.10295160536603414, 14);
    expect(falseAlarmProbability(40, 0.8)).toBeCloseTo(normalCdf(-0.2 * Math.sqrt(40)), 15);
    expect(falseAlarmProbabilityPoisson(40, 0.8) / 0.085520567255352312 - 1).toBeCloseTo(0, 12);
    expect(falseAlarmProbabilityPoisson(10, 0.8) / 0.22022064660169894 - 1).toBeCloseTo(0, 12);
    expect(falseAlarmProbabilityPoisson(1000, 0.8) / 2.5715735585409707e-11 - 1).toBeCloseTo(0, 9);
    expect(falseAlarmProbabilityPoisson(2.5, 0.8) / 0.28729749518364578 - 1).toBeCloseTo(0, 12);
    expect(degradedProbability(40, 0.8, 0.5)).toBeGreaterThan(0.99);
    expect(() => falseAlarmProbability(0, 0.8)).toThrow(/expectedSharesInWindow must be a finite number > 0, got 0/);
    expect(() => falseAlarmProbability(40, 1.2)).toThrow(/degradedBelowFraction must be in \(0, 1\], got 1.2/);
  });

  it('more shares in the window never raise the false-alarm rate', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 1e5, noNaN: true }), fc.double({ min: 0.1, max: 1e5, noNaN: true }), fc.double({ min: 0.05, max: 0.99, noNaN: true }),
        (a, b, f) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(falseAlarmProbability(hi, f)).toBeLessThanOrEqual(falseAlarmProbability(lo, f));
        }),
      { seed: 2601, numRuns: 300 },
    );
  });
});

describe('judgeHealth', () => {
  const base = { expectedHashrateHs: 100, degradedBelowPct: 80, deadAfterUs: 300 * S, sinceLastShareUs: 0 };
  it('dead beats degraded beats alive', () => {
    expect(judgeHealth({ ...base, estimateHs: 80 })).toBe('alive');
    expect(judgeHealth({ ...base, estimateHs: 79.9 })).toBe('degraded');
    expect(judgeHealth({ ...base, estimateHs: 79.9, judgeDegraded: false })).toBe('alive');
    expect(judgeHealth({ ...base, estimateHs: 500, sinceLastShareUs: 300 * S })).toBe('dead');
    expect(judgeHealth({ ...base, estimateHs: 500, sinceLastShareUs: 300 * S - 1 })).toBe('alive');
    expect(() => judgeHealth({ ...base, estimateHs: 1, degradedBelowPct: 0 })).toThrow(/degradedBelowPct must be in \(0, 100\], got 0/);
  });
});

/** Feeds a tracker exact shares of a worker whose hashrate follows hashrateAt, evaluating every stepUs. */
function run(tracker: HealthTracker, rng: RandomStream, hashrateAt: (atUs: number) => number, endUs: number, stepUs: number) {
  const statuses: { atUs: number; status: WorkerHealth }[] = [];
  const transitions: HealthTransition[] = [];
  const sharesAtUs: number[] = [];
  let atUs = 0;
  let nowUs = stepUs;
  // Between evaluations the hashrate is constant, so a fresh Exp draw from each tick is exact.
  while (nowUs <= endUs) {
    const hashrateHs = hashrateAt(atUs);
    const next = hashrateHs > 0 ? atUs + nextShareDelayUs(hashrateHs, D, rng) : Infinity;
    if (next < nowUs) {
      tracker.onShare(next, D);
      sharesAtUs.push(next);
      atUs = next;
      continue;
    }
    const transition = tracker.evaluate(nowUs);
    if (transition) transitions.push(transition);
    statuses.push({ atUs: nowUs, status: tracker.status });
    atUs = nowUs; // memoryless: restart the draw at the tick, at the hashrate now in force
    nowUs += stepUs;
  }
  return { statuses, transitions, sharesAtUs };
}

describe('HealthTracker', () => {
  it('a healthy worker is alive most of the time; its false alarms match the closed forms', () => {
    const tracker = new HealthTracker({ expectedHashrateHs: H });
    const windows = 3_000;
    // one evaluation per window, bin-aligned: independent verdicts on N ~ Poisson(40)
    const { statuses } = run(tracker, createRoot('health-false-alarm').stream('w'), () => H, windows * W, W);
    const judged = statuses.slice(1); // the first window is warm-up
    const degraded = judged.filter((s) => s.status === 'degraded').length / judged.length;
    expect(judged.filter((s) => s.status === 'alive').length / judged.length).toBeGreaterThan(0.85);
    expect(judged.some((s) => s.status === 'dead')).toBe(false);
    const exact = falseAlarmProbabilityPoisson(40, 0.8); // 8.55 %
    expect(Math.abs(degraded - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / judged.length));
    // the normal form overstates it a little (no continuity correction): 10.3 % vs 8.55 %
    expect(Math.abs(falseAlarmProbability(40, 0.8) - exact)).toBeLessThan(0.02);
  });

  it('a worker dropping to 50 % is judged degraded within about one window', () => {
    const dropUs = 2 * W;
    const delays: number[] = [];
    for (let trial = 0; trial < 200; trial++) {
      const tracker = new HealthTracker({ expectedHashrateHs: H });
      const rng = createRoot('health-degraded').stream(`trial-${trial}`);
      const { statuses, transitions } = run(tracker, rng, (atUs) => (atUs < dropUs ? H : H / 2), dropUs + 2 * W, BIN);
      const caught = statuses.find((s) => s.atUs > dropUs && s.status === 'degraded');
      expect(caught, `trial ${trial}`).toBeDefined();
      delays.push(caught!.atUs - dropUs);
      expect(transitions.some((t) => t.event === 'WorkerDegraded' && t.to === 'degraded')).toBe(true);
    }
    delays.sort((a, b) => a - b);
    expect(delays[Math.floor(delays.length * 0.95)]).toBeLessThanOrEqual(W + BIN);
    expect(delays[delays.length / 2]).toBeLessThan(W); // half the window at 50 % is usually enough
  });

  it('a worker that stops is dead deadAfter its last share, and recovers when shares resume', () => {
    const stopUs = 3 * W;
    const resumeUs = 5 * W;
    const tracker = new HealthTracker({ expectedHashrateHs: H, deadAfterUs: 300 * S });
    const { transitions, sharesAtUs } = run(tracker, createRoot('health-dead').stream('w'), (atUs) => (atUs < stopUs || atUs >= resumeUs ? H : 0), 8 * W, BIN);
    const lastBeforeStopUs = Math.max(...sharesAtUs.filter((t) => t < stopUs));
    const died = transitions.find((t) => t.to === 'dead')!;
    expect(died.event).toBe('WorkerDied');
    // the first evaluation tick at or after the last share + deadAfter
    expect(died.atUs).toBe(Math.ceil((lastBeforeStopUs + 300 * S) / BIN) * BIN);
    expect(transitions.filter((t) => t.atUs < stopUs).every((t) => t.to !== 'dead')).toBe(true);
    const recovered = transitions.find((t) => t.atUs > died.atUs && t.to === 'alive')!;
    expect(recovered.event).toBe('WorkerRecovered');
    expect(recovered.atUs).toBeGreaterThan(resumeUs);
    expect(recovered.atUs - resumeUs).toBeLessThanOrEqual(W + BIN); // the window refills
    expect(tracker.estimator.lastShareAtUs).toBeGreaterThan(resumeUs);
    expect(tracker.status).toBe('alive');
  });

  it('dies exactly at the first evaluation deadAfter past the last share', () => {
    const tracker = new HealthTracker({ expectedHashrateHs: H, deadAfterUs: 300 * S });
    tracker.onShare(1 * S, D);
    expect(tracker.evaluate(300 * S)).toBeUndefined(); // warm-up: rate not judged, silence 299 s
    const died = tracker.evaluate(301 * S);
    expect(died).toEqual({ from: 'alive', to: 'dead', atUs: 301 * S, event: 'WorkerDied', estimateHs: died!.estimateHs, expectedHashrateHs: H });
    // a worker that never sent a share is dead deadAfter its start
    const silent = new HealthTracker({ expectedHashrateHs: H, startedAtUs: 50 * S });
    expect(silent.evaluate(349 * S)).toBeUndefined();
    expect(silent.evaluate(350 * S)?.to).toBe('dead');
  });

  it('aggregate batches with their span give the same verdicts as a share stream would', () => {
    const tracker = new HealthTracker({ expectedHashrateHs: H });
    const rng = createRoot('health-aggregate').stream('w');
    let degraded = 0;
    const slots = 3_000;
    for (let k = 1; k <= slots; k++) {
      // one Poisson count per minute, spread over that minute
      const count = rng.poisson(4);
      tracker.onShares(k * 60 * S, count, count * D, 60 * S);
      if (k % 10 !== 0 || k === 10) continue; // a verdict per full window, after the warm-up one
      tracker.evaluate(k * 60 * S);
      if (tracker.status === 'degraded') degraded++;
    }
    const judged = slots / 10 - 1;
    const exact = falseAlarmProbabilityPoisson(40, 0.8);
    expect(Math.abs(degraded / judged - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / judged));
  });

  it('rejects bad options with their names', () => {
    expect(() => new HealthTracker({ expectedHashrateHs: 0 })).toThrow(/expectedHashrateHs must be a finite number > 0, got 0/);
    expect(() => new HealthTracker({ expectedHashrateHs: 1, deadAfterUs: 0 })).toThrow(/deadAfterUs must be > 0, got 0/);
    expect(() => new HealthTracker({ expectedHashrateHs: 1, degradedBelowPct: 120 })).toThrow(/degradedBelowPct must be in \(0, 100\], got 120/);
  });
});
