// Pricing and billing of the colo (DESIGN.md system 1): resources and list prices, per-slot price
// discovery and heat-map matrix, pay-as-you-play billing with commitments, reward tiers, rental prices,
// investors' payouts.
export * from './resources.js';
export * from './cloud-baselines.js';
export * from './slot-price.js';
export * from './colo-price-list.js';
export * from './utilisation-rule.js';
export * from './pro-rata.js';
export * from './uniform-clearing.js';
export * from './hashprice-bid.js';
export * from './price-matrix.js';
export * from './price-discovery.js';
export * from './epochs.js';
export * from './commitment.js';
export * from './billing.js';
export * from './reward-tiers.js';
export * from './reward-distribution.js';
export * from './rental-price.js';
export * from './capacity-on-demand.js';
export * from './investor-payouts.js';
