// Who arrives: each tenant's algorithm, hashrate demand and stay, drawn from the tenant's own stream
// (so adding a tenant never shifts another's draws). Every default is an assumption [D].
import type { RandomStream } from '../../../engine/index.js';
import type { Algorithm } from '../../hardware/index.js';
import { US_PER_HOUR, US_PER_MIN } from '../../units.js';
import { checkPositive, checkPositiveUs, shown } from '../_check.js';
import { checkAlgorithm } from './hashrate-units.js';

export interface LognormalSpec {
  /** The median, e^mu. */
  readonly median: number;
  /** sigma of the underlying normal. */
  readonly sigma: number;
}

export interface TenantDemandConfig {
  readonly algorithmMix: readonly { readonly algorithm: Algorithm; readonly weight: number }[];
  /** Demand in H/s, per algorithm. */
  readonly demandHs: Readonly<Record<Algorithm, LognormalSpec>>;
  /** Stay in µs. */
  readonly durationUs: LognormalSpec;
  /** Stays are at least this long. */
  readonly minDurationUs: number;
}

/**
 * 70 % SHA-256d tenants wanting a median 200 TH/s (one S21, §3.1), 30 % Ethash wanting a median
 * 360 MH/s (one 6-GPU rig, §3.2), both spread ×e^±1; stays of median 6 h (σ 1, so a long tail of
 * multi-day tenants), at least 1 min — all assumptions [D].
 */
export const DEFAULT_TENANT_DEMAND: TenantDemandConfig = Object.freeze({
  algorithmMix: Object.freeze([{ algorithm: 'sha256d', weight: 0.7 }, { algorithm: 'ethash', weight: 0.3 }]) as TenantDemandConfig['algorithmMix'],
  demandHs: Object.freeze({ sha256d: { median: 200e12, sigma: 1 }, ethash: { median: 360e6, sigma: 1 } }),
  durationUs: Object.freeze({ median: 6 * US_PER_HOUR, sigma: 1 }),
  minDurationUs: US_PER_MIN,
});

export interface TenantSpec {
  readonly id: string;
  readonly algorithm: Algorithm;
  readonly demandHs: number;
  readonly durationUs: number;
}

export function checkDemandConfig(config: TenantDemandConfig): void {
  if (!Array.isArray(config.algorithmMix) || config.algorithmMix.length === 0) {
    throw new RangeError(`algorithmMix must be a non-empty array, got ${shown(config.algorithmMix)}`);
  }
  config.algorithmMix.forEach((m, i) => {
    checkAlgorithm(`algorithmMix[${i}].algorithm`, m.algorithm);
    checkPositive(`algorithmMix[${i}].weight`, m.weight);
  });
  for (const alg of ['sha256d', 'ethash'] as const) {
    checkPositive(`demandHs.${alg}.median`, config.demandHs[alg].median);
    if (!(config.demandHs[alg].sigma >= 0)) throw new RangeError(`demandHs.${alg}.sigma must be ≥ 0, got ${shown(config.demandHs[alg].sigma)}`);
  }
  checkPositive('durationUs.median', config.durationUs.median);
  checkPositiveUs('minDurationUs', config.minDurationUs);
}

/** One tenant; the draws, in order: algorithm, demand, stay. */
export function drawTenant(rng: RandomStream, id: string, config: TenantDemandConfig = DEFAULT_TENANT_DEMAND): TenantSpec {
  const total = config.algorithmMix.reduce((s, m) => s + m.weight, 0);
  let u = rng.uniform() * total;
  let algorithm = config.algorithmMix[config.algorithmMix.length - 1]!.algorithm;
  for (const m of config.algorithmMix) {
    if (u < m.weight) {
      algorithm = m.algorithm;
      break;
    }
    u -= m.weight;
  }
  const demand = config.demandHs[algorithm];
  const demandHs = rng.lognormal(Math.log(demand.median), demand.sigma);
  const durationUs = Math.max(config.minDurationUs, Math.round(rng.lognormal(Math.log(config.durationUs.median), config.durationUs.sigma)));
  return { id, algorithm, demandHs, durationUs };
}
