// The business systems the twin runs, in the order they are called at each slot edge (a system that
// reads another's state comes after it: rentals after operations).
import type { TwinSystemFactory } from '../system.js';

export const SYSTEM_FACTORIES: readonly TwinSystemFactory[] = [
];
