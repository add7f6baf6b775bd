// Hashrate units per algorithm for tenant demand and prices: SHA-256d in TH/s, Ethash in MH/s (the
// units the markets quote, domain-facts §3.1–3.2), and an exact integer grain for capacity sums.
import type { Algorithm } from '../../hardware/index.js';
import { shown } from '../_check.js';

/** Prices are per unit of hashrate per day: µUSD per TH/s·day (sha256d), per MH/s·day (ethash). */
export const HASHRATE_UNIT_HS: Readonly<Record<Algorithm, number>> = Object.freeze({ sha256d: 1e12, ethash: 1e6 });
export const HASHRATE_UNIT_LABEL: Readonly<Record<Algorithm, string>> = Object.freeze({ sha256d: 'TH/s', ethash: 'MH/s' });

/**
 * Capacity is counted in whole quanta (1 GH/s for sha256d, 1 kH/s for ethash) as bigint, so sums and
 * "fits" comparisons are exact however many tenants come and go; demands are rounded to a quantum.
 */
export const HASHRATE_QUANTUM_HS: Readonly<Record<Algorithm, number>> = Object.freeze({ sha256d: 1e9, ethash: 1e3 });

export function checkAlgorithm(argument: string, value: Algorithm): Algorithm {
  if (value !== 'sha256d' && value !== 'ethash') throw new RangeError(`${argument} must be 'sha256d' or 'ethash', got ${shown(value)}`);
  return value;
}

/** hashrateHs in quanta, rounded to nearest (at least one quantum for any positive hashrate). */
export function toQuanta(algorithm: Algorithm, hashrateHs: number): bigint {
  if (!(hashrateHs >= 0) || hashrateHs === Infinity) throw new RangeError(`hashrateHs must be a finite number ≥ 0, got ${shown(hashrateHs)}`);
  const q = Math.round(hashrateHs / HASHRATE_QUANTUM_HS[algorithm]);
  return BigInt(q === 0 && hashrateHs > 0 ? 1 : q);
}

export function fromQuanta(algorithm: Algorithm, quanta: bigint): number {
  return Number(quanta) * HASHRATE_QUANTUM_HS[algorithm];
}

/** Hashrate in the algorithm's price unit (TH/s or MH/s). */
export function inPriceUnits(algorithm: Algorithm, hashrateHs: number): number {
  return hashrateHs / HASHRATE_UNIT_HS[algorithm];
}
