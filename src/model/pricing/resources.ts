// The colo's resources — compute, network and storewidth (storage IOPS, GB/s, TB) — with the
// integer base unit each quantity is counted in and the lot each price is quoted per (DESIGN.md §1).
import { shown } from '../ledger/exact.js';

/**
 * Quantities are whole base units (bigint); prices are whole micro-dollars per *lot* per slot.
 * A lot is coarse enough that a 15-minute price keeps ≥ 4 significant digits (a per-IOPS slot price
 * would be ~1–23 µUSD and rounding it would move the monthly bill by up to 50 %).
 */
export const RESOURCE_IDS = ['compute', 'network', 'storage-iops', 'storage-throughput', 'storage-capacity'] as const;
export type ResourceId = (typeof RESOURCE_IDS)[number];

export type ResourceGroup = 'compute' | 'network' | 'storewidth';

export interface ResourceSpec {
  readonly id: ResourceId;
  readonly group: ResourceGroup;
  /** What one unit of quantity is. */
  readonly quantityUnit: string;
  /** Base units per priced lot. */
  readonly lotSize: bigint;
  /** The lot in words, for reports ("1,000 IOPS"). */
  readonly lotLabel: string;
}

/**
 * compute / network: a compute (network) unit, CU (NU), is what accompanies one reference
 * storewidth bundle (see colo-price-list.ts) — the reference design prices them only relative to
 * storewidth, so no vCPU or Gbit/s figure is invented here. Quantities are in milli-units.
 * storage-capacity: GB as AWS bills it (binary GiB, labelled "GB" on its price list); a lot is
 * 1,000 GB, the reference design's "TB". storage-throughput: MB/s (AWS: MiB/s); a lot is 1 GB/s.
 */
export const RESOURCES: Readonly<Record<ResourceId, ResourceSpec>> = {
  compute: { id: 'compute', group: 'compute', quantityUnit: 'mCU', lotSize: 1_000n, lotLabel: '1 CU' },
  network: { id: 'network', group: 'network', quantityUnit: 'mNU', lotSize: 1_000n, lotLabel: '1 NU' },
  'storage-iops': { id: 'storage-iops', group: 'storewidth', quantityUnit: 'IOPS', lotSize: 1_000n, lotLabel: '1,000 IOPS' },
  'storage-throughput': { id: 'storage-throughput', group: 'storewidth', quantityUnit: 'MB/s', lotSize: 1_000n, lotLabel: '1 GB/s' },
  'storage-capacity': { id: 'storage-capacity', group: 'storewidth', quantityUnit: 'GB', lotSize: 1_000n, lotLabel: '1 TB (1,000 GB)' },
};

export function isResourceId(value: unknown): value is ResourceId {
  return typeof value === 'string' && (RESOURCE_IDS as readonly string[]).includes(value);
}

export function resourceSpec(id: ResourceId): ResourceSpec {
  if (!isResourceId(id)) throw new RangeError(`resource must be one of ${RESOURCE_IDS.join(', ')}, got ${shown(id)}`);
  return RESOURCES[id];
}
