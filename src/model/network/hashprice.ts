// Hashprice: expected revenue of a unit of hashrate per day, (S + F̄)·86400·H / (D·2^32) (Luxor's
// definition, docs.luxor.tech/hashrateindex/hashprice; formula from Rosenfeld 2011 §1.1).
import { divRoundHalfEven, shown } from '../ledger/exact.js';
import { ratioFromNumber } from '../ledger/ratio.js';
import { HS_PER_PHS, HS_PER_THS, S_PER_DAY, SAT_PER_BTC, US_PER_S } from '../units.js';
import { TWO_POW_32 } from './difficulty.js';

export interface HashpriceInput {
  /** Block subsidy in satoshi (getBlockSubsidy). */
  readonly subsidySat: bigint;
  /** Average fees per block in satoshi (Luxor uses a 144-block lagging mean). */
  readonly avgFeesSat: bigint;
  /** Network difficulty D. */
  readonly difficulty: number;
}

function checkInput(input: HashpriceInput): void {
  if (input.subsidySat < 0n) throw new RangeError(`subsidySat must be ≥ 0n, got ${shown(input.subsidySat)}`);
  if (input.avgFeesSat < 0n) throw new RangeError(`avgFeesSat must be ≥ 0n, got ${shown(input.avgFeesSat)}`);
  if (!Number.isFinite(input.difficulty) || input.difficulty <= 0) {
    throw new RangeError(`difficulty must be a finite number > 0, got ${shown(input.difficulty)}`);
  }
}

function satPerHsDay(input: HashpriceInput): number {
  checkInput(input);
  return (Number(input.subsidySat + input.avgFeesSat) * S_PER_DAY) / (input.difficulty * TWO_POW_32);
}

/** Satoshi per TH/s per day (D = 1e14, S = 3.125 BTC, F̄ = 0.03 BTC → ≈ 63.47). */
export function hashpriceSatPerThDay(input: HashpriceInput): number {
  return satPerHsDay(input) * HS_PER_THS;
}

/** Satoshi per PH/s per day (the Hashrate Index unit). */
export function hashpriceSatPerPhDay(input: HashpriceInput): number {
  return satPerHsDay(input) * HS_PER_PHS;
}

/** Micro-dollars per TH/s per day at a BTC price. */
export function hashpriceMicroUsdPerThDay(input: HashpriceInput & { readonly priceMicroUsdPerBtc: bigint }): number {
  if (input.priceMicroUsdPerBtc < 0n) throw new RangeError(`priceMicroUsdPerBtc must be ≥ 0n, got ${shown(input.priceMicroUsdPerBtc)}`);
  return (hashpriceSatPerThDay(input) * Number(input.priceMicroUsdPerBtc)) / Number(SAT_PER_BTC);
}

export interface ExpectedRevenueInput extends HashpriceInput {
  readonly hashrateHs: number;
  readonly durationUs: number;
}

/**
 * Expected satoshi for a hashrate over a duration, (S + F̄)·H·t / (D·2^32), computed exactly from
 * the doubles' binary values and rounded half-to-even once at the end.
 */
export function expectedRevenueSat(input: ExpectedRevenueInput): bigint {
  checkInput(input);
  if (!Number.isFinite(input.hashrateHs) || input.hashrateHs < 0) throw new RangeError(`hashrateHs must be a finite number ≥ 0, got ${shown(input.hashrateHs)}`);
  if (!Number.isSafeInteger(input.durationUs) || input.durationUs < 0) throw new RangeError(`durationUs must be an integer ≥ 0, got ${shown(input.durationUs)}`);
  const h = ratioFromNumber(input.hashrateHs);
  const d = ratioFromNumber(input.difficulty);
  const num = (input.subsidySat + input.avgFeesSat) * h.num * BigInt(input.durationUs) * d.den;
  const den = h.den * d.num * (1n << 32n) * BigInt(US_PER_S);
  return divRoundHalfEven(num, den);
}

/** Hashprice per TH/s per day rounded half-to-even to whole satoshi. */
export function hashpriceSatPerThDayRounded(input: HashpriceInput): bigint {
  return expectedRevenueSat({ ...input, hashrateHs: HS_PER_THS, durationUs: S_PER_DAY * US_PER_S });
}
