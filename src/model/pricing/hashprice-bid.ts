// A tenant's limit price for a lot of a resource, from the revenue the lot lets it mine: hashprice
// (expected µUSD per TH/s per day, network/hashprice.ts; domain-facts §2.7) × the tenant's margin factor.
import { divFloor, shown } from '../ledger/exact.js';
import { ratioFromNumber } from '../ledger/ratio.js';
import { US_PER_DAY } from '../units.js';
import { BPS_PER_WHOLE_N, checkBps, checkNonNegativeBigint, checkPositiveUs } from './_check.js';

export interface HashpriceBidInput {
  /** Expected revenue per TH/s per day the tenant believes in (e.g. satToMicroUsd of hashprice). */
  readonly hashpriceMicroUsdPerThDay: bigint;
  /** TH/s one lot of the resource supports for this tenant (a lot of IOPS serves so many TH/s of pool). */
  readonly hashrateThsPerLot: number;
  /** Share of that revenue the tenant will pay for the resource; the rest is its margin. */
  readonly marginFactorBps: number;
  readonly slotUs: number;
}

/**
 * Limit µUSD per lot per slot = hashprice · TH/s per lot · slot/day · margin factor, computed exactly
 * (the TH/s double taken at its binary value) and rounded *down*: a bid never exceeds what the
 * tenant's rule allows.
 */
export function bidLimitFromHashprice(input: HashpriceBidInput): bigint {
  checkNonNegativeBigint('hashpriceMicroUsdPerThDay', input.hashpriceMicroUsdPerThDay);
  if (!Number.isFinite(input.hashrateThsPerLot) || input.hashrateThsPerLot < 0) {
    throw new RangeError(`hashrateThsPerLot must be a finite number ≥ 0, got ${shown(input.hashrateThsPerLot)}`);
  }
  const factor = checkBps('marginFactorBps', input.marginFactorBps);
  checkPositiveUs('slotUs', input.slotUs);
  const ths = ratioFromNumber(input.hashrateThsPerLot);
  return divFloor(input.hashpriceMicroUsdPerThDay * ths.num * factor * BigInt(input.slotUs), ths.den * BPS_PER_WHOLE_N * BigInt(US_PER_DAY));
}
