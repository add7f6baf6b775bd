// Street prices of block storage from a selectable cloud baseline: AWS EBS io1/io2 (provisioned
// IOPS) or gp3 (general purpose), us-east-1 list prices (domain-facts §3.8).
import { checkNonNegativeBigint } from './_check.js';
import { shown } from '../ledger/exact.js';

export const CLOUD_BASELINES = ['provisioned-iops', 'general-purpose'] as const;
export type CloudBaselineId = (typeof CLOUD_BASELINES)[number];

/** A storage price list in the cloud's own units, monthly, exact micro-dollars. */
export interface CloudBaseline {
  readonly id: CloudBaselineId;
  readonly priceMicroUsdPerGbMonth: bigint;
  readonly priceMicroUsdPerIopsMonth: bigint;
  /** Per MB/s-month above the included throughput; 0n where throughput is not billed. */
  readonly priceMicroUsdPerMbsMonth: bigint;
  /** IOPS and MB/s every volume gets free (gp3: 3,000 and 125). */
  readonly includedIopsPerVolume: bigint;
  readonly includedThroughputMBsPerVolume: bigint;
  readonly source: string;
}

/**
 * io1/io2 us-east-1: $0.125/GB-month, $0.065 per provisioned IOPS-month (first tier; io2 is cheaper
 * above 32,000 IOPS — not modelled). Throughput is not billed on io1/io2 (it comes with the IOPS),
 * so its price is 0n: the colo's GB/s is free under this baseline unless a scenario prices it.
 * These are exactly the reference design's "$65 per 1,000 IOPS and $125 per TB" (§3.8 verdict).
 */
export const PROVISIONED_IOPS_BASELINE: CloudBaseline = {
  id: 'provisioned-iops',
  priceMicroUsdPerGbMonth: 125_000n,
  priceMicroUsdPerIopsMonth: 65_000n,
  priceMicroUsdPerMbsMonth: 0n,
  includedIopsPerVolume: 0n,
  includedThroughputMBsPerVolume: 0n,
  source: 'domain-facts §3.8: AWS EBS io1/io2 us-east-1 [O aws/agent-toolkit-for-aws ebs-optimization.md; S c3x.dev]',
};

/**
 * gp3 us-east-1: $0.08/GB-month with 3,000 IOPS and 125 MB/s included per volume; $0.005 per extra
 * IOPS-month; $0.04 per extra MB/s-month (AWS list price as quoted by saisci.com "gp2 vs gp3 Cost
 * Comparison", N. Virginia — not in domain-facts §3.8, which gives only the free 125 MB/s).
 */
export const GENERAL_PURPOSE_BASELINE: CloudBaseline = {
  id: 'general-purpose',
  priceMicroUsdPerGbMonth: 80_000n,
  priceMicroUsdPerIopsMonth: 5_000n,
  priceMicroUsdPerMbsMonth: 40_000n,
  includedIopsPerVolume: 3_000n,
  includedThroughputMBsPerVolume: 125n,
  source: 'domain-facts §3.8: AWS EBS gp3 us-east-1 [O same AWS file; S c3x.dev]; throughput [S saisci.com]',
};

export function cloudBaseline(id: CloudBaselineId): CloudBaseline {
  if (id === 'provisioned-iops') return PROVISIONED_IOPS_BASELINE;
  if (id === 'general-purpose') return GENERAL_PURPOSE_BASELINE;
  throw new RangeError(`baseline must be one of ${CLOUD_BASELINES.join(', ')}, got ${shown(id)}`);
}

/** One provisioned volume (or a bundle priced as one). */
export interface StorageVolume {
  readonly storageGB: bigint;
  readonly iops: bigint;
  readonly throughputMBs: bigint;
}

const positivePart = (x: bigint): bigint => (x > 0n ? x : 0n);

/**
 * What the cloud bills for one volume for a month, exact: GB·price + IOPS and MB/s above the free
 * allowance · their prices. 1 TiB (1,024 GB) + 5,000 IOPS → gp3 $91.92, io2 $453.00 — the §3.8
 * worked example's "≈ $92 vs ≈ $453".
 */
export function volumeStreetPriceMicroUsdPerMonth(baseline: CloudBaseline, volume: StorageVolume): bigint {
  checkNonNegativeBigint('volume.storageGB', volume.storageGB);
  checkNonNegativeBigint('volume.iops', volume.iops);
  checkNonNegativeBigint('volume.throughputMBs', volume.throughputMBs);
  return (
    volume.storageGB * baseline.priceMicroUsdPerGbMonth +
    positivePart(volume.iops - baseline.includedIopsPerVolume) * baseline.priceMicroUsdPerIopsMonth +
    positivePart(volume.throughputMBs - baseline.includedThroughputMBsPerVolume) * baseline.priceMicroUsdPerMbsMonth
  );
}
