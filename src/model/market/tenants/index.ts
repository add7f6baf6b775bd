// Multi-tenant mining IaaS (DESIGN.md system 4): arrivals with a daily profile, load-aware placement,
// bursting to CPU/GPU/ASIC-class offers, margins per tenant and per slot, and crowd worker rewards.
export { HASHRATE_UNIT_HS, HASHRATE_UNIT_LABEL, HASHRATE_QUANTUM_HS, toQuanta, fromQuanta, inPriceUnits } from './hashrate-units.js';
export { DEFAULT_DAILY_PROFILE, normalizeProfile, profileAt, nextArrivalUs } from './daily-profile.js';
export { DEFAULT_TENANT_DEMAND, drawTenant, type TenantDemandConfig, type TenantSpec, type LognormalSpec } from './tenant-draw.js';
export {
  DEFAULT_BURST_OFFERS, DEFAULT_MIN_BILLED_US, burstUnits, burstHourlyMicroUsd, burstCostMicroUsd, chooseBurstOffer,
  type BurstOffer, type BurstClass,
} from './burst-offers.js';
export { nodeFromModel, type LocalNode } from './local-nodes.js';
export { ewmaAlpha, UtilisationEwma } from './utilisation-history.js';
export { placeDemand, preferenceOrder, type PlacementRule, type NodeLoad, type Placement } from './placement.js';
export type { TenantRecord, SlotKpi, MarginReport } from './tenant-books.js';
export {
  resolveTenantConfig, DEFAULT_TENANT_PRICES, DEFAULT_TENANT_SLOT_US, DEFAULT_EWMA_HALF_LIFE_US, DEFAULT_ARRIVALS_PER_DAY,
  type TenantMarketConfig, type ResolvedTenantConfig,
} from './tenant-config.js';
export {
  createTenantMarket,
  type TenantMarket, type TenantMarketHooks, type TenantEvent, type TenantEventType,
  type NodeUsage, type TenantMarketKpis, type TenantMarketTotals, type TenantSettlement, type SlotClosed,
} from './tenant-market.js';
export {
  createCrowdPool, DEFAULT_CROWD,
  type CrowdPool, type CrowdPoolConfig, type CrowdEvent, type CrowdEventType, type CrowdNodeKpi, type CrowdDistribution,
} from './crowd-pool.js';
