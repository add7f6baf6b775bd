// Per-slot price discovery over a seeded demand path: the heat-map matrix matches the prices, steps
// stay bounded, allocations stay within capacity, and the same inputs give the same matrix.
import { describe, expect, it } from 'vitest';
import { createColoPriceList, listPricesPerSlot } from '../../../src/model/pricing/colo-price-list.js';
import { PriceDiscovery, type ResourceMarket } from '../../../src/model/pricing/price-discovery.js';
import { PriceMatrixRecorder, priceMatrixToJson } from '../../../src/model/pricing/price-matrix.js';
import { RESOURCE_IDS, type ResourceId } from '../../../src/model/pricing/resources.js';
import type { Bid } from '../../../src/model/pricing/uniform-clearing.js';
import { priceBand } from '../../../src/model/pricing/utilisation-rule.js';
import { createSeededRng } from '../helpers/seeded-rng.js';
import { DEFAULT_SLOT_US } from '../../../src/model/pricing/slot-price.js';

const CAPACITY: Record<ResourceId, bigint> = { compute: 40_000n, network: 40_000n, 'storage-iops': 200_000n, 'storage-throughput': 5_000n, 'storage-capacity': 40_000n };
const reference = listPricesPerSlot(createColoPriceList({ baseline: 'general-purpose' }));

/** A day of 96 slots: four tenants whose demand follows a daily wave plus seeded noise. */
function demandPath(seed: number): Record<ResourceId, ResourceMarket>[] {
  const rng = createSeededRng(seed);
  return Array.from({ length: 96 }, (_, slot) => {
    const wave = 0.5 + 0.45 * Math.sin((2 * Math.PI * slot) / 96);
    const markets = {} as Record<ResourceId, ResourceMarket>;
    for (const r of RESOURCE_IDS) {
      const requests: Bid[] = ['a', 'b', 'c', 'd'].map((tenantId) => {
        const share = wave * (0.2 + 0.15 * rng.uniform());
        const limit = (reference[r] * BigInt(Math.floor(5_000 + 15_000 * rng.uniform()))) / 10_000n;
        return { bidId: `${tenantId}-${r}-${slot}`, tenantId, quantity: BigInt(Math.floor(Number(CAPACITY[r]) * share)), limitPriceMicroUsdPerLotSlot: limit };
      });
      markets[r] = { capacityQuantity: CAPACITY[r], requests };
    }
    return markets;
  });
}

function run(mode: 'utilisation' | 'auction', seed: number) {
  const discovery = new PriceDiscovery({ mode, referenceMicroUsdPerLotSlot: reference, slotUs: DEFAULT_SLOT_US });
  const outcomes = demandPath(seed).map((markets, slot) => discovery.discover(slot * DEFAULT_SLOT_US, markets));
  return { discovery, outcomes };
}

describe('PriceDiscovery', () => {
  for (const mode of ['utilisation', 'auction'] as const) {
    it(`${mode}: records a resource × slot matrix equal to the prices it returned`, () => {
      const { discovery, outcomes } = run(mode, 7);
      const matrix = discovery.matrix();
      expect(matrix.resources).toEqual(RESOURCE_IDS);
      expect(matrix.slots).toEqual(outcomes.map((o) => o.slotStartUs));
      expect(matrix.slotUs).toBe(DEFAULT_SLOT_US);
      expect(matrix.valuesMicroUsd).toHaveLength(RESOURCE_IDS.length);
      RESOURCE_IDS.forEach((r, i) => {
        expect(matrix.valuesMicroUsd[i]).toEqual(outcomes.map((o) => o.resources[r]!.priceMicroUsdPerLotSlot));
        for (const o of outcomes) {
          const out = o.resources[r]!;
          expect(out.allocatedQuantity <= CAPACITY[r]).toBe(true);
          expect(out.allocations.reduce((s, a) => s + a.allocatedQuantity, 0n)).toBe(out.allocatedQuantity);
        }
      });
      expect(discovery.currentPrice('compute')).toBe(matrix.valuesMicroUsd[0]![95]);
      expect(priceMatrixToJson(matrix).valuesMicroUsd[2]![0]).toBe(matrix.valuesMicroUsd[2]![0]!.toString());
    });

    it(`${mode}: is deterministic`, () => {
      expect(priceMatrixToJson(run(mode, 11).discovery.matrix())).toEqual(priceMatrixToJson(run(mode, 11).discovery.matrix()));
    });
  }

  it('utilisation: moves by bounded steps and both up and down over a daily wave', () => {
    const { discovery } = run('utilisation', 7);
    const matrix = discovery.matrix();
    RESOURCE_IDS.forEach((r, i) => {
      const band = priceBand(reference[r]);
      const row = matrix.valuesMicroUsd[i]!;
      let previous = reference[r];
      for (const price of row) {
        expect(price - previous <= band.maxStepUpMicroUsd && previous - price <= band.maxStepDownMicroUsd).toBe(true);
        expect(price >= band.floorMicroUsd && price <= band.ceilingMicroUsd).toBe(true);
        previous = price;
      }
      expect(row.some((p, k) => k > 0 && p > row[k - 1]!)).toBe(true);
      expect(row.some((p, k) => k > 0 && p < row[k - 1]!)).toBe(true);
    });
  });

  it('auction: clears with the floor as reserve, so no price falls under it', () => {
    const { discovery } = run('auction', 7);
    RESOURCE_IDS.forEach((r, i) => {
      const floor = priceBand(reference[r]).floorMicroUsd;
      expect(discovery.matrix().valuesMicroUsd[i]!.every((p) => p >= floor)).toBe(true);
    });
  });

  it('rejects missing markets, out-of-order slots and unknown resources', () => {
    const discovery = new PriceDiscovery({ mode: 'utilisation', referenceMicroUsdPerLotSlot: reference, slotUs: DEFAULT_SLOT_US, resources: ['compute'] });
    expect(() => discovery.discover(0, {})).toThrow(/markets.compute must be given/);
    discovery.discover(DEFAULT_SLOT_US, { compute: { capacityQuantity: 1n, requests: [] } });
    expect(() => discovery.discover(0, { compute: { capacityQuantity: 1n, requests: [] } })).toThrow(/slotStartUs must be > the last slot's 900000000, got 0/);
    expect(() => new PriceDiscovery({ mode: 'utilisation', referenceMicroUsdPerLotSlot: {}, slotUs: DEFAULT_SLOT_US })).toThrow(/referenceMicroUsdPerLotSlot.compute must be given/);
    expect(() => new PriceMatrixRecorder(['compute', 'compute'], 1)).toThrow(/resources\[1\] must be unique/);
    expect(() => new PriceDiscovery({ mode: 'spot' as never, referenceMicroUsdPerLotSlot: reference, slotUs: 1 })).toThrow(/mode must be/);
  });
});
