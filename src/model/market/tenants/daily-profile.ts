// Tenant arrivals: a Poisson process whose rate follows a daily profile (24 hourly multipliers),
// sampled exactly by thinning (Lewis & Shedler 1979): candidates at the peak rate, each kept with
// probability rate(t) / peak.
import type { RandomStream } from '../../../engine/index.js';
import { US_PER_DAY, US_PER_HOUR } from '../../units.js';
import { checkPositive, checkUs, shown } from '../_check.js';

/**
 * Quiet nights, a working-day plateau and an evening peak at 18–20 h about 1.8× the mean — an
 * assumed shape [D] (no published arrival profile for mining IaaS was found); normalised to mean 1.
 */
export const DEFAULT_DAILY_PROFILE: readonly number[] = Object.freeze([
  0.5, 0.4, 0.4, 0.4, 0.5, 0.6, 0.8, 1.0, 1.2, 1.3, 1.3, 1.3,
  1.2, 1.2, 1.2, 1.3, 1.4, 1.6, 1.8, 1.8, 1.5, 1.1, 0.8, 0.6,
]);

/** The profile scaled to mean 1, so arrivalsPerDay stays the daily mean whatever its shape. */
export function normalizeProfile(profile: readonly number[]): number[] {
  if (!Array.isArray(profile) || profile.length !== 24) throw new RangeError(`profile must have 24 hourly values, got ${shown(profile)}`);
  profile.forEach((x, i) => {
    if (!(x >= 0) || x === Infinity) throw new RangeError(`profile[${i}] must be a finite number ≥ 0, got ${shown(x)}`);
  });
  const mean = profile.reduce((s, x) => s + x, 0) / 24;
  if (mean === 0) throw new RangeError('profile must have a positive value somewhere, got all zeros');
  return profile.map((x) => x / mean);
}

/** The multiplier in force at atUs (hour of the day in the profile's clock). */
export function profileAt(profile: readonly number[], atUs: number): number {
  return profile[Math.floor((atUs % US_PER_DAY) / US_PER_HOUR)]!;
}

/** The first arrival after fromUs (whole µs, > fromUs) of the profiled Poisson process. */
export function nextArrivalUs(rng: RandomStream, fromUs: number, arrivalsPerDay: number, profile: readonly number[]): number {
  checkUs('fromUs', fromUs);
  checkPositive('arrivalsPerDay', arrivalsPerDay);
  let peak = 0;
  for (const x of profile) if (x > peak) peak = x;
  const peakRatePerUs = (arrivalsPerDay * peak) / US_PER_DAY;
  let atUs = fromUs;
  for (;;) {
    atUs += Math.max(1, Math.round(rng.exponential(peakRatePerUs)));
    if (rng.uniform() * peak < profileAt(profile, atUs)) return atUs;
  }
}
