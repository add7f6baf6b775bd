// A quote's price from the pricing model (model/pricing/rental-price.ts): the market price against
// hashprice, never below cost plus markup ('higher'), per TH/s per day and for the whole contract,
// in exact micro-dollars; and the price heat map over power price × coin price.
import { divRoundHalfEven } from '../../model/ledger/exact.js';
import { efficiencyJPerTh } from '../../model/hardware/index.js';
import { equilibriumDifficulty, getBlockSubsidy, hashpriceMicroUsdPerThDay } from '../../model/network/index.js';
import { quoteRentalPrice, rentalChargeMicroUsd, type RentalPricingPolicy } from '../../model/pricing/index.js';
import { btcToSat, decimalToScaled, HS_PER_EHS, US_PER_DAY, usdToMicroUsd } from '../../model/units.js';
import type { Scenario } from '../schema.js';
import { quoteModel, type QuoteInputs } from './inputs.js';
import { sitePreset } from './sites.js';

/** The market price, but never under cost-plus: a seller quotes what the market pays and walks away below cost. */
export const QUOTE_POLICY: RentalPricingPolicy = 'higher';
const PUE_DECIMALS = 4;
const PUE_SCALE = 10n ** BigInt(PUE_DECIMALS);

export interface QuotePrice {
  readonly policy: RentalPricingPolicy;
  /** The coin price at the start of the runs (the hashprice's price). */
  readonly coinPriceMicroUsd: bigint;
  readonly hashpriceMicroUsdPerTHsDay: bigint;
  /** Power at the meter × PUE: what one kWh of IT load costs the site. */
  readonly itPowerMicroUsdPerKWh: bigint;
  readonly efficiencyJPerTh: number;
  readonly costMicroUsdPerTHsDay: bigint;
  readonly priceMicroUsdPerTHsDay: bigint;
  /** The whole contract: price · TH/s · days, rounded half-to-even once. */
  readonly totalMicroUsd: bigint;
  readonly sellerMarginMicroUsdPerTHsDay: bigint;
  readonly sellerMarginTotalMicroUsd: bigint;
}

/** The coin price the scenario starts from, whatever its price model. */
export function startCoinPriceUsd(scenario: Scenario): number {
  const price = scenario.network.price;
  return price.model === 'table' ? price.points[0].usd : price.usd;
}

/** Hashprice at the scenario's start (difficulty, subsidy, average fees) at a coin price, to whole µUSD. */
function hashpriceAt(scenario: Scenario, coinPriceMicroUsd: bigint): bigint {
  const network = scenario.network;
  // A float estimate of a rate (not an amount): rounded once; IEEE doubles make it the same on every engine.
  return BigInt(Math.round(hashpriceMicroUsdPerThDay({
    subsidySat: getBlockSubsidy(network.blockHeight),
    avgFeesSat: btcToSat(network.feesPerBlockBTC),
    difficulty: network.difficulty ?? equilibriumDifficulty(network.hashrateEHs * HS_PER_EHS),
    priceMicroUsdPerBtc: coinPriceMicroUsd,
  })));
}

function itPowerMicroUsdPerKWh(powerMicroUsdPerKWh: bigint, pue: number): bigint {
  return divRoundHalfEven(powerMicroUsdPerKWh * decimalToScaled(pue, PUE_DECIMALS), PUE_SCALE);
}

function priceAt(inputs: QuoteInputs, scenario: Scenario, powerMicroUsdPerKWh: bigint, coinPriceMicroUsd: bigint) {
  const hashprice = hashpriceAt(scenario, coinPriceMicroUsd);
  const itPower = itPowerMicroUsdPerKWh(powerMicroUsdPerKWh, inputs.pue);
  const efficiency = efficiencyJPerTh(quoteModel(inputs));
  const rental = quoteRentalPrice({
    policy: QUOTE_POLICY,
    hashpriceMicroUsdPerThDay: hashprice,
    efficiencyJPerTh: efficiency,
    electricityMicroUsdPerKWh: itPower,
    otherCostMicroUsdPerThDay: usdToMicroUsd(sitePreset(inputs.site).otherCostUsdPerTHsDay),
  });
  return { hashprice, itPower, efficiency, rental };
}

export function quotePrice(inputs: QuoteInputs, scenario: Scenario): QuotePrice {
  const coinPriceMicroUsd = usdToMicroUsd(startCoinPriceUsd(scenario));
  const { hashprice, itPower, efficiency, rental } = priceAt(inputs, scenario, usdToMicroUsd(inputs.powerUsdPerKWh), coinPriceMicroUsd);
  const durationUs = inputs.days * US_PER_DAY;
  const totalMicroUsd = rentalChargeMicroUsd(rental.priceMicroUsdPerThDay, inputs.hashrateTHs, durationUs);
  return {
    policy: QUOTE_POLICY,
    coinPriceMicroUsd,
    hashpriceMicroUsdPerTHsDay: hashprice,
    itPowerMicroUsdPerKWh: itPower,
    efficiencyJPerTh: efficiency,
    costMicroUsdPerTHsDay: rental.costMicroUsdPerThDay,
    priceMicroUsdPerTHsDay: rental.priceMicroUsdPerThDay,
    totalMicroUsd,
    sellerMarginMicroUsdPerTHsDay: rental.sellerMarginMicroUsdPerThDay,
    // Margin on the contract = total − cost of the same TH/s·days, each rounded once like the total.
    sellerMarginTotalMicroUsd: totalMicroUsd - rentalChargeMicroUsd(rental.costMicroUsdPerThDay, inputs.hashrateTHs, durationUs),
  };
}

/** A what-if grid: values[y][x] is the price per TH/s per day (US$) at xValues[x] and yValues[y]. */
export interface QuotePriceGrid {
  readonly xLabel: string;
  readonly yLabel: string;
  readonly xValues: number[];
  readonly yValues: number[];
  readonly kpi: string;
  readonly values: number[][];
  /** The quote's own cell: xValues[atX] is its power price, yValues[atY] its coin price. */
  readonly atX: number;
  readonly atY: number;
}

/** Grid steps as multiples of the quote's own figure: ½× … 2× power, ½× … 1½× coin price. */
const POWER_STEPS_QUARTERS = [2, 3, 4, 5, 6, 7, 8];
const COIN_STEPS_QUARTERS = [2, 3, 4, 5, 6];

/** The price per TH/s per day over power price (x) × coin price (y), around the quote's own figures. */
export function quotePriceGrid(inputs: QuoteInputs, scenario: Scenario): QuotePriceGrid {
  const power = usdToMicroUsd(inputs.powerUsdPerKWh);
  const coin = usdToMicroUsd(startCoinPriceUsd(scenario));
  const powers = POWER_STEPS_QUARTERS.map((q) => divRoundHalfEven(power * BigInt(q), 4n));
  const coins = COIN_STEPS_QUARTERS.map((q) => divRoundHalfEven(coin * BigInt(q), 4n));
  return {
    xLabel: 'power price (US$/kWh)',
    yLabel: 'coin price (US$)',
    xValues: powers.map((p) => Number(p) / 1e6),
    yValues: coins.map((c) => Number(c) / 1e6),
    kpi: 'price (US$ per TH/s per day)',
    values: coins.map((c) => powers.map((p) => Number(priceAt(inputs, scenario, p, c).rental.priceMicroUsdPerThDay) / 1e6)),
    atX: POWER_STEPS_QUARTERS.indexOf(4),
    atY: COIN_STEPS_QUARTERS.indexOf(4),
  };
}
