// Hashrate rental price per TH/s per day, set against hashprice: cost-plus (power and hosting cost
// plus a markup) or hashprice-minus-discount (the market's expected revenue less an edge for the
// renter) — DESIGN.md §1; hashprice as in network/hashprice.ts (domain-facts §2.7).
import { divRoundHalfEven, shown } from '../ledger/exact.js';
import { ratioFromNumber } from '../ledger/ratio.js';
import { US_PER_DAY } from '../units.js';
import { BPS_PER_WHOLE_N, checkAtUs, checkBps, checkNonNegativeBigint } from './_check.js';

export interface CostInput {
  /** J/TH = W per TH/s (S21: 17.5, domain-facts §3.1). */
  readonly efficiencyJPerTh: number;
  readonly electricityMicroUsdPerKWh: bigint;
  /** Everything else per TH/s per day: colo resources, hosting, hardware amortisation. */
  readonly otherCostMicroUsdPerThDay: bigint;
}

const WH_PER_KWH = 1_000n;
const HOURS_PER_DAY = 24n;

/** Power cost (J/TH · 24 h · price / 1000, exact, half-to-even) plus the other costs. */
export function costMicroUsdPerThDay(input: CostInput): bigint {
  if (!Number.isFinite(input.efficiencyJPerTh) || input.efficiencyJPerTh < 0) {
    throw new RangeError(`efficiencyJPerTh must be a finite number ≥ 0, got ${shown(input.efficiencyJPerTh)}`);
  }
  checkNonNegativeBigint('electricityMicroUsdPerKWh', input.electricityMicroUsdPerKWh);
  checkNonNegativeBigint('otherCostMicroUsdPerThDay', input.otherCostMicroUsdPerThDay);
  const jPerTh = ratioFromNumber(input.efficiencyJPerTh);
  const power = divRoundHalfEven(jPerTh.num * HOURS_PER_DAY * input.electricityMicroUsdPerKWh, jPerTh.den * WH_PER_KWH);
  return power + input.otherCostMicroUsdPerThDay;
}

/** cost · (1 + markup), half-to-even. */
export function costPlusPriceMicroUsdPerThDay(costMicroUsdPerThDay: bigint, markupBps: number): bigint {
  checkNonNegativeBigint('costMicroUsdPerThDay', costMicroUsdPerThDay);
  const markup = checkBps('markupBps', markupBps, 1_000_000);
  return divRoundHalfEven(costMicroUsdPerThDay * (BPS_PER_WHOLE_N + markup), BPS_PER_WHOLE_N);
}

/** hashprice · (1 − discount), half-to-even. */
export function hashpriceMinusPriceMicroUsdPerThDay(hashpriceMicroUsdPerThDay: bigint, discountBps: number): bigint {
  checkNonNegativeBigint('hashpriceMicroUsdPerThDay', hashpriceMicroUsdPerThDay);
  const discount = checkBps('discountBps', discountBps);
  return divRoundHalfEven(hashpriceMicroUsdPerThDay * (BPS_PER_WHOLE_N - discount), BPS_PER_WHOLE_N);
}

/** 'higher': the market price, but never under cost-plus (the seller walks away below it). */
export type RentalPricingPolicy = 'cost-plus' | 'hashprice-minus' | 'higher';

export interface RentalQuoteInput extends CostInput {
  readonly policy: RentalPricingPolicy;
  readonly hashpriceMicroUsdPerThDay: bigint;
  readonly markupBps?: number;
  readonly hashpriceDiscountBps?: number;
}

/** Markup 20 %, discount 5 % under hashprice: assumptions (rental sites charge ~3 % fees, §3.5). */
export const DEFAULT_MARKUP_BPS = 2_000;
export const DEFAULT_HASHPRICE_DISCOUNT_BPS = 500;

export interface RentalQuote {
  readonly policy: RentalPricingPolicy;
  readonly priceMicroUsdPerThDay: bigint;
  readonly costMicroUsdPerThDay: bigint;
  readonly costPlusMicroUsdPerThDay: bigint;
  readonly hashpriceMinusMicroUsdPerThDay: bigint;
  /** price − cost: negative when the seller loses money on every TH/s rented. */
  readonly sellerMarginMicroUsdPerThDay: bigint;
  /** hashprice − price: the renter's expected gain; negative when renting loses on expectation. */
  readonly renterEdgeMicroUsdPerThDay: bigint;
}

export function quoteRentalPrice(input: RentalQuoteInput): RentalQuote {
  if (input.policy !== 'cost-plus' && input.policy !== 'hashprice-minus' && input.policy !== 'higher') {
    throw new RangeError(`policy must be 'cost-plus', 'hashprice-minus' or 'higher', got ${shown(input.policy)}`);
  }
  const cost = costMicroUsdPerThDay(input);
  const costPlus = costPlusPriceMicroUsdPerThDay(cost, input.markupBps ?? DEFAULT_MARKUP_BPS);
  const hashpriceMinus = hashpriceMinusPriceMicroUsdPerThDay(input.hashpriceMicroUsdPerThDay, input.hashpriceDiscountBps ?? DEFAULT_HASHPRICE_DISCOUNT_BPS);
  const price = input.policy === 'cost-plus' ? costPlus : input.policy === 'hashprice-minus' ? hashpriceMinus : costPlus > hashpriceMinus ? costPlus : hashpriceMinus;
  return {
    policy: input.policy,
    priceMicroUsdPerThDay: price,
    costMicroUsdPerThDay: cost,
    costPlusMicroUsdPerThDay: costPlus,
    hashpriceMinusMicroUsdPerThDay: hashpriceMinus,
    sellerMarginMicroUsdPerThDay: price - cost,
    renterEdgeMicroUsdPerThDay: input.hashpriceMicroUsdPerThDay - price,
  };
}

/** What renting hashrateThs for durationUs costs at a daily price: exact, half-to-even once. */
export function rentalChargeMicroUsd(priceMicroUsdPerThDay: bigint, hashrateThs: number, durationUs: number): bigint {
  checkNonNegativeBigint('priceMicroUsdPerThDay', priceMicroUsdPerThDay);
  if (!Number.isFinite(hashrateThs) || hashrateThs < 0) throw new RangeError(`hashrateThs must be a finite number ≥ 0, got ${shown(hashrateThs)}`);
  checkAtUs('durationUs', durationUs);
  const ths = ratioFromNumber(hashrateThs);
  return divRoundHalfEven(priceMicroUsdPerThDay * ths.num * BigInt(durationUs), ths.den * BigInt(US_PER_DAY));
}
