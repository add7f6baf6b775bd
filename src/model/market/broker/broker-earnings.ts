// What the devices' work earns the broker in one slot, as exact value in fine units (VALUE_PER_SAT
// to a sat), device by device: at a hashprice (sat per TH/s per day, domain-facts §2.7, fixed or
// read each slot) or split from whatever whole sat a payout callback says the slot paid. Value is
// not money yet: the books (broker-books.ts) turn it into whole sat.
import { shown } from '../../ledger/exact.js';
import { ratioToNumber } from '../../ledger/ratio.js';
import { splitByWeights } from '../../ledger/split.js';
import { HS_PER_THS, S_PER_DAY, US_PER_S } from '../../units.js';

export interface EarningsSlot {
  readonly slotIndex: number;
  readonly startUs: number;
  readonly endUs: number;
  /** Hashes the devices did in the slot. */
  readonly hashes: number;
}

export type BrokerEarnings =
  | { readonly kind: 'hashprice'; readonly hashpriceSatPerThDay: number | ((slot: EarningsSlot) => number) }
  | { readonly kind: 'payout'; readonly payoutSat: (slot: EarningsSlot) => bigint };

/**
 * 63.47 sat per TH/s per day: the §2.7 worked example (D = 1e14, 3.125 BTC subsidy, 0.03 BTC fees).
 * At that price SHA-256d phones earn next to nothing (2 MH/s for 3 h a day ≈ 1.6e-5 sat/day).
 */
export const DEFAULT_BROKER_EARNINGS: BrokerEarnings = Object.freeze({ kind: 'hashprice', hashpriceSatPerThDay: 63.47 });

/** sat = hash·µs · price / (10^12 H/s per TH/s · 86 400 s · 10^6 µs/s). */
const HASH_MICROS_PER_TH_DAY = BigInt(HS_PER_THS) * BigInt(S_PER_DAY) * BigInt(US_PER_S);
/**
 * A hashprice is taken to the picosat per TH/s per day (a relative 2e-14 at today's ~50 sat), so
 * work × price is an exact bigint and value adds without rounding, however small each slot's share.
 */
const PICOSAT_PER_SAT = 1_000_000_000_000;
/** Fine value units in one sat: a hash·µs at one picosat per TH/s per day is worth 1. */
export const VALUE_PER_SAT = HASH_MICROS_PER_TH_DAY * BigInt(PICOSAT_PER_SAT);

/** Fine value units → sat, as the nearest double (for KPIs and series; the books stay exact). */
export function valueToSat(value: bigint): number {
  return ratioToNumber({ num: value, den: VALUE_PER_SAT });
}

export interface SlotValues {
  /** Value of each device's work, in the order given; Σ + unattributed = the slot's value. */
  readonly values: bigint[];
  /** Value no device's work accounts for (a payout callback paying for a slot with no work). */
  readonly unattributed: bigint;
}

export function checkEarnings(earnings: BrokerEarnings): void {
  const ok = earnings !== null && typeof earnings === 'object'
    && ((earnings.kind === 'hashprice' && (typeof earnings.hashpriceSatPerThDay === 'function' || typeof earnings.hashpriceSatPerThDay === 'number'))
      || (earnings.kind === 'payout' && typeof earnings.payoutSat === 'function'));
  if (!ok) throw new RangeError(`earnings must be { kind: 'hashprice', hashpriceSatPerThDay } or { kind: 'payout', payoutSat }, got ${shown(earnings)}`);
  if (earnings.kind === 'hashprice' && typeof earnings.hashpriceSatPerThDay === 'number') checkPrice(earnings.hashpriceSatPerThDay);
}

function checkPrice(price: number): number {
  if (typeof price !== 'number' || !(price >= 0) || price === Infinity) throw new RangeError(`hashpriceSatPerThDay must be a finite number ≥ 0, got ${shown(price)}`);
  return price;
}

/** The slot's value per device, given each device's work in hash·µs. */
export function slotValues(earnings: BrokerEarnings, slot: EarningsSlot, work: readonly bigint[]): SlotValues {
  if (earnings.kind === 'hashprice') {
    const given = earnings.hashpriceSatPerThDay;
    const price = checkPrice(typeof given === 'function' ? given(slot) : given);
    const picosat = BigInt(Math.round(price * PICOSAT_PER_SAT));
    return { values: work.map((w) => w * picosat), unattributed: 0n };
  }
  const sat = earnings.payoutSat(slot);
  if (typeof sat !== 'bigint' || sat < 0n) throw new RangeError(`payoutSat must return a bigint ≥ 0n, got ${shown(sat)}`);
  const total = sat * VALUE_PER_SAT;
  if (!work.some((w) => w > 0n)) return { values: work.map(() => 0n), unattributed: total };
  return { values: splitByWeights(total, work), unattributed: 0n };
}
