// A quote as a short text for the terminal (`hashtwin quote`): price, total, the revenue spread,
// the break-even coin price, each seed's digest and the link that reproduces it in the lab.
import type { Quote, QuoteSpread } from '../scenario/quote/index.js';
import { quoteFleet, sitePreset } from '../scenario/quote/index.js';
import { formatMicroUsd } from './money.js';

function spreadLine(spread: QuoteSpread): string {
  return `P10 ${formatMicroUsd(spread.p10)}   P50 ${formatMicroUsd(spread.p50)}   P90 ${formatMicroUsd(spread.p90)}   (mean ${formatMicroUsd(spread.mean)})`;
}

export function quoteText(quote: Quote): string {
  const { inputs, price, summary } = quote;
  const fleet = quoteFleet(inputs);
  const breakEven = summary.breakEvenCoinPriceMicroUsd;
  const rows: [string, string][] = [
    ['price', `${formatMicroUsd(price.priceMicroUsdPerTHsDay, 6)} per TH/s per day   (hashprice ${formatMicroUsd(price.hashpriceMicroUsdPerTHsDay, 6)}, cost ${formatMicroUsd(price.costMicroUsdPerTHsDay, 6)}; the market price, never under cost + markup)`],
    ['total', `${formatMicroUsd(price.totalMicroUsd)} for ${inputs.hashrateTHs} TH/s × ${inputs.days} d   (seller margin ${formatMicroUsd(price.sellerMarginTotalMicroUsd)})`],
    ['revenue', `${spreadLine(summary.revenueMicroUsd)} over ${quote.runs.length} seeds`],
    ['buyer net', spreadLine(summary.buyerNetMicroUsd)],
    ['break-even', breakEven === null
      ? 'none: the runs earned nothing (try more seeds or another scheme)'
      : `coin price ${formatMicroUsd(breakEven)} (mean revenue = total; the runs start at ${formatMicroUsd(price.coinPriceMicroUsd)})`],
  ];
  return [
    `Quote — ${inputs.hashrateTHs} TH/s for ${inputs.days} d on ${inputs.scheme} at ${sitePreset(inputs.site).name}`,
    `  ${fleet.count} × ${inputs.model} at ${inputs.powerUsdPerKWh} US$/kWh, PUE ${inputs.pue}`,
    ...rows.map(([label, text]) => `  ${label.padEnd(11)} ${text}`),
    '  seeds',
    ...quote.runs.map((r) => `    ${String(r.seed).padStart(4)}  ${formatMicroUsd(r.revenueMicroUsd).padStart(16)}  digest ${r.digest}`),
    `link ${quote.link}`,
  ].join('\n');
}
