// Argument checks shared by the market model: programmer mistakes throw a RangeError naming the
// argument and the value received (STYLE.md "Errors").
import { shown } from '../ledger/exact.js';

export { shown };

export const BPS_PER_WHOLE = 10_000;
export const BPS_PER_WHOLE_N = 10_000n;

export function checkId(argument: string, value: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new RangeError(`${argument} must be a non-empty string, got ${shown(value)}`);
  return value;
}

/** Times and durations are whole microseconds (engine convention). */
export function checkUs(argument: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${argument} must be a whole number of µs ≥ 0, got ${shown(value)}`);
  return value;
}

export function checkPositiveUs(argument: string, value: number): number {
  if (!Number.isSafeInteger(value) || value <= 0) throw new RangeError(`${argument} must be a whole number of µs > 0, got ${shown(value)}`);
  return value;
}

export function checkPositive(argument: string, value: number): number {
  if (typeof value !== 'number' || !(value > 0) || value === Infinity) throw new RangeError(`${argument} must be a finite number > 0, got ${shown(value)}`);
  return value;
}

export function checkNonNegative(argument: string, value: number): number {
  if (typeof value !== 'number' || !(value >= 0) || value === Infinity) throw new RangeError(`${argument} must be a finite number ≥ 0, got ${shown(value)}`);
  return value;
}

export function checkCount(argument: string, value: number, min = 0): number {
  if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`${argument} must be an integer ≥ ${min}, got ${shown(value)}`);
  return value;
}

/** An integer number of basis points in [0, 10 000]. */
export function checkBps(argument: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0 || value > BPS_PER_WHOLE) {
    throw new RangeError(`${argument} must be an integer number of basis points in [0, 10000], got ${shown(value)}`);
  }
  return value;
}

export function checkNonNegativeBigint(argument: string, value: bigint): bigint {
  if (typeof value !== 'bigint' || value < 0n) throw new RangeError(`${argument} must be a bigint ≥ 0n, got ${shown(value)}`);
  return value;
}

/** µs of [aUs, bUs) that fall inside [fromUs, toUs). */
export function overlapUs(aUs: number, bUs: number, fromUs: number, toUs: number): number {
  const lo = aUs > fromUs ? aUs : fromUs;
  const hi = bUs < toUs ? bUs : toUs;
  return hi > lo ? hi - lo : 0;
}
