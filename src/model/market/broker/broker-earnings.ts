// What the devices' work earns the broker, in whole sat: either its expected value at a hashprice
// (sat per TH/s per day, domain-facts §2.7 — exact, with the fraction of a sat carried forward so
// nothing is lost to rounding however small each slot's share) or whatever a payout callback says.
import { divFloor, shown } from '../../ledger/exact.js';
import { ratioFromNumber } from '../../ledger/ratio.js';
import { HS_PER_THS, S_PER_DAY, US_PER_S } from '../../units.js';
import { checkNonNegative } from '../_check.js';

export interface EarningsSlot {
  readonly slotIndex: number;
  readonly startUs: number;
  readonly endUs: number;
  /** Hashes the devices did in the slot. */
  readonly hashes: number;
}

export type BrokerEarnings =
  | { readonly kind: 'hashprice'; readonly hashpriceSatPerThDay: number }
  | { readonly kind: 'payout'; readonly payoutSat: (slot: EarningsSlot) => bigint };

/**
 * 63.47 sat per TH/s per day: the §2.7 worked example (D = 1e14, 3.125 BTC subsidy, 0.03 BTC fees).
 * At that price SHA-256d phones earn next to nothing (2 MH/s for 3 h a day ≈ 1.6e-5 sat/day);
 * a broker on a CPU-friendly coin passes its own hashprice or a payout callback.
 */
export const DEFAULT_BROKER_EARNINGS: BrokerEarnings = Object.freeze({ kind: 'hashprice', hashpriceSatPerThDay: 63.47 });

/** sat = hash·µs · price / (10^12 H/s per TH/s · 86 400 s · 10^6 µs/s). */
const HASH_MICROS_PER_TH_DAY = BigInt(HS_PER_THS) * BigInt(S_PER_DAY) * BigInt(US_PER_S);

export class EarningsAccrual {
  private cumulativeHashMicros = 0n;
  private bookedSat = 0n;

  constructor(readonly earnings: BrokerEarnings) {
    if (earnings.kind === 'hashprice') checkNonNegative('hashpriceSatPerThDay', earnings.hashpriceSatPerThDay);
    else if (earnings.kind !== 'payout' || typeof earnings.payoutSat !== 'function') {
      throw new RangeError(`earnings must be { kind: 'hashprice', hashpriceSatPerThDay } or { kind: 'payout', payoutSat }, got ${shown(earnings)}`);
    }
  }

  /** Whole sat earned by the slot, given its work in hash·µs (exact). */
  slotEarningsSat(slot: EarningsSlot, hashMicros: bigint): bigint {
    if (this.earnings.kind === 'payout') {
      const sat = this.earnings.payoutSat(slot);
      if (typeof sat !== 'bigint' || sat < 0n) throw new RangeError(`payoutSat must return a bigint ≥ 0n, got ${shown(sat)}`);
      return sat;
    }
    this.cumulativeHashMicros += hashMicros;
    const price = ratioFromNumber(this.earnings.hashpriceSatPerThDay);
    const total = divFloor(this.cumulativeHashMicros * price.num, price.den * HASH_MICROS_PER_TH_DAY);
    const sat = total - this.bookedSat;
    this.bookedSat = total;
    return sat;
  }

  /** The fraction of a sat earned but not yet booked (hashprice mode), for display. */
  get carriedFractionSat(): number {
    if (this.earnings.kind === 'payout') return 0;
    const price = ratioFromNumber(this.earnings.hashpriceSatPerThDay);
    const num = this.cumulativeHashMicros * price.num - this.bookedSat * price.den * HASH_MICROS_PER_TH_DAY;
    return Number(num) / Number(price.den * HASH_MICROS_PER_TH_DAY);
  }
}
