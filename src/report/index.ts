// Results → digests, CSV and text; the lab's chart builders join this folder.
export { canonicalJson } from './canonical-json.js';
export { digestOf, withDigest, type DigestedResult, type Sha256Hex } from './digest.js';
export { seriesCsv, kpisCsv, ledgerCsv, balancesCsv, tableCsv } from './csv.js';
export { summaryText } from './summary.js';
export { formatMicroUsd } from './money.js';
export { quoteText } from './quote-text.js';
