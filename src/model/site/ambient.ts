// Outdoor air temperature at a site: a yearly cosine (coldest on a chosen day), a daily cosine (warmest
// at a chosen hour, 15:00 by default) and AR(1) weather noise drawn from the site's own random stream.
import type { RandomStream } from '../../engine/index.js';
import { shown } from '../ledger/exact.js';
import { US_PER_HOUR } from '../units.js';
import { cosTurns } from './_cos-turns.js';
import { checkFinite, checkNonNegative, checkUs } from './_check.js';
import { createSiteClock, DAYS_PER_YEAR, type SiteClock, type SiteClockConfig } from './site-clock.js';

export interface AmbientConfig {
  /** Yearly mean (°C). */
  readonly meanC: number;
  /** Half the mean daily range (°C): the day peaks at meanC + this, the night bottoms at − this. */
  readonly dailyAmplitudeC: number;
  /** Half the mean summer–winter difference (°C). */
  readonly seasonalAmplitudeC: number;
  /** Local hour of the daily maximum. Default 15 (mid-afternoon). */
  readonly warmestHourOfDay?: number;
  /** Day of year of the seasonal minimum. Default 15 (mid-January; ~196 for a southern site). */
  readonly coldestDayOfYear?: number;
  /** Standard deviation of the weather noise around the cosines (°C), stationary. */
  readonly noiseSdC: number;
  /** e-folding time of the noise's autocorrelation (µs); 0 = independent per step. */
  readonly noiseCorrelationUs: number;
  /** The noise is drawn once per step and held within it (e.g. the billing slot). Default 1 h. */
  readonly stepUs?: number;
  /** Where atUs = 0 falls in the day and year. */
  readonly clock?: SiteClockConfig;
}

export interface Ambient {
  readonly clock: SiteClock;
  /** Temperature at atUs; calls must come with non-decreasing atUs. */
  tempAt(atUs: number): number;
}

interface Resolved {
  readonly meanC: number;
  readonly dailyAmplitudeC: number;
  readonly seasonalAmplitudeC: number;
  readonly warmestHourOfDay: number;
  readonly coldestDayOfYear: number;
  readonly noiseSdC: number;
  readonly noiseCorrelationUs: number;
  readonly stepUs: number;
}

function resolve(config: AmbientConfig): Resolved {
  const warmestHourOfDay = config.warmestHourOfDay ?? 15;
  const coldestDayOfYear = config.coldestDayOfYear ?? 15;
  const stepUs = config.stepUs ?? US_PER_HOUR;
  if (!(warmestHourOfDay >= 0 && warmestHourOfDay < 24)) throw new RangeError(`warmestHourOfDay must be in [0, 24), got ${shown(warmestHourOfDay)}`);
  if (!(coldestDayOfYear >= 1 && coldestDayOfYear < DAYS_PER_YEAR + 1)) throw new RangeError(`coldestDayOfYear must be in [1, 366), got ${shown(coldestDayOfYear)}`);
  if (!Number.isSafeInteger(stepUs) || stepUs <= 0) throw new RangeError(`stepUs must be a whole number of µs > 0, got ${shown(stepUs)}`);
  return {
    meanC: checkFinite('meanC', config.meanC),
    dailyAmplitudeC: checkNonNegative('dailyAmplitudeC', config.dailyAmplitudeC),
    seasonalAmplitudeC: checkNonNegative('seasonalAmplitudeC', config.seasonalAmplitudeC),
    warmestHourOfDay,
    coldestDayOfYear,
    noiseSdC: checkNonNegative('noiseSdC', config.noiseSdC),
    noiseCorrelationUs: checkNonNegative('noiseCorrelationUs', config.noiseCorrelationUs),
    stepUs,
  };
}

function baseTempC(c: Resolved, clock: SiteClock, atUs: number): number {
  const daily = cosTurns((clock.hourOfDay(atUs) - c.warmestHourOfDay) / 24);
  const seasonal = cosTurns((clock.dayOfYear(atUs) - c.coldestDayOfYear) / DAYS_PER_YEAR);
  return c.meanC + c.dailyAmplitudeC * daily - c.seasonalAmplitudeC * seasonal;
}

/** The temperature without noise: mean + daily and seasonal cosines. */
export function ambientBaseC(config: AmbientConfig, atUs: number): number {
  return baseTempC(resolve(config), createSiteClock(config.clock), atUs);
}

/**
 * An ambient path. Noise is AR(1) at the step: n₀ = σ·z₀, nₖ = φ·nₖ₋₁ + σ·√(1−φ²)·zₖ with
 * φ = exp(−stepUs / noiseCorrelationUs), so every nₖ has sd σ and corr(nₖ, nₖ₊ⱼ) = φʲ. Step k is
 * always the k-th draw of the stream, so the path does not depend on when it is asked for.
 * With noiseSdC = 0 the stream is never drawn from.
 */
export function createAmbient(config: AmbientConfig, rng: RandomStream): Ambient {
  const c = resolve(config);
  const clock = createSiteClock(config.clock);
  const phi = c.noiseCorrelationUs === 0 ? 0 : Math.exp(-c.stepUs / c.noiseCorrelationUs);
  const innovationSd = c.noiseSdC * Math.sqrt(1 - phi * phi);
  let step = -1;
  let noiseC = 0;
  let lastAtUs = 0;
  return {
    clock,
    tempAt(atUs) {
      checkUs('atUs', atUs);
      if (atUs < lastAtUs) throw new RangeError(`atUs must not go back in time (last ${lastAtUs}), got ${atUs}`);
      lastAtUs = atUs;
      if (c.noiseSdC > 0) {
        const target = Math.floor(atUs / c.stepUs);
        while (step < target) {
          noiseC = step < 0 ? rng.normal(0, c.noiseSdC) : phi * noiseC + rng.normal(0, innovationSd);
          step++;
        }
      }
      return baseTempC(c, clock, atUs) + noiseC;
    },
  };
}
