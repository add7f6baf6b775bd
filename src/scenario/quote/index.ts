// Sales quotes (DESIGN.md "Sales"): inputs in canonical form and their link, the scenario built from
// the bundled base, the price from the pricing model, and the spread of K seeded runs.
export { SITE_PRESETS, SITE_PRESET_IDS, sitePreset, type SitePreset, type SitePresetId } from './sites.js';
export {
  QUOTE_SCHEMES, DEFAULT_QUOTE_MODEL, DEFAULT_QUOTE_SCHEME, DEFAULT_SEED_COUNT, MAX_SEEDS, MAX_HASHRATE_THS, MAX_DAYS,
  quoteModelIds, quoteInputsSchema, parseQuoteInputs, quoteInputsFrom,
  type QuoteInputs, type QuoteInputsOutcome, type QuoteRequest, type QuoteScheme,
} from './inputs.js';
export { QUOTE_ROUTE, QUOTE_LINK_VERSION, encodeQuoteLink, decodeQuoteLink, numberOrText } from './link.js';
export { QUOTE_BASE_SCENARIO_PATH, QUOTE_POOL_FEE_PCT, quoteFleet, quoteOverrides, quoteScenario, type QuoteScenarioOutcome } from './quote-scenario.js';
export { QUOTE_POLICY, quotePrice, quotePriceGrid, startCoinPriceUsd, type QuotePrice, type QuotePriceGrid } from './price.js';
export { percentileOf, meanOf } from './percentiles.js';
export { quoteRunOf, summarizeQuote, type Quote, type QuoteRun, type QuoteRunResult, type QuoteSpread, type QuoteSummary } from './outcome.js';
export { quoteToJson, type QuoteJson } from './to-json.js';
