// Sharing a scarce quantity among requests: everyone gets all they ask when it fits, otherwise
// shares in proportion to the request, largest remainder (ledger/split.ts), ties to the lowest index.
import { splitByWeights } from '../ledger/split.js';
import { checkNonNegativeBigint } from './_check.js';

/**
 * Parts sum to min(supply, Σ requests) exactly and never exceed their request: when supply < total,
 * each exact share q·S/T is < q, so its floor plus at most one leftover unit is ≤ q.
 */
export function allocateProRata(requestQuantities: readonly bigint[], supplyQuantity: bigint): bigint[] {
  checkNonNegativeBigint('supplyQuantity', supplyQuantity);
  let total = 0n;
  requestQuantities.forEach((q, i) => {
    checkNonNegativeBigint(`requestQuantities[${i}]`, q);
    total += q;
  });
  if (total <= supplyQuantity) return [...requestQuantities];
  return splitByWeights(supplyQuantity, requestQuantities);
}
