// Argument checks shared by the market model: programmer mistakes throw a RangeError naming the
// argument and the value received (STYLE.md "Errors").
import { shown } from '../checks.js';

export {
  shown, checkUs, checkPositiveUs, checkPositive, checkNonNegative, checkCount, checkNonNegativeBigint,
  checkName as checkId,
} from '../checks.js';

export const BPS_PER_WHOLE = 10_000;
export const BPS_PER_WHOLE_N = 10_000n;

/** An integer number of basis points in [0, 10 000]. */
export function checkBps(argument: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0 || value > BPS_PER_WHOLE) {
    throw new RangeError(`${argument} must be an integer number of basis points in [0, 10000], got ${shown(value)}`);
  }
  return value;
}

/** µs of [aUs, bUs) that fall inside [fromUs, toUs). */
export function overlapUs(aUs: number, bUs: number, fromUs: number, toUs: number): number {
  const lo = aUs > fromUs ? aUs : fromUs;
  const hi = bUs < toUs ? bUs : toUs;
  return hi > lo ? hi - lo : 0;
}
