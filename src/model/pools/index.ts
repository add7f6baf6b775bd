// Pool payout schemes (PPS, FPPS, PROP, PPLNS, SOLO) behind one interface, and their closed forms.
export * from './types.js';
export * from './settlement.js';
export * from './per-share.js';
export * from './pps.js';
export * from './fpps.js';
export * from './prop.js';
export * from './pplns.js';
export * from './solo.js';
export * from './create-scheme.js';
export * from './record-settlement.js';
export * from './exp-integral.js';
export * from './closed-forms.js';
