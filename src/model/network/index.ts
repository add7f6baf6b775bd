// The Bitcoin network as the model needs it: compact targets, difficulty, retarget, subsidy, hashprice.
export * from './chain-params.js';
export * from './compact.js';
export * from './difficulty.js';
export * from './retarget.js';
export * from './subsidy.js';
export * from './hashprice.js';
