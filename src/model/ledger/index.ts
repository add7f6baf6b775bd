// Money and exact arithmetic: conserving splits, the double-entry ledger, bigint rationals.
export * from './exact.js';
export * from './ratio.js';
export * from './split.js';
export * from './ledger.js';
