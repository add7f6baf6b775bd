// Settings of the multi-tenant IaaS market with their defaults and where each comes from;
// resolveTenantConfig fills the gaps and checks every value, naming the one that is wrong.
import type { Algorithm } from '../../hardware/index.js';
import { DEFAULT_HASHPRICE_DISCOUNT_BPS, hashpriceMinusPriceMicroUsdPerThDay } from '../../pricing/rental-price.js';
import { US_PER_HOUR, US_PER_MIN } from '../../units.js';
import { checkId, checkNonNegativeBigint, checkPositive, checkPositiveUs, checkUs, shown } from '../_check.js';
import { checkBurstOffer, DEFAULT_BURST_OFFERS, DEFAULT_MIN_BILLED_US, type BurstOffer } from './burst-offers.js';
import { DEFAULT_DAILY_PROFILE, normalizeProfile } from './daily-profile.js';
import { checkLocalNode, type LocalNode } from './local-nodes.js';
import type { PlacementRule } from './placement.js';
import { checkDemandConfig, DEFAULT_TENANT_DEMAND, type TenantDemandConfig } from './tenant-draw.js';
import { ewmaAlpha } from './utilisation-history.js';

/**
 * What tenants pay per price unit per day. SHA-256d: hashprice 63,470 µUSD/TH/day (§2.7 example at
 * an assumed $100k/BTC) minus the 5 % renter edge of pricing/rental-price.ts = 60,296. Ethash:
 * 5,000 µUSD per MH/s per day, an assumption [D] above the GPU rig's power cost (3,772 at $0.069/kWh).
 */
export const DEFAULT_TENANT_PRICES: Readonly<Record<Algorithm, bigint>> = Object.freeze({
  sha256d: hashpriceMinusPriceMicroUsdPerThDay(63_470n, DEFAULT_HASHPRICE_DISCOUNT_BPS),
  ethash: 5_000n,
});
/** 15-minute billing slots (DESIGN.md system 1). */
export const DEFAULT_TENANT_SLOT_US = 15 * US_PER_MIN;
/** Utilisation history halves its weight every hour: an assumption [D]. */
export const DEFAULT_EWMA_HALF_LIFE_US = US_PER_HOUR;
/** 48 tenants a day on average: an assumption [D]. */
export const DEFAULT_ARRIVALS_PER_DAY = 48;

export interface TenantMarketConfig {
  readonly nodes: readonly LocalNode[];
  readonly burstOffers?: readonly BurstOffer[];
  readonly placement?: PlacementRule;
  readonly slotUs?: number;
  readonly ewmaHalfLifeUs?: number;
  readonly arrivalsPerDay?: number;
  readonly dailyProfile?: readonly number[];
  readonly demand?: TenantDemandConfig;
  readonly tenantPriceMicroUsdPerUnitDay?: Partial<Record<Algorithm, bigint>>;
  readonly minBilledUs?: number;
  /** Engine priority of the market's events; default 1. */
  readonly priority?: number;
  readonly accounts?: {
    /** Default 'operator:iaas'. */
    readonly operator?: string;
    /** Tenants pay from prefix + id; default 'tenant:'. */
    readonly tenantPrefix?: string;
    /** Local variable (power) costs go to; default 'supplier:power'. */
    readonly localCost?: string;
    /** Fixed node costs go to; default 'supplier:hosting'. */
    readonly fixedCost?: string;
    /** Burst costs go to prefix + offer id; default 'burst:'. */
    readonly burstPrefix?: string;
  };
}

export interface ResolvedTenantConfig {
  readonly nodes: readonly LocalNode[];
  readonly offers: readonly BurstOffer[];
  readonly rule: PlacementRule;
  readonly slotUs: number;
  /** EWMA weight of the newest slot. */
  readonly alpha: number;
  readonly arrivalsPerDay: number;
  /** Normalised to mean 1. */
  readonly profile: readonly number[];
  readonly demand: TenantDemandConfig;
  readonly prices: Readonly<Record<Algorithm, bigint>>;
  readonly minBilledUs: number;
  readonly priority: number;
  readonly accounts: { readonly operator: string; readonly tenantPrefix: string; readonly localCost: string; readonly fixedCost: string; readonly burstPrefix: string };
}

function checkUniqueIds(argument: string, items: readonly { readonly id: string }[]): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) throw new RangeError(`${argument}[${i}].id must be unique, got ${shown(item.id)} twice`);
    seen.add(item.id);
  });
}

export function resolveTenantConfig(config: TenantMarketConfig): ResolvedTenantConfig {
  if (!Array.isArray(config.nodes)) throw new RangeError(`nodes must be an array, got ${shown(config.nodes)}`);
  config.nodes.forEach((n, i) => checkLocalNode(n, `nodes[${i}]`));
  checkUniqueIds('nodes', config.nodes);
  const offers = [...(config.burstOffers ?? DEFAULT_BURST_OFFERS)];
  offers.forEach((o, i) => checkBurstOffer(o, `burstOffers[${i}]`));
  // Utilisation is reported and burst units are counted by id.
  checkUniqueIds('burstOffers', offers);
  const rule = config.placement ?? 'least-loaded';
  if (rule !== 'least-loaded' && rule !== 'first-fit') throw new RangeError(`placement must be 'least-loaded' or 'first-fit', got ${shown(rule)}`);
  const slotUs = checkPositiveUs('slotUs', config.slotUs ?? DEFAULT_TENANT_SLOT_US);
  const demand = config.demand ?? DEFAULT_TENANT_DEMAND;
  checkDemandConfig(demand);
  const prices: Record<Algorithm, bigint> = { ...DEFAULT_TENANT_PRICES, ...config.tenantPriceMicroUsdPerUnitDay };
  checkNonNegativeBigint('tenantPriceMicroUsdPerUnitDay.sha256d', prices.sha256d);
  checkNonNegativeBigint('tenantPriceMicroUsdPerUnitDay.ethash', prices.ethash);
  const priority = config.priority ?? 1;
  if (!Number.isSafeInteger(priority)) throw new RangeError(`priority must be an integer, got ${shown(priority)}`);
  return {
    nodes: [...config.nodes],
    offers,
    rule,
    slotUs,
    alpha: ewmaAlpha(slotUs, config.ewmaHalfLifeUs ?? DEFAULT_EWMA_HALF_LIFE_US),
    arrivalsPerDay: checkPositive('arrivalsPerDay', config.arrivalsPerDay ?? DEFAULT_ARRIVALS_PER_DAY),
    profile: normalizeProfile(config.dailyProfile ?? DEFAULT_DAILY_PROFILE),
    demand,
    prices,
    minBilledUs: checkUs('minBilledUs', config.minBilledUs ?? DEFAULT_MIN_BILLED_US),
    priority,
    accounts: {
      operator: checkId('accounts.operator', config.accounts?.operator ?? 'operator:iaas'),
      tenantPrefix: checkId('accounts.tenantPrefix', config.accounts?.tenantPrefix ?? 'tenant:'),
      localCost: checkId('accounts.localCost', config.accounts?.localCost ?? 'supplier:power'),
      fixedCost: checkId('accounts.fixedCost', config.accounts?.fixedCost ?? 'supplier:hosting'),
      burstPrefix: checkId('accounts.burstPrefix', config.accounts?.burstPrefix ?? 'burst:'),
    },
  };
}
