// Electricity tariffs in exact micro-dollars per kWh: flat, or time-of-use (hour-of-day windows over
// a base price, in site-local time). The price integral over time is exact, so energy bills add up.
import { shown } from '../ledger/exact.js';
import { US_PER_DAY, US_PER_MIN } from '../units.js';
import { checkBigint, checkUs } from './_check.js';
import { createSiteClock, type SiteClock } from './site-clock.js';

const MIN_PER_DAY = 24 * 60;

/** A window of the day [fromHour, toHour) in local time; toHour < fromHour wraps past midnight. */
export interface TouPeriod {
  /** In [0, 24), whole minutes (7.5 = 07:30). */
  readonly fromHour: number;
  /** In (0, 24], whole minutes, ≠ fromHour. */
  readonly toHour: number;
  readonly priceMicroUsdPerKWh: bigint;
}

export type TariffConfig =
  | { readonly kind: 'flat'; readonly priceMicroUsdPerKWh: bigint }
  /** Windows must not overlap; hours outside every window pay the base price. */
  | { readonly kind: 'time-of-use'; readonly basePriceMicroUsdPerKWh: bigint; readonly periods: readonly TouPeriod[] };

/** A stretch of the local day [startUs, endUs) at one price. */
export interface TariffSegment {
  readonly startUs: number;
  readonly endUs: number;
  readonly priceMicroUsdPerKWh: bigint;
}

export interface Tariff {
  readonly config: TariffConfig;
  readonly clock: SiteClock;
  /** The day's prices as contiguous segments covering [0, US_PER_DAY), equal neighbours merged. */
  readonly segments: readonly TariffSegment[];
  priceAt(atUs: number): bigint;
  /** The first time after atUs at which the price changes; Infinity when it never does. */
  nextChangeUs(atUs: number): number;
  /** ∫ price dt over [fromUs, toUs), in (µUSD/kWh)·µs — exact, so additive over any split. */
  priceIntegral(fromUs: number, toUs: number): bigint;
}

function minuteOf(argument: string, hour: number, allowMidnightEnd: boolean): number {
  const minutes = Math.round(hour * 60);
  const inRange = allowMidnightEnd ? hour > 0 && hour <= 24 : hour >= 0 && hour < 24;
  if (typeof hour !== 'number' || !inRange || Math.abs(hour * 60 - minutes) > 1e-6) {
    throw new RangeError(`${argument} must be an hour in ${allowMidnightEnd ? '(0, 24]' : '[0, 24)'} on a whole minute, got ${shown(hour)}`);
  }
  return minutes;
}

/** Price of each minute of the day, from the config; throws on overlapping windows. */
function minutePrices(config: TariffConfig): bigint[] {
  if (config.kind === 'flat') return new Array<bigint>(MIN_PER_DAY).fill(checkBigint('priceMicroUsdPerKWh', config.priceMicroUsdPerKWh));
  if (config.kind !== 'time-of-use') throw new RangeError(`kind must be 'flat' or 'time-of-use', got ${shown((config as { kind: unknown }).kind)}`);
  const prices = new Array<bigint>(MIN_PER_DAY).fill(checkBigint('basePriceMicroUsdPerKWh', config.basePriceMicroUsdPerKWh));
  const owner = new Array<number>(MIN_PER_DAY).fill(-1);
  config.periods.forEach((p, i) => {
    const from = minuteOf(`periods[${i}].fromHour`, p.fromHour, false);
    const to = minuteOf(`periods[${i}].toHour`, p.toHour, true);
    if (from === to) throw new RangeError(`periods[${i}].toHour must differ from fromHour (${p.fromHour}), got ${shown(p.toHour)}`);
    const price = checkBigint(`periods[${i}].priceMicroUsdPerKWh`, p.priceMicroUsdPerKWh);
    for (let m = from; m !== to; m = (m + 1) % MIN_PER_DAY) {
      if (owner[m] !== -1) {
        throw new RangeError(`periods[${i}] must not overlap periods[${owner[m]}], got both at hour ${m / 60}`);
      }
      owner[m] = i;
      prices[m] = price;
      if (to === MIN_PER_DAY && m === MIN_PER_DAY - 1) break;
    }
  });
  return prices;
}

function toSegments(prices: readonly bigint[]): TariffSegment[] {
  const segments: TariffSegment[] = [];
  let start = 0;
  for (let m = 1; m <= MIN_PER_DAY; m++) {
    if (m === MIN_PER_DAY || prices[m] !== prices[start]) {
      segments.push({ startUs: start * US_PER_MIN, endUs: m * US_PER_MIN, priceMicroUsdPerKWh: prices[start] });
      start = m;
    }
  }
  return segments;
}

export function createTariff(config: TariffConfig, clock: SiteClock = createSiteClock()): Tariff {
  const segments = Object.freeze(toSegments(minutePrices(config)).map((s) => Object.freeze(s)));
  const dayIntegral = segments.reduce((sum, s) => sum + s.priceMicroUsdPerKWh * BigInt(s.endUs - s.startUs), 0n);
  // Where the price changes within the day; midnight counts only when the prices either side differ.
  const changesUs = segments
    .map((s) => s.startUs)
    .filter((startUs, i) => i > 0 || segments[segments.length - 1].priceMicroUsdPerKWh !== segments[0].priceMicroUsdPerKWh);

  const segmentAt = (usOfDay: number): TariffSegment => {
    let i = 0;
    while (segments[i].endUs <= usOfDay) i++;
    return segments[i];
  };

  /** ∫ price from local time 0 to local time x (µs). */
  const cumulative = (localUs: number): bigint => {
    const days = Math.floor(localUs / US_PER_DAY);
    const rest = localUs - days * US_PER_DAY;
    let sum = BigInt(days) * dayIntegral;
    for (const s of segments) {
      if (s.startUs >= rest) break;
      sum += s.priceMicroUsdPerKWh * BigInt(Math.min(s.endUs, rest) - s.startUs);
    }
    return sum;
  };

  return {
    config,
    clock,
    segments,
    priceAt: (atUs) => segmentAt(clock.usOfDay(atUs)).priceMicroUsdPerKWh,
    nextChangeUs(atUs) {
      if (changesUs.length === 0) return Infinity;
      const u = clock.usOfDay(atUs);
      const next = changesUs.find((c) => c > u);
      return next === undefined ? atUs + (US_PER_DAY - u) + changesUs[0] : atUs + (next - u);
    },
    priceIntegral(fromUs, toUs) {
      checkUs('fromUs', fromUs);
      if (checkUs('toUs', toUs) < fromUs) throw new RangeError(`toUs must be ≥ fromUs (${fromUs}), got ${toUs}`);
      return cumulative(clock.localUs(toUs)) - cumulative(clock.localUs(fromUs));
    },
  };
}
