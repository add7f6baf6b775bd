// Seeded, reproducible random streams: one independent stream per (root seed, stable entity id),
// so adding an entity never shifts another's draws. Same draws in node and browsers.
//
// Portability: only + - * / and Math.log/exp/sqrt/floor are used (no sin/cos/pow), and the
// generator is seedrandom's Alea, whose output is exactly reproducible across JS engines.

import seedrandom from 'seedrandom';

export interface RandomStream {
  /** Path of this stream below the root seed, e.g. "site-1/rig-7". */
  readonly id: string;
  /** Uniform in [0, 1) with 2^-32 resolution. */
  uniform(): number;
  /** Uniform integer in [minIncl, maxExcl); unbiased; the range may be at most 2^32. */
  uniformInt(minIncl: number, maxExcl: number): number;
  /** True with probability p. */
  bernoulli(p: number): boolean;
  /** Exponential with the given rate (mean 1/rate), by inverse CDF. */
  exponential(rate: number): number;
  /** Poisson count with the given mean (inversion below 10, Hörmann's PTRS at 10 and above). */
  poisson(mean: number): number;
  /** Normal(mu, sigma) by the polar Marsaglia method; the spare variate is kept in the stream. */
  normal(mu: number, sigma: number): number;
  /** exp(Normal(mu, sigma)): mu and sigma are of the underlying normal. */
  lognormal(mu: number, sigma: number): number;
  /** Weibull with shape k > 0 and scale λ > 0, by inverse CDF. */
  weibull(shape: number, scale: number): number;
  /** A uniformly chosen element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** An independent stream for a sub-entity, derived from this stream's id (not its state). */
  child(subId: string): RandomStream;
}

export interface RandomRoot {
  readonly seed: string;
  /** The stream of an entity with a stable id; the same id always yields the same sequence. */
  stream(id: string): RandomStream;
}

/**
 * A root of random streams. The stream for id is Alea seeded with `${seed}/${id}`, and
 * child(sub) appends `/${sub}`, so ids behave as paths: stream('a/b') ≡ stream('a').child('b').
 */
export function createRoot(seed: string | number): RandomRoot {
  if (typeof seed === 'number') {
    if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number or a string, got ${seed}`);
  } else if (typeof seed !== 'string') {
    throw new TypeError(`seed must be a string or a number, got ${typeof seed}`);
  }
  const seedText = String(seed);
  return {
    seed: seedText,
    stream: (id: string) => new AleaStream(seedText, checkId('id', id)),
  };
}

const TWO_POW_32 = 4294967296;
// Below this mean, inversion costs < ~10 steps; PTRS is valid from 10 up (Hörmann 1993).
const POISSON_PTRS_MIN_MEAN = 10;
const POISSON_MAX_MEAN = 2 ** 40;

class AleaStream implements RandomStream {
  private readonly next: () => number;
  // Marsaglia's method makes normals in pairs; the spare is stream state, so still reproducible.
  private spareNormal = NaN;

  constructor(
    private readonly seed: string,
    readonly id: string,
  ) {
    this.next = seedrandom.alea(`${seed}/${id}`);
  }

  uniform(): number {
    return this.next();
  }

  uniformInt(minIncl: number, maxExcl: number): number {
    if (!Number.isSafeInteger(minIncl)) throw new RangeError(`minIncl must be a safe integer, got ${minIncl}`);
    if (!Number.isSafeInteger(maxExcl) || maxExcl <= minIncl) {
      throw new RangeError(`maxExcl must be a safe integer > minIncl (${minIncl}), got ${maxExcl}`);
    }
    const range = maxExcl - minIncl;
    if (range > TWO_POW_32) throw new RangeError(`maxExcl - minIncl must be ≤ 2^32, got ${range}`);
    // Rejection keeps every value exactly equally likely: Alea yields k/2^32, so r is an exact integer.
    const limit = TWO_POW_32 - (TWO_POW_32 % range);
    let r: number;
    do r = this.next() * TWO_POW_32;
    while (r >= limit);
    return minIncl + (r % range);
  }

  bernoulli(p: number): boolean {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1], got ${p}`);
    return this.next() < p;
  }

  exponential(rate: number): number {
    if (!(rate > 0 && rate < Infinity)) throw new RangeError(`rate must be > 0 and finite, got ${rate}`);
    // 1 - u is in (0, 1], so the log is finite.
    return -Math.log(1 - this.next()) / rate;
  }

  poisson(mean: number): number {
    if (!(mean >= 0 && mean <= POISSON_MAX_MEAN)) {
      throw new RangeError(`mean must be in [0, ${POISSON_MAX_MEAN}], got ${mean}`);
    }
    if (mean === 0) return 0;
    return mean < POISSON_PTRS_MIN_MEAN ? this.poissonInversion(mean) : this.poissonPtrs(mean);
  }

  normal(mu: number, sigma: number): number {
    if (!Number.isFinite(mu)) throw new RangeError(`mu must be finite, got ${mu}`);
    if (!(sigma >= 0 && sigma < Infinity)) throw new RangeError(`sigma must be ≥ 0 and finite, got ${sigma}`);
    return mu + sigma * this.standardNormal();
  }

  lognormal(mu: number, sigma: number): number {
    return Math.exp(this.normal(mu, sigma));
  }

  weibull(shape: number, scale: number): number {
    if (!(shape > 0 && shape < Infinity)) throw new RangeError(`shape must be > 0 and finite, got ${shape}`);
    if (!(scale > 0 && scale < Infinity)) throw new RangeError(`scale must be > 0 and finite, got ${scale}`);
    // x = λ (-ln(1-u))^(1/k), with the power written as exp(log(.)/k) to avoid Math.pow.
    const e = -Math.log(1 - this.next());
    return e === 0 ? 0 : scale * Math.exp(Math.log(e) / shape);
  }

  pick<T>(items: readonly T[]): T {
    if (!Array.isArray(items) || items.length === 0) {
      throw new RangeError(`items must be a non-empty array, got ${Array.isArray(items) ? 'an empty array' : typeof items}`);
    }
    return items[this.uniformInt(0, items.length)];
  }

  child(subId: string): RandomStream {
    return new AleaStream(this.seed, `${this.id}/${checkId('subId', subId)}`);
  }

  private standardNormal(): number {
    if (this.spareNormal === this.spareNormal) {
      const spare = this.spareNormal;
      this.spareNormal = NaN;
      return spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * factor;
    return u * factor;
  }

  // Sequential search of the CDF with one uniform; expected mean + 1 steps.
  private poissonInversion(mean: number): number {
    const u = this.next();
    let k = 0;
    let p = Math.exp(-mean);
    let cdf = p;
    // p > 0 guards the (2^-32-rare) case where rounding leaves cdf just below u forever.
    while (u >= cdf && p > 0) {
      k++;
      p *= mean / k;
      cdf += p;
    }
    return k;
  }

  // PTRS, "The transformed rejection method for generating Poisson random variables",
  // W. Hörmann, Insurance: Mathematics and Economics 12 (1993) 39–45; constants as published.
  private poissonPtrs(mean: number): number {
    const sqrtMean = Math.sqrt(mean);
    const logMean = Math.log(mean);
    const b = 0.931 + 2.53 * sqrtMean;
    const a = -0.059 + 0.02483 * b;
    const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.next() - 0.5;
      const v = this.next();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -mean + k * logMean - logFactorial(k)) {
        return k;
      }
    }
  }
}

const LOG_FACTORIAL_TABLE: number[] = (() => {
  const table = [0];
  for (let k = 1; k < 256; k++) table.push(table[k - 1] + Math.log(k));
  return table;
})();

const HALF_LOG_2PI = 0.9189385332046728;

/** ln(k!) exactly summed for k < 256, Stirling's series beyond (error < 1e-15 relative there). */
function logFactorial(k: number): number {
  if (k < 256) return LOG_FACTORIAL_TABLE[k];
  const x = k + 1;
  const inv = 1 / x;
  const inv2 = inv * inv;
  // ln Γ(x) = (x-½)ln x − x + ½ln 2π + 1/(12x) − 1/(360x³) + 1/(1260x⁵) − 1/(1680x⁷)
  const series = inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 / 1680)));
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + series;
}

function checkId(name: string, id: string): string {
  if (typeof id !== 'string' || id.length === 0) {
    throw new RangeError(`${name} must be a non-empty string, got ${typeof id === 'string' ? '""' : typeof id}`);
  }
  return id;
}
