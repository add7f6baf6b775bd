// What K seeded runs say about a quote: the buyer's mining revenue per seed (exact µUSD), its P10 /
// P50 / P90, and the coin price at which the expected revenue pays the quoted total.
import { divRoundHalfEven } from '../../model/ledger/exact.js';
import { usdToMicroUsd } from '../../model/units.js';
import type { QuoteInputs } from './inputs.js';
import { meanOf, percentileOf } from './percentiles.js';
import type { QuotePrice, QuotePriceGrid } from './price.js';

export interface QuoteRun {
  readonly seed: number;
  /** The run's result digest: the same seed gives the same digest in node and in any browser. */
  readonly digest: string;
  readonly earnedSat: bigint;
  readonly revenueMicroUsd: bigint;
  readonly blocksFound: number;
}

export interface QuoteSpread {
  readonly p10: bigint;
  readonly p50: bigint;
  readonly p90: bigint;
  readonly mean: bigint;
}

export interface QuoteSummary {
  /** The buyer's mining revenue over the contract (pool credits valued at each slot's coin price). */
  readonly revenueMicroUsd: QuoteSpread;
  /** Revenue − the quoted total, seed by seed: what the buyer keeps (negative: loses). */
  readonly buyerNetMicroUsd: QuoteSpread;
  /**
   * The starting coin price at which the mean revenue equals the quoted total. Revenue in US$ scales
   * with the starting price (a fixed price, or a GBM path, which is multiplicative), and the coin
   * earned does not depend on it. Null when the runs earned nothing (a SOLO miner finding no block).
   */
  readonly breakEvenCoinPriceMicroUsd: bigint | null;
}

export interface Quote {
  readonly inputs: QuoteInputs;
  /** The hash part of the page URL that reproduces this quote (link.ts). */
  readonly link: string;
  readonly price: QuotePrice;
  readonly priceGrid: QuotePriceGrid;
  readonly runs: readonly QuoteRun[];
  readonly summary: QuoteSummary;
}

/** What a quote keeps of each run: its digest and KPIs (a sweep job's answer, small enough to cross workers). */
export type QuoteRunResult = { digest: string; kpis: Record<string, number> };

/**
 * One seed's run → the buyer's revenue: the pool credits of the fleet valued at each slot's coin
 * price, as the twin's `fleetEarnedUsd` KPI gives them to the cent, read exactly into µUSD.
 */
export function quoteRunOf(seed: number, result: QuoteRunResult): QuoteRun {
  return {
    seed,
    digest: result.digest,
    earnedSat: BigInt(result.kpis.fleetEarnedSat),
    revenueMicroUsd: usdToMicroUsd(result.kpis.fleetEarnedUsd),
    blocksFound: result.kpis.fleetBlocksFound,
  };
}

function spreadOf(amounts: readonly bigint[]): QuoteSpread {
  return { p10: percentileOf(amounts, 10), p50: percentileOf(amounts, 50), p90: percentileOf(amounts, 90), mean: meanOf(amounts) };
}

export function summarizeQuote(price: QuotePrice, runs: readonly QuoteRun[]): QuoteSummary {
  const revenues = runs.map((r) => r.revenueMicroUsd);
  const revenue = spreadOf(revenues);
  return {
    revenueMicroUsd: revenue,
    buyerNetMicroUsd: spreadOf(revenues.map((r) => r - price.totalMicroUsd)),
    breakEvenCoinPriceMicroUsd: revenue.mean > 0n ? divRoundHalfEven(price.coinPriceMicroUsd * price.totalMicroUsd, revenue.mean) : null,
  };
}
