// The site's local calendar: where simulation time 0 falls in the day and the year, so tariffs can
// follow the hour of day and weather the season. A 365-day year, standard time (no leap days, no DST).
import { shown } from '../ledger/exact.js';
import { US_PER_DAY, US_PER_HOUR } from '../units.js';
import { checkUs } from './_check.js';

export const DAYS_PER_YEAR = 365;
export const US_PER_YEAR = DAYS_PER_YEAR * US_PER_DAY;

export interface SiteClockConfig {
  /** Day of the year at atUs = 0: 1 = 1 January … 365 = 31 December. Default 1. */
  readonly startDayOfYear?: number;
  /** Local hour of day at atUs = 0, in [0, 24) (fractions allowed, rounded to the µs). Default 0. */
  readonly startHourOfDay?: number;
}

export interface SiteClock {
  readonly startDayOfYear: number;
  readonly startHourOfDay: number;
  /** Local time since 00:00 of 1 January of the first year, in µs. */
  localUs(atUs: number): number;
  /** µs since local midnight, in [0, US_PER_DAY). */
  usOfDay(atUs: number): number;
  /** Local hour of day in [0, 24). */
  hourOfDay(atUs: number): number;
  /** Day of the year as a real number in [1, 366): 15.5 is noon on 15 January. */
  dayOfYear(atUs: number): number;
}

export function createSiteClock(config: SiteClockConfig = {}): SiteClock {
  const startDayOfYear = config.startDayOfYear ?? 1;
  const startHourOfDay = config.startHourOfDay ?? 0;
  if (!Number.isSafeInteger(startDayOfYear) || startDayOfYear < 1 || startDayOfYear > DAYS_PER_YEAR) {
    throw new RangeError(`startDayOfYear must be a whole number in [1, ${DAYS_PER_YEAR}], got ${shown(startDayOfYear)}`);
  }
  if (typeof startHourOfDay !== 'number' || !(startHourOfDay >= 0 && startHourOfDay < 24)) {
    throw new RangeError(`startHourOfDay must be a number in [0, 24), got ${shown(startHourOfDay)}`);
  }
  const offsetUs = (startDayOfYear - 1) * US_PER_DAY + Math.round(startHourOfDay * US_PER_HOUR);
  const localUs = (atUs: number): number => {
    const local = checkUs('atUs', atUs) + offsetUs;
    if (!Number.isSafeInteger(local)) throw new RangeError(`atUs must leave local time a safe integer, got ${shown(atUs)}`);
    return local;
  };
  const usOfDay = (atUs: number): number => localUs(atUs) % US_PER_DAY;
  return {
    startDayOfYear,
    startHourOfDay,
    localUs,
    usOfDay,
    hourOfDay: (atUs) => usOfDay(atUs) / US_PER_HOUR,
    dayOfYear: (atUs) => 1 + (localUs(atUs) % US_PER_YEAR) / US_PER_DAY,
  };
}
