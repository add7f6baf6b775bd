// Argument checks shared by the pricing model: programmer mistakes throw a RangeError naming the
// argument and the value received (STYLE.md "Errors").
import { shown } from '../ledger/exact.js';

export const BPS_PER_WHOLE = 10_000;
export const BPS_PER_WHOLE_N = 10_000n;

/** An integer number of basis points in [min, max] (default [0, 10 000]); returned as a bigint. */
export function checkBps(argument: string, value: number, max = BPS_PER_WHOLE, min = 0): bigint {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new RangeError(`${argument} must be an integer number of basis points in [${min}, ${max}], got ${shown(value)}`);
  }
  return BigInt(value);
}

export function checkNonNegativeBigint(argument: string, value: bigint): bigint {
  if (typeof value !== 'bigint' || value < 0n) throw new RangeError(`${argument} must be a bigint ≥ 0n, got ${shown(value)}`);
  return value;
}

export function checkPositiveBigint(argument: string, value: bigint): bigint {
  if (typeof value !== 'bigint' || value <= 0n) throw new RangeError(`${argument} must be a bigint > 0n, got ${shown(value)}`);
  return value;
}

/** Times and durations are whole microseconds (engine convention); durations here must be > 0. */
export function checkPositiveUs(argument: string, value: number): number {
  if (!Number.isSafeInteger(value) || value <= 0) throw new RangeError(`${argument} must be a whole number of µs > 0, got ${shown(value)}`);
  return value;
}

export function checkAtUs(argument: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${argument} must be a whole number of µs ≥ 0, got ${shown(value)}`);
  return value;
}

export function checkCount(argument: string, value: number, min = 0): number {
  if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`${argument} must be an integer ≥ ${min}, got ${shown(value)}`);
  return value;
}

export function checkName(argument: string, value: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new RangeError(`${argument} must be a non-empty string, got ${shown(value)}`);
  return value;
}
