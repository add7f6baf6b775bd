// The business systems the twin runs, in the order they are called at each slot edge (a system that
// reads another's state comes after it: rentals after operations).
import type { TwinSystemFactory } from '../system.js';
import { createBrokerSystem } from './broker/broker-system.js';
import { createOpsSystem } from './ops/ops-system.js';
import { createRentalsSystem } from './rentals/rentals-system.js';
import { createIaasSystem } from './iaas/iaas-system.js';
import { createColoSystem } from './colo/colo-system.js';
import { createInvestorsSystem } from './investors.js';

export const SYSTEM_FACTORIES: readonly TwinSystemFactory[] = [
  // First: the rigs' faults and thermal states set what every group delivers and draws this slot.
  createOpsSystem,
  createRentalsSystem,
  createBrokerSystem,
  createIaasSystem,
  createColoSystem,
  // After the colo, which pays the operator its wholesale share.
  createInvestorsSystem,
];
