// Argument checks of the share model: the model-wide ones (checks.ts).
export { shown, checkPositive, checkNonNegative, checkUs, checkCount } from '../checks.js';
