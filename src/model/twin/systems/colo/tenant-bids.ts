// A retail pool manager's limit prices for the colo's auction: a share of the revenue it expects its
// hashrate to mine (pricing/hashprice-bid.ts, hashprice as domain-facts §2.7), spread over the
// resources it needs in proportion to their list prices.
import { divFloor, divRoundHalfEven } from '../../../ledger/exact.js';
import { lcmOf } from '../../../ledger/ratio.js';
import { BASIS_POINTS_PER_WHOLE } from '../../../ledger/split.js';
import { bidLimitFromHashprice, RESOURCE_IDS, resourceSpec, type ResourceId } from '../../../pricing/index.js';

export interface TenantBidInput {
  readonly quantities: Readonly<Partial<Record<ResourceId, bigint>>>;
  readonly listMicroUsdPerLotSlot: Readonly<Record<ResourceId, bigint>>;
  /** The chain's hashprice now, µUSD per TH/s per day. */
  readonly hashpriceMicroUsdPerThDay: bigint;
  readonly hashpriceOutlookBps: number;
  readonly hashrateGHs: bigint;
  readonly bidBps: number;
  readonly slotUs: number;
}

const GHS_PER_THS = 1_000;

/**
 * Budget B = expected hashprice · TH/s · slot/day · bidBps for the whole request, rounded down; each
 * resource's limit = B · list / (the request's cost at list prices), rounded down — the same multiple
 * of list for every resource, so a tenant never outbids itself on one resource to lose another.
 * A request that costs nothing at list (free resources) bids the list price.
 */
export function tenantBidLimits(input: TenantBidInput): Partial<Record<ResourceId, bigint>> {
  const expected = divRoundHalfEven(input.hashpriceMicroUsdPerThDay * BigInt(input.hashpriceOutlookBps), BigInt(BASIS_POINTS_PER_WHOLE));
  const budgetMicroUsd = bidLimitFromHashprice({
    hashpriceMicroUsdPerThDay: expected,
    hashrateThsPerLot: Number(input.hashrateGHs) / GHS_PER_THS,
    marginFactorBps: input.bidBps,
    slotUs: input.slotUs,
  });
  const wanted = RESOURCE_IDS.filter((r) => input.quantities[r] !== undefined);
  // Cost at list = Σ q · list / lot, kept exact over the lots' common multiple.
  const lots = lcmOf(wanted.map((r) => resourceSpec(r).lotSize));
  let costTimesLots = 0n;
  for (const r of wanted) costTimesLots += input.quantities[r]! * input.listMicroUsdPerLotSlot[r] * (lots / resourceSpec(r).lotSize);
  const limits: Partial<Record<ResourceId, bigint>> = {};
  for (const r of wanted) {
    limits[r] = costTimesLots === 0n ? input.listMicroUsdPerLotSlot[r] : divFloor(budgetMicroUsd * input.listMicroUsdPerLotSlot[r] * lots, costTimesLots);
  }
  return limits;
}
