// Argument checks of the site model: the model-wide ones (checks.ts) and a bigint check.
import { shown } from '../checks.js';

export { checkFinite, checkNonNegative, checkPositive, checkUs, checkFraction as checkUnitInterval } from '../checks.js';

export function checkBigint(argument: string, value: bigint): bigint {
  if (typeof value !== 'bigint') throw new RangeError(`${argument} must be a bigint, got ${shown(value)}`);
  return value;
}
