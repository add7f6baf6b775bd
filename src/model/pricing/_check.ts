// Argument checks shared by the pricing model: programmer mistakes throw a RangeError naming the
// argument and the value received (STYLE.md "Errors").
import { shown } from '../checks.js';

export { checkNonNegativeBigint, checkPositiveUs, checkUs as checkAtUs, checkCount, checkName } from '../checks.js';

export const BPS_PER_WHOLE = 10_000;
export const BPS_PER_WHOLE_N = 10_000n;

/** An integer number of basis points in [min, max] (default [0, 10 000]); returned as a bigint. */
export function checkBps(argument: string, value: number, max = BPS_PER_WHOLE, min = 0): bigint {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new RangeError(`${argument} must be an integer number of basis points in [${min}, ${max}], got ${shown(value)}`);
  }
  return BigInt(value);
}

export function checkPositiveBigint(argument: string, value: bigint): bigint {
  if (typeof value !== 'bigint' || value <= 0n) throw new RangeError(`${argument} must be a bigint > 0n, got ${shown(value)}`);
  return value;
}

