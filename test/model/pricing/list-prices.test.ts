// Street and colo list prices against domain-facts §3.8: the EBS figures, the worked example
// (1 TiB + 5,000 IOPS ≈ $92 on gp3 vs ≈ $453 on io2), the discount, the compute/network fraction,
// and per-slot prices that sum back to the month within the documented rounding.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  GENERAL_PURPOSE_BASELINE,
  PROVISIONED_IOPS_BASELINE,
  cloudBaseline,
  volumeStreetPriceMicroUsdPerMonth,
} from '../../../src/model/pricing/cloud-baselines.js';
import { createColoPriceList, DEFAULT_REFERENCE_BUNDLE, listPricesPerSlot } from '../../../src/model/pricing/colo-price-list.js';
import { RESOURCE_IDS, RESOURCES, resourceSpec } from '../../../src/model/pricing/resources.js';
import { DEFAULT_MONTH_US, DEFAULT_SLOT_US, maxMonthlyRoundingMicroUsd, perSlotFromMonthlyMicroUsd, slotsPerMonth } from '../../../src/model/pricing/slot-price.js';
import { US_PER_DAY, US_PER_HOUR, US_PER_MIN, usdToMicroUsd } from '../../../src/model/units.js';

const WORKED_EXAMPLE = { storageGB: 1_024n, iops: 5_000n, throughputMBs: 125n }; // 1 TiB as AWS bills it

describe('cloud baselines (domain-facts §3.8)', () => {
  it('carry the EBS us-east-1 list prices exactly', () => {
    expect(PROVISIONED_IOPS_BASELINE.priceMicroUsdPerIopsMonth).toBe(usdToMicroUsd('0.065'));
    expect(PROVISIONED_IOPS_BASELINE.priceMicroUsdPerGbMonth).toBe(usdToMicroUsd('0.125'));
    expect(GENERAL_PURPOSE_BASELINE.priceMicroUsdPerGbMonth).toBe(usdToMicroUsd('0.08'));
    expect(GENERAL_PURPOSE_BASELINE.priceMicroUsdPerIopsMonth).toBe(usdToMicroUsd('0.005'));
    expect(GENERAL_PURPOSE_BASELINE.includedIopsPerVolume).toBe(3_000n);
    expect(GENERAL_PURPOSE_BASELINE.includedThroughputMBsPerVolume).toBe(125n);
    expect(cloudBaseline('general-purpose')).toBe(GENERAL_PURPOSE_BASELINE);
    expect(() => cloudBaseline('gp2' as never)).toThrow(/baseline must be one of .*got "gp2"/);
  });

  it('prices the worked example: 1 TiB + 5,000 IOPS is $91.92 on gp3 and $453.00 on io2', () => {
    const gp3 = volumeStreetPriceMicroUsdPerMonth(GENERAL_PURPOSE_BASELINE, WORKED_EXAMPLE);
    const io2 = volumeStreetPriceMicroUsdPerMonth(PROVISIONED_IOPS_BASELINE, WORKED_EXAMPLE);
    expect(gp3).toBe(usdToMicroUsd('91.92')); // 1024·0.08 + 2000·0.005
    expect(io2).toBe(usdToMicroUsd('453')); // 1024·0.125 + 5000·0.065
    // "≈ $92 vs ≈ $453" [S c3x.dev], to the dollar
    expect(Number(gp3 - usdToMicroUsd(92)) / 1e6).toBeCloseTo(0, 0);
    expect(Number(io2 - usdToMicroUsd(453)) / 1e6).toBeCloseTo(0, 0);
  });

  it('bills gp3 only above the free 3,000 IOPS and 125 MB/s', () => {
    const base = { storageGB: 100n, iops: 3_000n, throughputMBs: 125n };
    expect(volumeStreetPriceMicroUsdPerMonth(GENERAL_PURPOSE_BASELINE, base)).toBe(usdToMicroUsd(8));
    expect(volumeStreetPriceMicroUsdPerMonth(GENERAL_PURPOSE_BASELINE, { ...base, iops: 1_000n, throughputMBs: 0n })).toBe(usdToMicroUsd(8));
    expect(volumeStreetPriceMicroUsdPerMonth(GENERAL_PURPOSE_BASELINE, { ...base, throughputMBs: 250n })).toBe(usdToMicroUsd(13)); // +125·0.04
    expect(() => volumeStreetPriceMicroUsdPerMonth(GENERAL_PURPOSE_BASELINE, { ...base, iops: -1n })).toThrow(/volume.iops must be a bigint ≥ 0n, got -1n/);
  });
});

describe('colo price list', () => {
  it('has one entry per resource with its lot', () => {
    expect(RESOURCE_IDS).toEqual(['compute', 'network', 'storage-iops', 'storage-throughput', 'storage-capacity']);
    for (const id of RESOURCE_IDS) expect(resourceSpec(id)).toBe(RESOURCES[id]);
    expect(() => resourceSpec('gpu' as never)).toThrow(/resource must be one of/);
  });

  it('reproduces the reference figures per lot on io1/io2: $65 per 1,000 IOPS, $125 per TB, 50 % off', () => {
    const list = createColoPriceList({ baseline: 'provisioned-iops' });
    expect(list.prices['storage-iops'].streetMicroUsdPerLotMonth).toBe(usdToMicroUsd(65));
    expect(list.prices['storage-capacity'].streetMicroUsdPerLotMonth).toBe(usdToMicroUsd(125));
    expect(list.prices['storage-throughput'].streetMicroUsdPerLotMonth).toBe(0n); // not billed on io1/io2
    expect(list.prices['storage-iops'].coloMicroUsdPerLotMonth).toBe(usdToMicroUsd('32.5'));
    expect(list.prices['storage-capacity'].coloMicroUsdPerLotMonth).toBe(usdToMicroUsd('62.5'));
    expect(list.bundleStreetMicroUsdPerMonth).toBe(usdToMicroUsd(453));
  });

  it('prices compute and network at 0.25 of the bundle storewidth, split evenly, after the discount', () => {
    for (const [baseline, bundleUsd] of [['provisioned-iops', '453'], ['general-purpose', '91.92']] as const) {
      const list = createColoPriceList({ baseline });
      const bundle = usdToMicroUsd(bundleUsd);
      expect(list.bundleStreetMicroUsdPerMonth).toBe(bundle);
      // 453 · 0.25 · 0.5 · 0.5 = 28.3125; 91.92 · 0.0625 = 5.745 — both exact in µUSD
      expect(list.prices.compute.coloMicroUsdPerLotMonth).toBe((bundle * 625n) / 10_000n);
      expect(list.prices.network.coloMicroUsdPerLotMonth).toBe(list.prices.compute.coloMicroUsdPerLotMonth);
      expect(list.prices.compute.streetMicroUsdPerLotMonth).toBe((bundle * 1_250n) / 10_000n);
      const storewidthColo = (bundle * 5_000n) / 10_000n;
      expect(list.prices.compute.coloMicroUsdPerLotMonth + list.prices.network.coloMicroUsdPerLotMonth).toBe((storewidthColo * 2_500n) / 10_000n);
    }
  });

  it('gp3 storewidth is sold at the marginal list price, halved', () => {
    const list = createColoPriceList({ baseline: 'general-purpose' });
    expect(list.prices['storage-iops'].coloMicroUsdPerLotMonth).toBe(usdToMicroUsd('2.5'));
    expect(list.prices['storage-capacity'].coloMicroUsdPerLotMonth).toBe(usdToMicroUsd(40));
    expect(list.prices['storage-throughput'].coloMicroUsdPerLotMonth).toBe(usdToMicroUsd(20)); // $0.04 · 1000 MB/s · 0.5
  });

  it('applies any discount, fraction and split with one half-to-even rounding', () => {
    const params = fc.record({
      baseline: fc.constantFrom('provisioned-iops' as const, 'general-purpose' as const),
      discountBps: fc.integer({ min: 0, max: 10_000 }),
      computeNetworkFractionBps: fc.integer({ min: 0, max: 10_000 }),
      computeShareOfFractionBps: fc.integer({ min: 0, max: 10_000 }),
      computeUnits: fc.bigInt({ min: 1n, max: 64n }),
    });
    fc.assert(fc.property(params, (p) => {
      const list = createColoPriceList({ ...p, referenceBundle: { ...DEFAULT_REFERENCE_BUNDLE, computeUnits: p.computeUnits } });
      const keep = BigInt(10_000 - p.discountBps);
      for (const r of ['storage-iops', 'storage-throughput', 'storage-capacity'] as const) {
        const { streetMicroUsdPerLotMonth: street, coloMicroUsdPerLotMonth: colo } = list.prices[r];
        const error = colo * 10_000n - street * keep; // (colo − exact) · 10⁴
        expect(2n * (error < 0n ? -error : error) <= 10_000n).toBe(true);
      }
      const den = 10n ** 12n * p.computeUnits;
      const exact = list.bundleStreetMicroUsdPerMonth * keep * BigInt(p.computeNetworkFractionBps) * BigInt(p.computeShareOfFractionBps);
      const error = list.prices.compute.coloMicroUsdPerLotMonth * den - exact;
      expect(2n * (error < 0n ? -error : error) <= den).toBe(true);
    }), { seed: 3801, numRuns: 300 });
  });

  it('rejects out-of-range parameters, naming them', () => {
    expect(() => createColoPriceList({ discountBps: 10_001 })).toThrow(/discountBps must be an integer number of basis points in \[0, 10000\], got 10001/);
    expect(() => createColoPriceList({ computeNetworkFractionBps: 0.5 })).toThrow(/computeNetworkFractionBps/);
    expect(() => createColoPriceList({ referenceBundle: { ...DEFAULT_REFERENCE_BUNDLE, networkUnits: 0n } })).toThrow(/networkUnits must be a bigint > 0n, got 0n/);
  });
});

describe('per-slot prices', () => {
  it('a 30-day month is 2,880 fifteen-minute slots', () => {
    expect(DEFAULT_SLOT_US).toBe(15 * US_PER_MIN);
    expect(DEFAULT_MONTH_US).toBe(30 * US_PER_DAY);
    expect(slotsPerMonth()).toBe(2_880);
    expect(slotsPerMonth(15 * US_PER_MIN, 730 * US_PER_HOUR)).toBe(2_920);
    expect(maxMonthlyRoundingMicroUsd()).toBe(1_440n);
    expect(() => slotsPerMonth(7 * US_PER_MIN)).toThrow(/slotUs must divide monthUs/);
  });

  it('sum back to the monthly price within N/2 µUSD for every list price', () => {
    for (const baseline of ['provisioned-iops', 'general-purpose'] as const) {
      const list = createColoPriceList({ baseline });
      const perSlot = listPricesPerSlot(list);
      for (const r of RESOURCE_IDS) {
        const gap = perSlot[r] * 2_880n - list.prices[r].coloMicroUsdPerLotMonth;
        expect((gap < 0n ? -gap : gap) <= 1_440n, `${baseline} ${r}`).toBe(true);
      }
    }
    // io2 IOPS: $32.50 / 2880 = 11,284.72… → 11,285 µUSD per 1,000 IOPS per slot
    expect(listPricesPerSlot(createColoPriceList())['storage-iops']).toBe(11_285n);
  });

  it('sum back within N/2 µUSD for any price and any slot length dividing the month', () => {
    const divisorsOfDayMin = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60, 120, 240, 1_440];
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.constantFrom(...divisorsOfDayMin), (monthly, slotMin) => {
      const slotUs = slotMin * US_PER_MIN;
      const n = BigInt(slotsPerMonth(slotUs));
      const gap = perSlotFromMonthlyMicroUsd(monthly, slotUs) * n - monthly;
      expect(2n * (gap < 0n ? -gap : gap) <= n).toBe(true);
    }), { seed: 2880, numRuns: 500 });
  });
});
