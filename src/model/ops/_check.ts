// Argument checks of the operations model: the model-wide ones (checks.ts). Arguments are named as
// paths, e.g. "failure.ratePerYear.fan".
export { shown, checkNonNegative, checkPositive, checkFraction, checkUs, checkCount, checkFinite } from '../checks.js';
