// Random streams: known answers, stream independence, validation, and distribution checks with
// stated bounds (fixed seeds, so a pass or a failure is reproducible, never flaky).
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { createRoot, type RandomStream } from '../../src/engine/index.js';

const N = 100_000;

function draw(n: number, sample: () => number): { mean: number; variance: number } {
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const x = sample();
    sum += x;
    sumSq += x * x;
  }
  const mean = sum / n;
  return { mean, variance: (sumSq - n * mean * mean) / (n - 1) };
}

/** |observed - expected| must be within 4 standard errors (two-sided p ≈ 6e-5 per check). */
function expectWithin4SE(observed: number, expected: number, standardError: number): void {
  expect(Math.abs(observed - expected)).toBeLessThanOrEqual(4 * standardError);
}

/** Chi-square critical value at upper-tail p ≈ 0.001 (z = 3.09), Wilson–Hilferty approximation. */
function chiSquareCritical(df: number): number {
  const h = 2 / (9 * df);
  return df * (1 - h + 3.09 * Math.sqrt(h)) ** 3;
}

/** Chi-square statistic of counts against expected probabilities, pooling bins expecting < 5. */
function chiSquare(counts: Map<number, number>, pmf: (k: number) => number, kMin: number, kMax: number, n: number) {
  let stat = 0;
  let bins = 0;
  let pooledObserved = 0;
  let pooledExpected = 0;
  let seen = 0;
  for (let k = kMin; k <= kMax; k++) {
    pooledObserved += counts.get(k) ?? 0;
    pooledExpected += n * pmf(k);
    if (pooledExpected >= 5) {
      stat += (pooledObserved - pooledExpected) ** 2 / pooledExpected;
      seen += pooledObserved;
      bins++;
      pooledObserved = 0;
      pooledExpected = 0;
    }
  }
  // Everything outside [kMin, kMax] or left in the last partial bin forms one tail bin.
  const tailObserved = n - seen;
  const tailExpected = Math.max(n - sumExpected(pmf, kMin, kMax, n) + pooledExpected, 1e-9);
  stat += (tailObserved - tailExpected) ** 2 / tailExpected;
  bins++;
  return { stat, df: bins - 1 };
}

function sumExpected(pmf: (k: number) => number, kMin: number, kMax: number, n: number): number {
  let total = 0;
  for (let k = kMin; k <= kMax; k++) total += n * pmf(k);
  return total;
}

function poissonPmf(mean: number): (k: number) => number {
  const logFactorials = [0];
  return (k) => {
    for (let i = logFactorials.length; i <= k; i++) logFactorials.push(logFactorials[i - 1] + Math.log(i));
    return Math.exp(-mean + k * Math.log(mean) - logFactorials[k]);
  };
}

describe('random streams: derivation and reproducibility', () => {
  it('known answers: the first draws of fixed streams (catches any change to the derivation)', () => {
    const s = createRoot('hashtwin-kat').stream('site-1/rig-7');
    expect([s.uniform(), s.uniform(), s.uniform(), s.uniform()]).toEqual([
      0.9028772716410458, 0.42358905845321715, 0.05323692224919796, 0.31390346051193774,
    ]);
    const t = createRoot(42).stream('rig-1');
    expect({
      int: t.uniformInt(0, 1000),
      exp: t.exponential(2),
      poisSmall: t.poisson(3.5),
      poisLarge: t.poisson(5000),
      normal: t.normal(10, 2),
      weib: t.weibull(1.5, 100),
      pick: t.pick(['a', 'b', 'c', 'd']),
    }).toEqual({
      int: 851,
      exp: 1.0112522301712192,
      poisSmall: 5,
      poisLarge: 4950,
      normal: 9.884800390018924,
      weib: 162.31841249550297,
      pick: 'b',
    });
    const c = createRoot(42).stream('rig-1').child('fan');
    expect([c.uniform(), c.uniform()]).toEqual([0.12270470894873142, 0.14043954177759588]);
  });

  it('a stream is Alea seeded with "<seed>/<id path>", and ids behave as paths', () => {
    const reference = seedrandom.alea('7/site/rig');
    const viaChild = createRoot(7).stream('site').child('rig');
    const viaPath = createRoot('7').stream('site/rig');
    for (let i = 0; i < 100; i++) {
      const expected = reference();
      expect(viaChild.uniform()).toBe(expected);
      expect(viaPath.uniform()).toBe(expected);
    }
    expect(viaChild.id).toBe('site/rig');
  });

  it('different ids and different roots give different sequences', () => {
    const root = createRoot('s');
    const first = (s: RandomStream) => [s.uniform(), s.uniform(), s.uniform()];
    expect(first(root.stream('a'))).not.toEqual(first(root.stream('b')));
    expect(first(root.stream('a'))).not.toEqual(first(createRoot('t').stream('a')));
    expect(first(root.stream('a'))).toEqual(first(root.stream('a')));
  });

  it('validates parameters, naming the argument and value', () => {
    const s = createRoot(1).stream('v');
    expect(() => createRoot(Number.NaN)).toThrow(/seed must be a finite number/);
    expect(() => createRoot(1).stream('')).toThrow('id must be a non-empty string, got ""');
    expect(() => s.child('')).toThrow(/subId must be a non-empty string/);
    expect(() => s.uniformInt(5, 5)).toThrow('maxExcl must be a safe integer > minIncl (5), got 5');
    expect(() => s.uniformInt(0.5, 5)).toThrow(/minIncl/);
    expect(() => s.uniformInt(0, 2 ** 33)).toThrow(/≤ 2\^32/);
    expect(() => s.bernoulli(1.5)).toThrow('p must be in [0, 1], got 1.5');
    expect(() => s.exponential(0)).toThrow('rate must be > 0 and finite, got 0');
    expect(() => s.poisson(-1)).toThrow(/mean must be in \[0, .*\], got -1/);
    expect(() => s.poisson(Number.NaN)).toThrow(/got NaN/);
    expect(() => s.normal(0, -1)).toThrow('sigma must be ≥ 0 and finite, got -1');
    expect(() => s.lognormal(Infinity, 1)).toThrow(/mu must be finite/);
    expect(() => s.weibull(0, 1)).toThrow('shape must be > 0 and finite, got 0');
    expect(() => s.weibull(1, -2)).toThrow('scale must be > 0 and finite, got -2');
    expect(() => s.pick([])).toThrow(/items must be a non-empty array/);
  });

  it('edge cases: poisson(0) = 0, bernoulli(0/1), uniformInt over the full 2^32 range', () => {
    const s = createRoot(3).stream('edges');
    for (let i = 0; i < 100; i++) {
      expect(s.poisson(0)).toBe(0);
      expect(s.bernoulli(0)).toBe(false);
      expect(s.bernoulli(1)).toBe(true);
      const x = s.uniformInt(-(2 ** 31), 2 ** 31);
      expect(Number.isInteger(x) && x >= -(2 ** 31) && x < 2 ** 31).toBe(true);
      const u = s.uniform();
      expect(u >= 0 && u < 1).toBe(true);
    }
  });
});

describe('random streams: distributions (100k draws, bounds = 4 standard errors unless stated)', () => {
  it('uniformInt is unbiased over a non-power-of-two range (chi-square, p = 0.001 critical)', () => {
    const s = createRoot(42).stream('dice');
    const counts = new Map<number, number>();
    for (let i = 0; i < N; i++) {
      const k = s.uniformInt(1, 7);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    const { stat, df } = chiSquare(counts, (k) => (k >= 1 && k <= 6 ? 1 / 6 : 0), 1, 6, N);
    expect(stat).toBeLessThan(chiSquareCritical(df));
  });

  it('bernoulli(0.3) frequency', () => {
    const s = createRoot(42).stream('coin');
    const { mean } = draw(N, () => (s.bernoulli(0.3) ? 1 : 0));
    expectWithin4SE(mean, 0.3, Math.sqrt((0.3 * 0.7) / N));
  });

  it.each([0.5, 2, 1 / 3600])('exponential(rate=%f): mean = sd = 1/rate', (rate) => {
    const s = createRoot(42).stream(`exp-${rate}`);
    const { mean, variance } = draw(N, () => s.exponential(rate));
    // SE(mean) = (1/rate)/√n; SE(sd) ≈ sd·√((κ−1)/(4n)) with kurtosis κ = 9 → sd·√(2/n).
    expectWithin4SE(mean, 1 / rate, 1 / rate / Math.sqrt(N));
    expectWithin4SE(Math.sqrt(variance), 1 / rate, (1 / rate) * Math.sqrt(2 / N));
  });

  it.each([0.5, 5, 9.99, 10, 50, 5000])('poisson(mean=%f): mean and variance (inversion < 10 ≤ PTRS)', (lambda) => {
    const s = createRoot(42).stream(`poisson-${lambda}`);
    const { mean, variance } = draw(N, () => s.poisson(lambda));
    // SE(mean) = √(λ/n); SE(s²) = √((μ4 − σ⁴)/n) with μ4 = λ(1 + 3λ) → √((λ + 2λ²)/n).
    expectWithin4SE(mean, lambda, Math.sqrt(lambda / N));
    expectWithin4SE(variance, lambda, Math.sqrt((lambda + 2 * lambda * lambda) / N));
  });

  it('poisson(0.5): P(0) = e^-0.5', () => {
    const s = createRoot(42).stream('poisson-p0');
    const { mean } = draw(N, () => (s.poisson(0.5) === 0 ? 1 : 0));
    const p0 = Math.exp(-0.5);
    expectWithin4SE(mean, p0, Math.sqrt((p0 * (1 - p0)) / N));
  });

  it.each([3, 15, 50, 5000])('poisson(mean=%f) matches the exact pmf (chi-square, p = 0.001 critical)', (lambda) => {
    const s = createRoot(7).stream(`poisson-shape-${lambda}`);
    const counts = new Map<number, number>();
    let invalid = 0;
    for (let i = 0; i < N; i++) {
      const k = s.poisson(lambda);
      if (!Number.isInteger(k) || k < 0) invalid++;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    expect(invalid).toBe(0);
    const sd = Math.sqrt(lambda);
    const kMin = Math.max(0, Math.floor(lambda - 6 * sd));
    const kMax = Math.ceil(lambda + 6 * sd + 6);
    const { stat, df } = chiSquare(counts, poissonPmf(lambda), kMin, kMax, N);
    expect(stat).toBeLessThan(chiSquareCritical(df));
  });

  it('normal(mu, sigma): mean and sd', () => {
    const s = createRoot(42).stream('normal');
    const { mean, variance } = draw(N, () => s.normal(-3, 2.5));
    expectWithin4SE(mean, -3, 2.5 / Math.sqrt(N));
    // SE(sd) ≈ sd/√(2n) for a normal.
    expectWithin4SE(Math.sqrt(variance), 2.5, 2.5 / Math.sqrt(2 * N));
  });

  it('lognormal(mu, sigma): mean = exp(mu + sigma²/2)', () => {
    const s = createRoot(42).stream('lognormal');
    const mu = 1;
    const sigma = 0.5;
    const { mean } = draw(N, () => s.lognormal(mu, sigma));
    const expected = Math.exp(mu + (sigma * sigma) / 2);
    const sd = Math.sqrt((Math.exp(sigma * sigma) - 1) * Math.exp(2 * mu + sigma * sigma));
    expectWithin4SE(mean, expected, sd / Math.sqrt(N));
  });

  // Closed forms via Γ at easy points: k=1 → exponential; k=2 → Γ(1.5) = √π/2; k=0.5 → Γ(3) = 2, Γ(5) = 24.
  it.each([
    { shape: 1, scale: 3, mean: 3, variance: 9 },
    { shape: 2, scale: 10, mean: (10 * Math.sqrt(Math.PI)) / 2, variance: 100 * (1 - Math.PI / 4) },
    { shape: 0.5, scale: 1, mean: 2, variance: 20 },
  ])('weibull(shape=$shape, scale=$scale): mean = scale·Γ(1 + 1/shape)', ({ shape, scale, mean: expected, variance }) => {
    const s = createRoot(42).stream(`weibull-${shape}`);
    const { mean } = draw(N, () => s.weibull(shape, scale));
    expectWithin4SE(mean, expected, Math.sqrt(variance / N));
  });

  it('pick chooses each element about equally often', () => {
    const s = createRoot(42).stream('pick');
    const items = ['a', 'b', 'c'] as const;
    const counts = new Map<number, number>();
    for (let i = 0; i < N; i++) {
      const k = items.indexOf(s.pick(items));
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    for (let k = 0; k < 3; k++) expectWithin4SE(counts.get(k)! / N, 1 / 3, Math.sqrt((1 / 3) * (2 / 3) / N));
  });
});
