// Uniform-price clearing: allocation within supply, accepted ≥ price ≥ rejected, more supply never
// raises the price, ties shared pro rata, and the hashprice-derived bid limit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bidLimitFromHashprice } from '../../../src/model/pricing/hashprice-bid.js';
import { allocateProRata } from '../../../src/model/pricing/pro-rata.js';
import { clearUniformPrice, type Bid } from '../../../src/model/pricing/uniform-clearing.js';
import { hashpriceSatPerThDayRounded } from '../../../src/model/network/hashprice.js';
import { satToMicroUsd, usdToMicroUsd } from '../../../src/model/units.js';

const bid = (bidId: string, quantity: bigint, limit: bigint, tenantId = bidId): Bid => ({ bidId, tenantId, quantity, limitPriceMicroUsdPerLotSlot: limit });

const bidsArb = fc.array(fc.record({ quantity: fc.bigInt({ min: 0n, max: 5_000n }), limit: fc.bigInt({ min: 0n, max: 30n }) }), { maxLength: 25 })
  .map((rs) => rs.map((r, i) => bid(`b${i}`, r.quantity, r.limit * 1_000n, `t${i % 4}`)));
const supplyArb = fc.bigInt({ min: 0n, max: 60_000n });
const reserveArb = fc.bigInt({ min: 0n, max: 30n }).map((r) => r * 1_000n);

describe('clearUniformPrice', () => {
  it('clears a worked example at the lowest accepted bid', () => {
    const bids = [bid('a', 3_000n, 15_000n), bid('b', 2_000n, 12_000n), bid('c', 4_000n, 11_000n), bid('d', 1_000n, 5_000n)];
    const result = clearUniformPrice(bids, 7_000n, 6_000n);
    expect(result.priceMicroUsdPerLotSlot).toBe(11_000n);
    expect(result.allocations.map((a) => [a.allocatedQuantity, a.status])).toEqual([[3_000n, 'filled'], [2_000n, 'filled'], [2_000n, 'partial'], [0n, 'rejected']]);
    expect(result.unsoldQuantity).toBe(0n);
    expect(result.unmetQuantity).toBe(3_000n);
    // Supply left over: the reserve is the marginal offer; 'd' is under it.
    const loose = clearUniformPrice(bids, 20_000n, 6_000n);
    expect(loose.priceMicroUsdPerLotSlot).toBe(6_000n);
    expect(loose.allocatedQuantity).toBe(9_000n);
    expect(loose.allocations[3]!.status).toBe('rejected');
    // Supply exactly exhausted by whole bids: the last accepted limit.
    expect(clearUniformPrice(bids, 5_000n, 6_000n).priceMicroUsdPerLotSlot).toBe(12_000n);
    expect(clearUniformPrice([], 5_000n, 6_000n).priceMicroUsdPerLotSlot).toBe(6_000n);
    // No supply: nothing trades, and the price is the best bid, where the first unit would sell.
    expect(clearUniformPrice(bids, 0n, 6_000n).priceMicroUsdPerLotSlot).toBe(15_000n);
  });

  it('shares a tie at the marginal price pro rata, leftover units to the earliest bid', () => {
    const bids = [bid('x', 1n, 9n), bid('y', 1n, 9n), bid('z', 1n, 9n), bid('top', 7n, 10n)];
    const result = clearUniformPrice(bids, 9n, 0n);
    expect(result.allocations.map((a) => a.allocatedQuantity)).toEqual([1n, 1n, 0n, 7n]);
    expect(result.priceMicroUsdPerLotSlot).toBe(9n);
    expect(allocateProRata([3n, 3n, 3n], 10n)).toEqual([3n, 3n, 3n]);
    expect(allocateProRata([10n, 20n, 30n], 31n)).toEqual([5n, 10n, 16n]); // 5.17, 10.33, 15.5 → the .5 gets the unit
  });

  it('never allocates beyond supply or a bid; accepted bids ≥ price ≥ rejected bids; price ≥ reserve', () => {
    fc.assert(fc.property(bidsArb, supplyArb, reserveArb, (bids, supply, reserve) => {
      const r = clearUniformPrice(bids, supply, reserve);
      const p = r.priceMicroUsdPerLotSlot;
      expect(r.allocatedQuantity <= supply).toBe(true);
      expect(r.allocatedQuantity + r.unsoldQuantity).toBe(supply);
      expect(p >= reserve).toBe(true);
      let total = 0n;
      r.allocations.forEach((a, i) => {
        expect(a.bidId).toBe(bids[i]!.bidId);
        expect(a.allocatedQuantity >= 0n && a.allocatedQuantity <= a.requestedQuantity).toBe(true);
        if (a.allocatedQuantity > 0n) expect(a.limitPriceMicroUsdPerLotSlot >= p).toBe(true);
        if (a.allocatedQuantity < a.requestedQuantity) expect(a.limitPriceMicroUsdPerLotSlot <= p).toBe(true);
        total += a.allocatedQuantity;
      });
      expect(total).toBe(r.allocatedQuantity);
      // Nobody priced out while supply is unsold, unless under the reserve.
      if (r.unsoldQuantity > 0n) for (const a of r.allocations) if (a.limitPriceMicroUsdPerLotSlot >= reserve) expect(a.status).toBe('filled');
    }), { seed: 2201, numRuns: 1000 });
  });

  it('never raises the price when supply rises', () => {
    fc.assert(fc.property(bidsArb, supplyArb, fc.bigInt({ min: 0n, max: 20_000n }), reserveArb, (bids, supply, extra, reserve) => {
      const before = clearUniformPrice(bids, supply, reserve).priceMicroUsdPerLotSlot;
      const after = clearUniformPrice(bids, supply + extra, reserve).priceMicroUsdPerLotSlot;
      expect(after <= before).toBe(true);
    }), { seed: 2202, numRuns: 1000 });
  });

  it('prices the same whatever the order of the bids', () => {
    const bidsAndShuffle = bidsArb.chain((bids) => fc.tuple(fc.constant(bids), fc.shuffledSubarray(bids, { minLength: bids.length, maxLength: bids.length })));
    fc.assert(fc.property(bidsAndShuffle, supplyArb, reserveArb, ([bids, shifted], supply, reserve) => {
      expect(clearUniformPrice(shifted, supply, reserve).priceMicroUsdPerLotSlot).toBe(clearUniformPrice(bids, supply, reserve).priceMicroUsdPerLotSlot);
    }), { seed: 2203, numRuns: 300 });
  });

  it('rejects duplicate ids and negative quantities, naming them', () => {
    expect(() => clearUniformPrice([bid('a', 1n, 1n), bid('a', 1n, 1n)], 1n, 0n)).toThrow(/bids\[1\].bidId must be unique, got "a" twice/);
    expect(() => clearUniformPrice([bid('a', -1n, 1n)], 1n, 0n)).toThrow(/bids\[0\].quantity must be a bigint ≥ 0n, got -1n/);
    expect(() => clearUniformPrice([], -1n, 0n)).toThrow(/supplyQuantity/);
  });
});

describe('bidLimitFromHashprice', () => {
  it('is hashprice × TH/s per lot × slot/day × margin factor, rounded down', () => {
    // 63,470 µUSD per TH/s per day, 1,000 TH/s per lot, 50 %, 15 min: 63,470·1000·0.5/96 = 330,572.9…
    expect(bidLimitFromHashprice({ hashpriceMicroUsdPerThDay: 63_470n, hashrateThsPerLot: 1_000, marginFactorBps: 5_000, slotUs: 900_000_000 })).toBe(330_572n);
    expect(bidLimitFromHashprice({ hashpriceMicroUsdPerThDay: 63_470n, hashrateThsPerLot: 0.5, marginFactorBps: 10_000, slotUs: 86_400_000_000 })).toBe(31_735n);
  });

  it('follows the network hashprice (domain-facts §2.7 example: ≈ 63.47 sat/TH/day)', () => {
    const sat = hashpriceSatPerThDayRounded({ subsidySat: 312_500_000n, avgFeesSat: 3_000_000n, difficulty: 1e14 });
    expect(sat).toBe(63n);
    const hashprice = satToMicroUsd(sat, usdToMicroUsd(100_000)); // $100k/BTC → 63,000 µUSD/TH/day
    expect(hashprice).toBe(63_000n);
    const limit = (factor: number) => bidLimitFromHashprice({ hashpriceMicroUsdPerThDay: hashprice, hashrateThsPerLot: 200, marginFactorBps: factor, slotUs: 900_000_000 });
    expect(limit(7_000)).toBe(91_875n); // 63,000·200·0.7/96
    expect(limit(6_000) < limit(7_000)).toBe(true);
  });

  it('rejects bad inputs', () => {
    expect(() => bidLimitFromHashprice({ hashpriceMicroUsdPerThDay: 1n, hashrateThsPerLot: Number.NaN, marginFactorBps: 1, slotUs: 1 })).toThrow(/hashrateThsPerLot must be a finite number ≥ 0, got NaN/);
    expect(() => bidLimitFromHashprice({ hashpriceMicroUsdPerThDay: 1n, hashrateThsPerLot: 1, marginFactorBps: 10_001, slotUs: 1 })).toThrow(/marginFactorBps/);
  });
});
