// Uniform-price clearing of one resource for one slot: tenants bid a quantity at a limit price, the
// colo's free capacity is the supply, and everyone accepted pays one price (a call auction).
import { shown } from '../ledger/exact.js';
import { checkName, checkNonNegativeBigint } from './_check.js';
import { allocateProRata } from './pro-rata.js';

export interface Bid {
  readonly bidId: string;
  readonly tenantId: string;
  /** Base units of the resource (resources.ts). */
  readonly quantity: bigint;
  readonly limitPriceMicroUsdPerLotSlot: bigint;
}

export type BidStatus = 'filled' | 'partial' | 'rejected';

export interface BidAllocation {
  readonly bidId: string;
  readonly tenantId: string;
  readonly limitPriceMicroUsdPerLotSlot: bigint;
  readonly requestedQuantity: bigint;
  readonly allocatedQuantity: bigint;
  readonly status: BidStatus;
}

export interface ClearingResult {
  readonly priceMicroUsdPerLotSlot: bigint;
  /** One per bid, in the order the bids were given. */
  readonly allocations: readonly BidAllocation[];
  readonly allocatedQuantity: bigint;
  readonly unsoldQuantity: bigint;
  /** Σ (requested − allocated) over all bids, including those under the reserve. */
  readonly unmetQuantity: bigint;
}

/**
 * Clearing rule — *lowest accepted bid* ("pay-as-clear"): bids at or above the reserve are served
 * from the highest limit down. If they exhaust the supply, the price is the limit of the last bid
 * that got anything; if supply is left over, the colo's reserve was the marginal offer and is the
 * price (with zero supply it is the best eligible limit, where the first unit would have sold).
 * So every accepted bid's limit is ≥ the price, every rejected bid's is ≤ it, and more
 * supply never raises the price (the marginal bid can only move down the ranking, then to the
 * reserve, which is ≤ every eligible bid).
 * Ties: bids at the marginal limit share what is left in proportion to quantity, largest remainder,
 * leftover units to the earliest bid — no bid wins a tie by its name.
 */
export function clearUniformPrice(bids: readonly Bid[], supplyQuantity: bigint, reservePriceMicroUsdPerLotSlot: bigint): ClearingResult {
  checkNonNegativeBigint('supplyQuantity', supplyQuantity);
  checkNonNegativeBigint('reservePriceMicroUsdPerLotSlot', reservePriceMicroUsdPerLotSlot);
  const seen = new Set<string>();
  bids.forEach((bid, i) => {
    checkName(`bids[${i}].bidId`, bid.bidId);
    checkName(`bids[${i}].tenantId`, bid.tenantId);
    checkNonNegativeBigint(`bids[${i}].quantity`, bid.quantity);
    checkNonNegativeBigint(`bids[${i}].limitPriceMicroUsdPerLotSlot`, bid.limitPriceMicroUsdPerLotSlot);
    if (seen.has(bid.bidId)) throw new RangeError(`bids[${i}].bidId must be unique, got ${shown(bid.bidId)} twice`);
    seen.add(bid.bidId);
  });

  const allocated = new Array<bigint>(bids.length).fill(0n);
  // Price levels of eligible bids, highest first; within a level, input order.
  const levels = new Map<bigint, number[]>();
  bids.forEach((bid, i) => {
    if (bid.quantity > 0n && bid.limitPriceMicroUsdPerLotSlot >= reservePriceMicroUsdPerLotSlot) {
      const level = levels.get(bid.limitPriceMicroUsdPerLotSlot);
      if (level === undefined) levels.set(bid.limitPriceMicroUsdPerLotSlot, [i]);
      else level.push(i);
    }
  });
  const prices = [...levels.keys()].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));

  let remaining = supplyQuantity;
  // With no supply at all the marginal bid is the best one: the first unit would have sold there.
  let lastAcceptedPrice: bigint | undefined = supplyQuantity === 0n ? prices[0] : undefined;
  for (const price of prices) {
    if (remaining === 0n) break;
    const members = levels.get(price)!;
    const parts = allocateProRata(members.map((i) => bids[i]!.quantity), remaining);
    members.forEach((i, k) => {
      allocated[i] = parts[k]!;
      remaining -= parts[k]!;
    });
    lastAcceptedPrice = price;
  }
  const exhausted = remaining === 0n && lastAcceptedPrice !== undefined;
  const clearingPrice = exhausted ? lastAcceptedPrice! : reservePriceMicroUsdPerLotSlot;

  let allocatedQuantity = 0n;
  let unmetQuantity = 0n;
  const allocations = bids.map((bid, i): BidAllocation => {
    const got = allocated[i]!;
    allocatedQuantity += got;
    unmetQuantity += bid.quantity - got;
    const status: BidStatus = got === 0n ? (bid.quantity === 0n ? 'filled' : 'rejected') : got === bid.quantity ? 'filled' : 'partial';
    return { bidId: bid.bidId, tenantId: bid.tenantId, limitPriceMicroUsdPerLotSlot: bid.limitPriceMicroUsdPerLotSlot, requestedQuantity: bid.quantity, allocatedQuantity: got, status };
  });
  return { priceMicroUsdPerLotSlot: clearingPrice, allocations, allocatedQuantity, unsoldQuantity: supplyQuantity - allocatedQuantity, unmetQuantity };
}
