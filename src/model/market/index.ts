// The market side of the twin (DESIGN.md systems 2, 4, 5): high-availability rentals on the stratum
// hub, the multi-tenant IaaS with bursting and crowd nodes, and the mobile/crowd mining broker.
export * from './rentals/index.js';
export * from './tenants/index.js';
export * from './broker/index.js';
