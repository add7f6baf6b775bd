// Argument checks shared by every model folder: a programmer mistake throws a RangeError naming the
// argument and the value received (STYLE.md "Errors"). One wording for each rule, everywhere.
import { shown } from './ledger/exact.js';

export { shown };

export function checkFinite(argument: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new RangeError(`${argument} must be a finite number, got ${shown(value)}`);
  return value;
}

export function checkPositive(argument: string, value: number): number {
  if (typeof value !== 'number' || !(value > 0) || value === Infinity) {
    throw new RangeError(`${argument} must be a finite number > 0, got ${shown(value)}`);
  }
  return value;
}

export function checkNonNegative(argument: string, value: number): number {
  if (typeof value !== 'number' || !(value >= 0) || value === Infinity) {
    throw new RangeError(`${argument} must be a finite number ≥ 0, got ${shown(value)}`);
  }
  return value;
}

/** A fraction in [0, 1]. */
export function checkFraction(argument: string, value: number): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) throw new RangeError(`${argument} must be in [0, 1], got ${shown(value)}`);
  return value;
}

/** Simulation times and durations are whole microseconds ≥ 0 (engine convention). */
export function checkUs(argument: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${argument} must be a whole number of µs ≥ 0, got ${shown(value)}`);
  return value;
}

/** Durations that must not be empty: whole microseconds > 0. */
export function checkPositiveUs(argument: string, value: number): number {
  if (!Number.isSafeInteger(value) || value <= 0) throw new RangeError(`${argument} must be a whole number of µs > 0, got ${shown(value)}`);
  return value;
}

export function checkCount(argument: string, value: number, min = 0): number {
  if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`${argument} must be a whole number ≥ ${min}, got ${shown(value)}`);
  return value;
}

export function checkNonNegativeBigint(argument: string, value: bigint): bigint {
  if (typeof value !== 'bigint' || value < 0n) throw new RangeError(`${argument} must be a bigint ≥ 0n, got ${shown(value)}`);
  return value;
}

export function checkName(argument: string, value: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new RangeError(`${argument} must be a non-empty string, got ${shown(value)}`);
  return value;
}
