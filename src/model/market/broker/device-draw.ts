// What a consenting device is: its consent window (hours a day at a local time), time zone and
// hashrate (the catalogue's phone, or a measured figure). Each device draws from its own stream.
// Every default is an assumption [D]: no source was found for crowd or mobile mining networks
// (domain-facts §1.3).
import type { RandomStream } from '../../../engine/index.js';
import { findModel } from '../../hardware/index.js';
import { checkCount, checkNonNegative, checkPositive, shown } from '../_check.js';
import type { ConsentWindow } from './consent-windows.js';

export interface Weighted<T> {
  readonly value: T;
  readonly weight: number;
}

export interface DeviceDrawConfig {
  readonly utcOffsetsMinutes: readonly Weighted<number>[];
  /** Hours of consent a day, a whole number drawn uniformly in [min, max]. */
  readonly consentHoursMin: number;
  readonly consentHoursMax: number;
  /** Local start, a whole minute drawn uniformly in [from, to) (may pass 24 h). */
  readonly consentStartMinuteFrom: number;
  readonly consentStartMinuteTo: number;
  /**
   * Device hashrate: lognormal around medianHs with sigma, or every device at measuredHs (e.g. the
   * WASM core's own benchmark in the browser) when given.
   */
  readonly medianHashrateHs: number;
  readonly hashrateSigma: number;
  readonly measuredHashrateHs?: number;
}

/**
 * UTC; 1–4 h of consent a day starting between 22:00 and 02:00 local (phones mine while charging
 * overnight); hashrate around the catalogue phone's 2 MH/s SHA-256d (itself an assumption), spread
 * ×e^±0.5 across handsets.
 */
export const DEFAULT_DEVICE_DRAW: DeviceDrawConfig = Object.freeze({
  utcOffsetsMinutes: Object.freeze([{ value: 0, weight: 1 }]) as readonly Weighted<number>[],
  consentHoursMin: 1,
  consentHoursMax: 4,
  consentStartMinuteFrom: 22 * 60,
  consentStartMinuteTo: 26 * 60,
  medianHashrateHs: findModel('phone-cpu')!.hashrateHs,
  hashrateSigma: 0.5,
});

export interface DeviceSpec {
  readonly consent: ConsentWindow;
  readonly hashrateHs: number;
}

function checkWeighted<T>(argument: string, items: readonly Weighted<T>[]): void {
  if (!Array.isArray(items) || items.length === 0) throw new RangeError(`${argument} must be a non-empty array, got ${shown(items)}`);
  items.forEach((x, i) => checkPositive(`${argument}[${i}].weight`, x.weight));
}

export function checkDeviceDraw(config: DeviceDrawConfig, argument = 'devices'): void {
  checkWeighted(`${argument}.utcOffsetsMinutes`, config.utcOffsetsMinutes);
  checkCount(`${argument}.consentHoursMin`, config.consentHoursMin, 1);
  checkCount(`${argument}.consentHoursMax`, config.consentHoursMax, config.consentHoursMin);
  if (config.consentHoursMax > 24) throw new RangeError(`${argument}.consentHoursMax must be ≤ 24, got ${config.consentHoursMax}`);
  checkCount(`${argument}.consentStartMinuteFrom`, config.consentStartMinuteFrom);
  checkCount(`${argument}.consentStartMinuteTo`, config.consentStartMinuteTo, config.consentStartMinuteFrom + 1);
  checkPositive(`${argument}.medianHashrateHs`, config.medianHashrateHs);
  checkNonNegative(`${argument}.hashrateSigma`, config.hashrateSigma);
  if (config.measuredHashrateHs !== undefined) checkPositive(`${argument}.measuredHashrateHs`, config.measuredHashrateHs);
}

export function pickWeighted<T>(rng: RandomStream, items: readonly Weighted<T>[]): T {
  const total = items.reduce((s, x) => s + x.weight, 0);
  let u = rng.uniform() * total;
  for (const x of items) {
    if (u < x.weight) return x.value;
    u -= x.weight;
  }
  return items[items.length - 1]!.value;
}

/** The draws, in order: offset, hours, start, hashrate (skipped when measured). */
export function drawDevice(rng: RandomStream, config: DeviceDrawConfig = DEFAULT_DEVICE_DRAW): DeviceSpec {
  const utcOffsetMinutes = pickWeighted(rng, config.utcOffsetsMinutes);
  const hours = rng.uniformInt(config.consentHoursMin, config.consentHoursMax + 1);
  const startMinuteLocal = rng.uniformInt(config.consentStartMinuteFrom, config.consentStartMinuteTo);
  const hashrateHs = config.measuredHashrateHs ?? rng.lognormal(Math.log(config.medianHashrateHs), config.hashrateSigma);
  return { consent: { startMinuteLocal, lengthMinutes: hours * 60, utcOffsetMinutes }, hashrateHs };
}
