// Argument checks for the site model: programmer mistakes throw a RangeError naming the argument and
// the value received (STYLE.md "Errors").
import { shown } from '../ledger/exact.js';

export function checkFinite(argument: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new RangeError(`${argument} must be a finite number, got ${shown(value)}`);
  return value;
}

export function checkNonNegative(argument: string, value: number): number {
  if (typeof value !== 'number' || !(value >= 0) || value === Infinity) {
    throw new RangeError(`${argument} must be a finite number ≥ 0, got ${shown(value)}`);
  }
  return value;
}

export function checkPositive(argument: string, value: number): number {
  if (typeof value !== 'number' || !(value > 0) || value === Infinity) {
    throw new RangeError(`${argument} must be a finite number > 0, got ${shown(value)}`);
  }
  return value;
}

export function checkUnitInterval(argument: string, value: number): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) throw new RangeError(`${argument} must be a number in [0, 1], got ${shown(value)}`);
  return value;
}

/** Simulation times are whole microseconds ≥ 0 (engine convention). */
export function checkUs(argument: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${argument} must be a whole number of µs ≥ 0, got ${shown(value)}`);
  return value;
}

export function checkBigint(argument: string, value: bigint): bigint {
  if (typeof value !== 'bigint') throw new RangeError(`${argument} must be a bigint, got ${shown(value)}`);
  return value;
}
