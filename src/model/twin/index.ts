// The twin: configuration types, the run, and its result.
export type * from './config.js';
export { runTwin, TwinCancelled, type TwinHooks } from './run-twin.js';
export type { TwinResult, TwinSeries } from './result.js';
export { minerAccount, poolOthersMinerId, COINBASE_ACCOUNT } from './pool-runtime.js';
