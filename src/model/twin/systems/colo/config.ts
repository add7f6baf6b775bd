// What the colo system runs (DESIGN.md system 1): the colo's resources and list prices, how prices are
// rediscovered, the retail pool managers renting from it, reward tiers and the colo's reward share.
// Unit-explicit (bps, µs, base units, GH/s); the scenario section builds it (src/scenario/sections/colo.ts).
import type {
  CapacityRuleParams, CloudBaselineId, ColoRewardShareTerms, DiscoveryMode, InvestorsConfig, MiningEpoch,
  RentalPricingPolicy, ResourceId, RewardTier, UtilisationRuleParams,
} from '../../../pricing/index.js';

/** A window of the day [fromHour, toHour) (wrapping past midnight when toHour < fromHour). */
export interface DemandPeak {
  readonly fromHour: number;
  readonly toHour: number;
  /** Demand in the window, as a share of base demand (25 000 = 2.5×). */
  readonly demandBps: number;
}

export interface TenantCommitment {
  readonly epochs: number;
  readonly epoch: MiningEpoch;
  /** Quantity committed per slot, as a share of the tenant's base demand of each resource. */
  readonly quantityBps: number;
}

/** A retail pool manager: buys hashrate from the wholesale operator and rents the colo's resources to serve it. */
export interface ColoTenantConfig {
  readonly id: string;
  /** Hashrate wanted from the wholesale operator at base demand. */
  readonly hashrateGHs: bigint;
  /** Base units of each resource wanted at base demand (resources.ts units: mCU, mNU, IOPS, MB/s, GB). */
  readonly resources: Readonly<Partial<Record<ResourceId, bigint>>>;
  /** First slot starting at or after this is the tenant's first. */
  readonly arrivalUs: number;
  /** Slots starting at or after this are no longer the tenant's; undefined = stays to the horizon. */
  readonly departureUs?: number;
  /** Outside every peak, demand is the base (10 000 bps); overlapping peaks: the highest applies. */
  readonly peaks: readonly DemandPeak[];
  /** Standard deviation of the slot's demand factor around its profile (normal, clipped at 0). */
  readonly noiseBps: number;
  /** Share of the expected revenue of its hashrate the tenant offers for its colo resources (auction bids). */
  readonly bidBps: number;
  /** The hashprice the tenant expects, as a share of the chain's current one. */
  readonly hashpriceOutlookBps: number;
  readonly commitment?: TenantCommitment;
  readonly investors?: InvestorsConfig;
}

export interface CapacityOnDemandConfig extends Omit<CapacityRuleParams, 'minCapacityQuantity'> {
  /** Capacity never goes below / above these shares of the configured capacity. */
  readonly minBps: number;
  readonly maxBps: number;
}

export interface RentalQuoteConfig {
  readonly policy: RentalPricingPolicy;
  readonly markupBps: number;
  readonly hashpriceDiscountBps: number;
  /** The wholesale operator's costs per TH/s per day besides power (hosting, hardware). */
  readonly otherCostMicroUsdPerThDay: bigint;
}

export interface ColoConfig {
  readonly baseline: CloudBaselineId;
  readonly discountBps: number;
  readonly computeNetworkFractionBps: number;
  readonly computeShareOfFractionBps: number;
  readonly discovery: DiscoveryMode;
  readonly rule: UtilisationRuleParams;
  /** Resources the colo offers, base units; the ones missing are not priced. */
  readonly capacity: Readonly<Partial<Record<ResourceId, bigint>>>;
  readonly capacityOnDemand?: CapacityOnDemandConfig;
  readonly tenants: readonly ColoTenantConfig[];
  readonly tiers: readonly RewardTier[];
  /** Demand must fall this far below a tier's threshold before the split drops a tier (reward-tiers.ts). */
  readonly tierBandBps: number;
  readonly rewardShare: ColoRewardShareTerms;
  /** Invoices close at multiples of this (a multiple of the slot) and at the horizon. */
  readonly invoiceEveryUs: number;
  readonly rental: RentalQuoteConfig;
}
