// Ambient temperature: the yearly mean, the daily maximum near 15:00, the seasonal minimum near the
// coldest day, AR(1) noise with the configured sd and correlation, and reproducible, independent streams.
import { describe, expect, it } from 'vitest';
import { createRoot, type RandomStream } from '../../../src/engine/index.js';
import { ambientBaseC, createAmbient, type AmbientConfig } from '../../../src/model/site/index.js';
import { US_PER_DAY, US_PER_HOUR, US_PER_MIN } from '../../../src/model/units.js';

const H = US_PER_HOUR;
const YEAR_HOURS = 365 * 24;
// A cold northern site: mean 2 °C, ±5 °C daily, ±12 °C over the year, 3 °C of weather noise
// correlated over 12 h, drawn hourly.
const northern: AmbientConfig = {
  meanC: 2, dailyAmplitudeC: 5, seasonalAmplitudeC: 12, noiseSdC: 3, noiseCorrelationUs: 12 * H, stepUs: H,
};
const quiet: AmbientConfig = { ...northern, noiseSdC: 0 };

function hourly(config: AmbientConfig, stream: RandomStream, hours = YEAR_HOURS): number[] {
  const ambient = createAmbient(config, stream);
  return Array.from({ length: hours }, (_, h) => ambient.tempAt(h * H));
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

function correlation(xs: readonly number[], ys: readonly number[]): number {
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

const argMin = (xs: readonly number[]) => xs.indexOf(Math.min(...xs));
const argMax = (xs: readonly number[]) => xs.indexOf(Math.max(...xs));
const root = createRoot('ambient-tests');

describe('ambient temperature', () => {
  it('the year averages to the configured mean (exactly without noise, within 0.5 °C with it)', () => {
    expect(mean(hourly(quiet, root.stream('q')))).toBeCloseTo(2, 10);
    expect(Math.abs(mean(hourly(northern, root.stream('site-1/ambient'))) - 2)).toBeLessThan(0.5);
  });

  it('each day peaks at 15:00 without noise, and the year-average day peaks at 14:00–16:00 with it', () => {
    for (const day of [0, 100, 200, 300]) {
      const ambient = createAmbient(quiet, root.stream('unused'));
      const minutes = Array.from({ length: 24 * 60 }, (_, m) => ambient.tempAt(day * US_PER_DAY + m * US_PER_MIN));
      expect(Math.abs(argMax(minutes) - 15 * 60)).toBeLessThanOrEqual(2);
      expect(Math.abs(argMin(minutes) - 3 * 60)).toBeLessThanOrEqual(2);
    }
    const temps = hourly(northern, root.stream('site-1/ambient'));
    const byHour = Array.from({ length: 24 }, (_, h) => mean(temps.filter((_, i) => i % 24 === h)));
    expect(argMax(byHour)).toBeGreaterThanOrEqual(14);
    expect(argMax(byHour)).toBeLessThanOrEqual(16);
  });

  it('the coldest day is mid-January by default, and wherever configured', () => {
    const dailyMeans = (temps: readonly number[]) => Array.from({ length: 365 }, (_, d) => mean(temps.slice(d * 24, d * 24 + 24)));
    expect(argMin(dailyMeans(hourly(quiet, root.stream('q')))) + 1).toBe(15);
    expect(argMin(dailyMeans(hourly({ ...quiet, coldestDayOfYear: 196 }, root.stream('q')))) + 1).toBe(196);
    // A run starting on 1 July (day 182) reaches the coldest day 198 days in.
    expect(argMin(dailyMeans(hourly({ ...quiet, clock: { startDayOfYear: 182 } }, root.stream('q')))) + 1).toBe(365 - 182 + 15 + 1);
    // With noise, the coldest 31-day stretch is still centred within two weeks of day 15.
    const noisy = dailyMeans(hourly(northern, root.stream('site-1/ambient')));
    const monthly = noisy.map((_, d) => mean(Array.from({ length: 31 }, (_, k) => noisy[(d - 15 + k + 365) % 365])));
    const coldest = argMin(monthly) + 1;
    expect(Math.min(Math.abs(coldest - 15), 365 - Math.abs(coldest - 15))).toBeLessThanOrEqual(14);
  });

  it('the noise is AR(1) with the configured sd and step correlation exp(−step/τ)', () => {
    const temps = hourly(northern, root.stream('site-2/ambient'));
    const noise = temps.map((t, h) => t - ambientBaseC(northern, h * H));
    const sd = Math.sqrt(mean(noise.map((n) => n * n)));
    expect(Math.abs(sd - 3)).toBeLessThan(0.3);
    expect(Math.abs(correlation(noise.slice(0, -1), noise.slice(1)) - Math.exp(-1 / 12))).toBeLessThan(0.03);
    // Held within a step: the same value all hour.
    const ambient = createAmbient(northern, root.stream('site-2/ambient'));
    const first = ambient.tempAt(5 * H) - ambientBaseC(northern, 5 * H);
    expect(ambient.tempAt(6 * H - 1) - ambientBaseC(northern, 6 * H - 1)).toBeCloseTo(first, 12);
  });

  it('same seed and id → same path, however often it is asked', () => {
    const a = hourly(northern, createRoot(7).stream('site/ambient'), 24 * 30);
    const b = hourly(northern, createRoot(7).stream('site/ambient'), 24 * 30);
    expect(b).toEqual(a);
    const sparse = createAmbient(northern, createRoot(7).stream('site/ambient'));
    for (const h of [0, 1, 50, 51, 400, 719]) expect(sparse.tempAt(h * H)).toBe(a[h]);
    const c = hourly(northern, createRoot(8).stream('site/ambient'), 24 * 30);
    expect(c).not.toEqual(a);
  });

  it('different stream ids give uncorrelated noise', () => {
    const noiseOf = (id: string) => hourly(northern, root.stream(id)).map((t, h) => t - ambientBaseC(northern, h * H));
    expect(Math.abs(correlation(noiseOf('site-a/ambient'), noiseOf('site-b/ambient')))).toBeLessThan(0.15);
  });

  it('draws nothing without noise and refuses to go back in time', () => {
    const untouchable = new Proxy({} as RandomStream, { get: () => { throw new Error('drew from the stream'); } });
    const ambient = createAmbient(quiet, untouchable);
    expect(ambient.tempAt(10 * H)).toBeCloseTo(ambientBaseC(quiet, 10 * H), 12);
    expect(() => ambient.tempAt(9 * H)).toThrow(/atUs must not go back in time \(last 36000000000\), got 32400000000/);
    expect(() => createAmbient({ ...northern, stepUs: 0 }, root.stream('x'))).toThrow(/stepUs must be a whole number of µs > 0, got 0/);
    expect(() => createAmbient({ ...northern, noiseSdC: -1 }, root.stream('x'))).toThrow(/noiseSdC must be a finite number ≥ 0, got -1/);
  });
});
