// The three share resolutions agree in expectation (DESIGN.md "Resolution is a choice"): exact
// Exp(λ) inter-arrivals, aggregate Poisson counts, and real SHA-256d at a tiny target (node:crypto
// reference hasher). Every bound is 4 standard errors on seeded streams, so never flaky.
import { beforeAll, describe, expect, it } from 'vitest';
import { createRoot } from '../../../src/engine/index.js';
import {
  aggregateShareSource, expectedShares, hashedShareSource, nextShareDelayUs, shareRatePerS, tinyTarget, type ShareHasher,
} from '../../../src/model/shares/index.js';
import { createNodeShareHasher } from './node-share-hasher.js';

const S21_HS = 200e12;

function moments(values: readonly number[]): { mean: number; variance: number } {
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / values.length;
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  return { mean, variance: ss / (values.length - 1) };
}

/** Bound on |sample variance − σ²| at 4 standard errors for a Poisson(μ) sample of n: Var(s²) ≈ (μ + 2μ²)/n. */
const poissonVarianceBound = (mu: number, n: number) => 4 * Math.sqrt((mu + 2 * mu * mu) / n);

describe('exact resolution: inter-arrival times', () => {
  it('are Exp(λ): mean = sd = 1/λ within 4 standard errors over 100k draws', () => {
    const rng = createRoot('shares-exact').stream('worker-1');
    const n = 100_000;
    const delays: number[] = [];
    for (let i = 0; i < n; i++) delays.push(nextShareDelayUs(S21_HS, 65_536, rng));
    const meanUs = 1e6 / shareRatePerS(S21_HS, 65_536); // ≈ 1.407 s
    const { mean, variance } = moments(delays);
    expect(Math.abs(mean - meanUs)).toBeLessThan((4 * meanUs) / Math.sqrt(n));
    // for an exponential, sd(sample sd) ≈ σ·√(2/n)
    expect(Math.abs(Math.sqrt(variance) - meanUs)).toBeLessThan(4 * meanUs * Math.sqrt(2 / n));
    expect(delays.every((d) => Number.isSafeInteger(d) && d >= 1)).toBe(true);
  });

  it('never returns 0 µs, and refuses a worker with no hashrate', () => {
    const rng = createRoot('shares-exact').stream('fast');
    for (let i = 0; i < 1000; i++) expect(nextShareDelayUs(1e18, 1e-3, rng)).toBeGreaterThanOrEqual(1);
    expect(() => nextShareDelayUs(0, 1, rng)).toThrow(/hashrateHs must be a finite number > 0, got 0/);
  });
});

describe('aggregate resolution: Poisson counts', () => {
  it('mean and variance are λΔt within 4 standard errors', () => {
    const rng = createRoot('shares-aggregate').stream('worker-1');
    const intervalUs = 60_000_000;
    const mu = expectedShares(S21_HS, 65_536, intervalUs); // ≈ 42.6
    const n = 20_000;
    const counts: number[] = [];
    for (let i = 0; i < n; i++) counts.push(aggregateShareSource.sharesIn('w1', S21_HS, 65_536, intervalUs, rng));
    const { mean, variance } = moments(counts);
    expect(Math.abs(mean - mu)).toBeLessThan(4 * Math.sqrt(mu / n));
    expect(Math.abs(variance - mu)).toBeLessThan(poissonVarianceBound(mu, n));
    expect(aggregateShareSource.sharesIn('w1', 0, 65_536, intervalUs, rng)).toBe(0);
    expect(() => aggregateShareSource.sharesIn('', 1, 1, 1, rng)).toThrow(/workerKey must be a non-empty string, got ""/);
  });
});

describe('hashed resolution: real SHA-256d at a tiny target', () => {
  // 3 shares expected per interval at d = 1: H·Δt/2^32 = 3 with Δt = 60 s.
  const intervalUs = 60_000_000;
  const hashrateHs = (3 * 2 ** 32) / 60;
  const n = 2_000;
  const exactCounts: number[] = [];
  const aggregateCounts: number[] = [];
  const hashedCounts: number[] = [];
  let hashesDone = 0;

  beforeAll(() => {
    const root = createRoot('shares-agree');
    const hashed = hashedShareSource(createNodeShareHasher(), { tinyTargetBits: 6 });
    const hashedRng = root.stream('hashed/w1');
    const aggregateRng = root.stream('aggregate/w1');
    for (let i = 0; i < n; i++) {
      hashedCounts.push(hashed.sharesIn('w1', hashrateHs, 1, intervalUs, hashedRng));
      aggregateCounts.push(aggregateShareSource.sharesIn('w1', hashrateHs, 1, intervalUs, aggregateRng));
    }
    hashesDone = hashed.hashesDone;
    // Exact: one stream of share events, counted per interval.
    const exactRng = root.stream('exact/w1');
    let atUs = nextShareDelayUs(hashrateHs, 1, exactRng);
    for (let i = 0; i < n; i++) {
      let count = 0;
      while (atUs < (i + 1) * intervalUs) {
        count++;
        atUs += nextShareDelayUs(hashrateHs, 1, exactRng);
      }
      exactCounts.push(count);
    }
  });

  it('scans mean/q nonces per interval and finds λΔt shares on average', () => {
    const mu = expectedShares(hashrateHs, 1, intervalUs);
    expect(mu).toBeCloseTo(3, 12);
    expect(hashesDone).toBe(n * 3 * 64);
    const { mean, variance } = moments(hashedCounts);
    const q = 1 / 64;
    // Binomial(192, 1/64): mean 3, variance 3·(1 − q)
    expect(Math.abs(mean - mu)).toBeLessThan(4 * Math.sqrt((mu * (1 - q)) / n));
    expect(Math.abs(variance - mu * (1 - q))).toBeLessThan(poissonVarianceBound(mu, n));
  });

  it('exact, aggregate and hashed agree pairwise within 4 standard errors', () => {
    const all = { exact: moments(exactCounts), aggregate: moments(aggregateCounts), hashed: moments(hashedCounts) };
    const names = Object.keys(all) as (keyof typeof all)[];
    for (const a of names) {
      for (const b of names) {
        if (a >= b) continue;
        const se = Math.sqrt((all[a].variance + all[b].variance) / n);
        expect(Math.abs(all[a].mean - all[b].mean), `${a} vs ${b}`).toBeLessThan(4 * se);
      }
    }
  });
});

describe('hashed resolution: bookkeeping', () => {
  it('builds the tiny target 2^(256−bits) − 1 big-endian', () => {
    expect(Array.from(tinyTarget(6).subarray(0, 3))).toEqual([0x03, 0xff, 0xff]);
    expect(Array.from(tinyTarget(8).subarray(0, 2))).toEqual([0x00, 0xff]);
    expect(Array.from(tinyTarget(12).subarray(0, 3))).toEqual([0x00, 0x0f, 0xff]);
    expect(tinyTarget(32).subarray(0, 5)).toEqual(new Uint8Array([0, 0, 0, 0, 0xff]));
    expect(tinyTarget(1)[31]).toBe(0xff);
    expect(() => tinyTarget(0)).toThrow(/tinyTargetBits must be an integer from 1 to 32, got 0/);
  });

  type Call = { header: Uint8Array; start: number; count: number };
  const recordingHasher = (calls: Call[]): ShareHasher => ({
    countMeeting(header, _target, startNonce, nonceCount) {
      calls.push({ header: header.slice(), start: startNonce, count: nonceCount });
      return 0;
    },
  });

  it('rolls the extranonce when the nonce cursor reaches 2^32, and restarts at 0', () => {
    const calls: Call[] = [];
    const source = hashedShareSource(recordingHasher(calls), { tinyTargetBits: 1 });
    const rng = createRoot('shares-roll').stream('w');
    // d = 1, Δt = 1 s: mean = H / 2^32, nonces = 2·mean at bits = 1.
    source.sharesIn('w', ((2 ** 32 - 10) / 2) * 2 ** 32, 1, 1_000_000, rng);
    source.sharesIn('w', 12.5 * 2 ** 32, 1, 1_000_000, rng);
    expect(calls.map(({ start, count }) => [start, count])).toEqual([[0, 2 ** 32 - 10], [2 ** 32 - 10, 10], [0, 15]]);
    expect(calls[1].header).toEqual(calls[0].header);
    const rolled = calls[2].header;
    const before = new DataView(calls[0].header.buffer);
    const after = new DataView(rolled.buffer);
    expect(after.getUint32(36, true)).toBe((before.getUint32(36, true) + 1) >>> 0);
    for (let i = 0; i < 80; i++) if (i < 36 || i >= 40) expect(rolled[i], `byte ${i}`).toBe(calls[0].header[i]);
    expect(source.hashesDone).toBe(2 ** 32 + 15);
  });

  it('carries fractions of a nonce, so tiny means are not rounded away', () => {
    const calls: Call[] = [];
    const source = hashedShareSource(recordingHasher(calls), { tinyTargetBits: 6 });
    const rng = createRoot('shares-carry').stream('w');
    // 0.01 shares per call → 0.64 nonces per call
    for (let i = 0; i < 100; i++) source.sharesIn('w', 0.01 * 2 ** 32, 1, 1_000_000, rng);
    expect(source.hashesDone).toBeGreaterThanOrEqual(63);
    expect(source.hashesDone).toBeLessThanOrEqual(64);
  });

  it('gives each worker its own header, the same one for the same seed', () => {
    const headersOf = (seed: string) => {
      const calls: Call[] = [];
      const source = hashedShareSource(recordingHasher(calls));
      const rng = createRoot(seed).stream('pool'); // one stream for both: the key still separates them
      source.sharesIn('a', 2 ** 32, 1, 1_000_000, rng);
      source.sharesIn('b', 2 ** 32, 1, 1_000_000, rng);
      source.sharesIn('a', 2 ** 32, 1, 1_000_000, rng);
      return calls;
    };
    const calls = headersOf('seed-1');
    expect(calls[0].header).not.toEqual(calls[1].header);
    expect(calls[2].header).toEqual(calls[0].header);
    expect(calls[2].start).toBe(64); // a's cursor moved on
    expect(headersOf('seed-1')).toEqual(calls);
    expect(headersOf('seed-2')[0].header).not.toEqual(calls[0].header);
  });

  it('rejects a hasher that answers out of range', () => {
    const source = hashedShareSource({ countMeeting: (_h, _t, _s, count) => count + 1 });
    const rng = createRoot('bad').stream('w');
    expect(() => source.sharesIn('w', 2 ** 32, 1, 1_000_000, rng)).toThrow(/countMeeting must return a whole number from 0 to 64, got 65/);
  });
});
