// The colo's list price for every resource: the cloud street price less a discount, with compute
// and network priced as a fraction of storewidth (DESIGN.md §1 reference: 50 % off, 0.25 split evenly).
import { divRoundHalfEven } from '../ledger/exact.js';
import { BPS_PER_WHOLE_N, checkBps, checkPositiveBigint } from './_check.js';
import { cloudBaseline, volumeStreetPriceMicroUsdPerMonth, type CloudBaselineId, type StorageVolume } from './cloud-baselines.js';
import { RESOURCE_IDS, RESOURCES, type ResourceId } from './resources.js';
import { DEFAULT_MONTH_US, DEFAULT_SLOT_US, perSlotFromMonthlyMicroUsd } from './slot-price.js';

/** The storewidth a unit of compute and of network goes with; it prices CU and NU. */
export interface ReferenceBundle extends StorageVolume {
  /** Compute units that go with the bundle (1n: a CU *is* one bundle's compute). */
  readonly computeUnits: bigint;
  readonly networkUnits: bigint;
}

export interface ColoPricingParams {
  readonly baseline: CloudBaselineId;
  /** Colo discount off the street price (reference 50 %). */
  readonly discountBps: number;
  /** Compute + network together, as a share of the bundle's storewidth price (reference 0.25). */
  readonly computeNetworkFractionBps: number;
  /** Compute's part of that fraction; network gets the rest (reference: split evenly). */
  readonly computeShareOfFractionBps: number;
  readonly referenceBundle: ReferenceBundle;
  readonly slotUs: number;
  readonly monthUs: number;
}

/**
 * The reference bundle is §3.8's worked example, 1 TiB (1,024 GB) + 5,000 IOPS, with gp3's free
 * 125 MB/s: one CU and one NU each go with it (an assumption — the reference design gives only the
 * 0.25 ratio, not a node size).
 */
export const DEFAULT_REFERENCE_BUNDLE: ReferenceBundle = { storageGB: 1_024n, iops: 5_000n, throughputMBs: 125n, computeUnits: 1n, networkUnits: 1n };

export const DEFAULT_COLO_PRICING: ColoPricingParams = {
  baseline: 'provisioned-iops',
  discountBps: 5_000,
  computeNetworkFractionBps: 2_500,
  computeShareOfFractionBps: 5_000,
  referenceBundle: DEFAULT_REFERENCE_BUNDLE,
  slotUs: DEFAULT_SLOT_US,
  monthUs: DEFAULT_MONTH_US,
};

export interface ResourceListPrice {
  readonly resource: ResourceId;
  readonly streetMicroUsdPerLotMonth: bigint;
  readonly coloMicroUsdPerLotMonth: bigint;
  /** perSlotFromMonthlyMicroUsd(coloMicroUsdPerLotMonth): half-to-even to whole µUSD. */
  readonly coloMicroUsdPerLotSlot: bigint;
}

export interface ColoPriceList {
  readonly params: ColoPricingParams;
  /** What the cloud would bill for the reference bundle as one volume (free allowances applied). */
  readonly bundleStreetMicroUsdPerMonth: bigint;
  readonly prices: Readonly<Record<ResourceId, ResourceListPrice>>;
}

/**
 * Storewidth is sold per unit at the cloud's *marginal* price (gp3's free 3,000 IOPS / 125 MB/s are
 * per volume and do not carry over to pooled capacity); compute and network per CU/NU at
 * fraction · share · the bundle's volume price / units. Each colo price rounds half-to-even once
 * from the exact street figure: street · (1 − discount) [· fraction · share / units].
 */
export function createColoPriceList(overrides: Partial<ColoPricingParams> = {}): ColoPriceList {
  const params: ColoPricingParams = { ...DEFAULT_COLO_PRICING, ...overrides };
  const discount = checkBps('discountBps', params.discountBps);
  const fraction = checkBps('computeNetworkFractionBps', params.computeNetworkFractionBps);
  const computeShare = checkBps('computeShareOfFractionBps', params.computeShareOfFractionBps);
  checkPositiveBigint('referenceBundle.computeUnits', params.referenceBundle.computeUnits);
  checkPositiveBigint('referenceBundle.networkUnits', params.referenceBundle.networkUnits);
  const baseline = cloudBaseline(params.baseline);
  const bundleStreet = volumeStreetPriceMicroUsdPerMonth(baseline, params.referenceBundle);
  const keep = BPS_PER_WHOLE_N - discount;

  const storewidthStreet: Record<'storage-iops' | 'storage-throughput' | 'storage-capacity', bigint> = {
    'storage-iops': baseline.priceMicroUsdPerIopsMonth * RESOURCES['storage-iops'].lotSize,
    'storage-throughput': baseline.priceMicroUsdPerMbsMonth * RESOURCES['storage-throughput'].lotSize,
    'storage-capacity': baseline.priceMicroUsdPerGbMonth * RESOURCES['storage-capacity'].lotSize,
  };
  // A CU's street price is its part of the bundle's; lots are 1 CU / 1 NU.
  const sharedStreet = (share: bigint, units: bigint) => ({
    street: divRoundHalfEven(bundleStreet * fraction * share, BPS_PER_WHOLE_N * BPS_PER_WHOLE_N * units),
    colo: divRoundHalfEven(bundleStreet * fraction * share * keep, BPS_PER_WHOLE_N ** 3n * units),
  });
  const computeNetwork = {
    compute: sharedStreet(computeShare, params.referenceBundle.computeUnits),
    network: sharedStreet(BPS_PER_WHOLE_N - computeShare, params.referenceBundle.networkUnits),
  };

  const prices = {} as Record<ResourceId, ResourceListPrice>;
  for (const resource of RESOURCE_IDS) {
    const { street, colo } =
      resource === 'compute' || resource === 'network'
        ? computeNetwork[resource]
        : { street: storewidthStreet[resource], colo: divRoundHalfEven(storewidthStreet[resource] * keep, BPS_PER_WHOLE_N) };
    prices[resource] = {
      resource,
      streetMicroUsdPerLotMonth: street,
      coloMicroUsdPerLotMonth: colo,
      coloMicroUsdPerLotSlot: perSlotFromMonthlyMicroUsd(colo, params.slotUs, params.monthUs),
    };
  }
  return { params, bundleStreetMicroUsdPerMonth: bundleStreet, prices };
}

/** The colo's per-slot list price of every resource (the reference for price discovery). */
export function listPricesPerSlot(list: ColoPriceList): Record<ResourceId, bigint> {
  const out = {} as Record<ResourceId, bigint>;
  for (const resource of RESOURCE_IDS) out[resource] = list.prices[resource].coloMicroUsdPerLotSlot;
  return out;
}
