// Third-party capacity to burst to when local nodes are full: CPU and GPU cloud instances (prices
// from domain-facts §3.7) and an ASIC-class hashrate market, each with its own hashrate per unit,
// so a slower class needs more units for the same work. One billing rule for all: per second with
// a 60 s minimum (EC2 Linux, §3.7).
import type { Algorithm } from '../../hardware/index.js';
import { divCeil, divRoundHalfEven } from '../../ledger/exact.js';
import { ratioFromNumber } from '../../ledger/ratio.js';
import { US_PER_HOUR, US_PER_S } from '../../units.js';
import { checkId, checkPositive, checkUs, shown } from '../_check.js';
import { checkAlgorithm, HASHRATE_QUANTUM_HS } from './hashrate-units.js';

export type BurstClass = 'cpu' | 'gpu' | 'asic';

export interface BurstOffer {
  readonly id: string;
  readonly class: BurstClass;
  readonly algorithm: Algorithm;
  /** What one unit (an instance, or one TH/s on a hashrate market) delivers. */
  readonly hashrateHsPerUnit: number;
  readonly priceMicroUsdPerUnitHour: bigint;
  /** Availability: units the provider can supply at once (a quota, a market's depth); undefined: no limit. */
  readonly maxUnits?: bigint;
  readonly source: string;
}

/** EC2 bills Linux instances per second with a 60 s minimum [S] (domain-facts §3.7). */
export const DEFAULT_MIN_BILLED_US = 60 * US_PER_S;

const MHS = 1e6;
const GHS = 1e9;

/**
 * Prices [S] from §3.7; hashrates are assumptions [D]: Ethash is memory-bound, so GPU rates are the
 * 3060 Ti's 60 MH/s at 448 GB/s (§3.2) scaled by memory bandwidth (A10G 600 GB/s → 80, RTX 3090
 * 936 GB/s → 125); SHA-256d on GPUs is an order-of-magnitude figure; the CPU does ~10 MH/s a core
 * like the catalogue's CPU server. The ASIC-class offer is hashprice — 63.47 sat/TH/day (§2.7 worked
 * example) at an assumed $100,000/BTC — plus a 3 % buyer fee (NiceHash, §1.1): 65,374 µUSD/TH/day.
 */
export const DEFAULT_BURST_OFFERS: readonly BurstOffer[] = Object.freeze([
  { id: 'aws-m7g-large', class: 'cpu', algorithm: 'sha256d', hashrateHsPerUnit: 20 * MHS, priceMicroUsdPerUnitHour: 81_600n,
    source: '[S] $0.0816/h on-demand (§3.7, factualminds.com); [D] 2 vCPU × 10 MH/s SHA-256d' },
  { id: 'aws-g5-xlarge-sha256d', class: 'gpu', algorithm: 'sha256d', hashrateHsPerUnit: 3 * GHS, priceMicroUsdPerUnitHour: 1_006_000n,
    source: '[S] $1.006/h on-demand 1×A10G (§3.7); [D] ~3 GH/s SHA-256d' },
  { id: 'aws-g5-xlarge-ethash', class: 'gpu', algorithm: 'ethash', hashrateHsPerUnit: 80 * MHS, priceMicroUsdPerUnitHour: 1_006_000n,
    source: '[S] $1.006/h on-demand 1×A10G (§3.7); [D] 80 MH/s, 3060 Ti scaled by memory bandwidth' },
  { id: 'vast-rtx3090-sha256d', class: 'gpu', algorithm: 'sha256d', hashrateHsPerUnit: 5 * GHS, priceMicroUsdPerUnitHour: 180_000n,
    source: '[S] Vast.ai RTX 3090 from $0.18/h (§3.7, fairlane.systems); [D] ~5 GH/s SHA-256d' },
  { id: 'vast-rtx3090-ethash', class: 'gpu', algorithm: 'ethash', hashrateHsPerUnit: 125 * MHS, priceMicroUsdPerUnitHour: 180_000n,
    source: '[S] Vast.ai RTX 3090 from $0.18/h (§3.7); [D] 125 MH/s, 3060 Ti scaled by memory bandwidth' },
  { id: 'hashrate-market-asic', class: 'asic', algorithm: 'sha256d', hashrateHsPerUnit: 1e12, priceMicroUsdPerUnitHour: 2_724n,
    source: '[D] hashprice 63.47 sat/TH/day (§2.7) at $100k/BTC + 3 % buyer fee (§1.1) = 65,374 µUSD/TH/day ÷ 24, per TH/s·h' },
] as BurstOffer[]);

export function checkBurstOffer(offer: BurstOffer, path = 'offer'): void {
  checkId(`${path}.id`, offer.id);
  if (offer.class !== 'cpu' && offer.class !== 'gpu' && offer.class !== 'asic') throw new RangeError(`${path}.class must be 'cpu', 'gpu' or 'asic', got ${shown(offer.class)}`);
  checkAlgorithm(`${path}.algorithm`, offer.algorithm);
  checkPositive(`${path}.hashrateHsPerUnit`, offer.hashrateHsPerUnit);
  if (typeof offer.priceMicroUsdPerUnitHour !== 'bigint' || offer.priceMicroUsdPerUnitHour < 0n) {
    throw new RangeError(`${path}.priceMicroUsdPerUnitHour must be a bigint ≥ 0n, got ${shown(offer.priceMicroUsdPerUnitHour)}`);
  }
  if (offer.maxUnits !== undefined && (typeof offer.maxUnits !== 'bigint' || offer.maxUnits < 0n)) {
    throw new RangeError(`${path}.maxUnits must be a bigint ≥ 0n or undefined, got ${shown(offer.maxUnits)}`);
  }
}

/** Whole units needed for `quanta` of the offer's algorithm: ⌈hashrate / per-unit hashrate⌉, exact. */
export function burstUnits(offer: BurstOffer, quanta: bigint): bigint {
  const perUnit = ratioFromNumber(offer.hashrateHsPerUnit);
  return divCeil(quanta * BigInt(HASHRATE_QUANTUM_HS[offer.algorithm]) * perUnit.den, perUnit.num);
}

/** What the units cost per hour. */
export function burstHourlyMicroUsd(offer: BurstOffer, quanta: bigint): bigint {
  return burstUnits(offer, quanta) * offer.priceMicroUsdPerUnitHour;
}

/** Units · price · max(duration, minimum) / 1 h, half-to-even. */
export function burstCostMicroUsd(offer: BurstOffer, quanta: bigint, durationUs: number, minBilledUs: number = DEFAULT_MIN_BILLED_US): bigint {
  checkUs('durationUs', durationUs);
  checkUs('minBilledUs', minBilledUs);
  const billedUs = BigInt(Math.max(durationUs, minBilledUs));
  return divRoundHalfEven(burstHourlyMicroUsd(offer, quanta) * billedUs, BigInt(US_PER_HOUR));
}

/**
 * The cheapest offer for the algorithm by hourly cost of the units needed (ties: list order), among
 * those with that many units still available (unitsInUse: offer id → units rented now). With one
 * billing rule for all offers, the cheapest per hour is the cheapest for any stay, so raising an
 * offer's price can never lower what this burst costs.
 */
export function chooseBurstOffer(
  offers: readonly BurstOffer[], algorithm: Algorithm, quanta: bigint, unitsInUse: ReadonlyMap<string, bigint> = new Map(),
): BurstOffer | undefined {
  let best: BurstOffer | undefined;
  let bestHourly = 0n;
  for (const offer of offers) {
    if (offer.algorithm !== algorithm) continue;
    if (offer.maxUnits !== undefined && (unitsInUse.get(offer.id) ?? 0n) + burstUnits(offer, quanta) > offer.maxUnits) continue;
    const hourly = burstHourlyMicroUsd(offer, quanta);
    if (best === undefined || hourly < bestHourly) {
      best = offer;
      bestHourly = hourly;
    }
  }
  return best;
}
