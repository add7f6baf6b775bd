// The colo's resource market during a run: list prices from the cloud baseline, prices rediscovered
// every slot from the tenants' requests against the capacity offered, and capacity that expands and
// shrinks on demand (pricing/price-discovery.ts, capacity-on-demand.ts).
import { divRoundHalfEven } from '../../../ledger/exact.js';
import { BASIS_POINTS_PER_WHOLE } from '../../../ledger/split.js';
import {
  createColoPriceList, decideCapacity, INITIAL_CAPACITY_STATE, listPricesPerSlot, PriceDiscovery, RESOURCE_IDS, resizeCapacity,
  type Bid, type CapacityDecision, type CapacityRuleParams, type CapacityRuleState, type ColoPriceList, type ResourceId,
  type ResourceMarket, type SlotOutcome,
} from '../../../pricing/index.js';
import type { ColoConfig } from './config.js';

export interface TenantRequest {
  readonly tenantId: string;
  /** Base units wanted this slot, per resource the colo offers. */
  readonly quantities: Readonly<Partial<Record<ResourceId, bigint>>>;
  /** Limit price per lot per slot (used by the auction; price takers in 'utilisation' mode). */
  readonly limits: Readonly<Partial<Record<ResourceId, bigint>>>;
}

export interface CapacityChange {
  readonly resource: ResourceId;
  readonly decision: Exclude<CapacityDecision, 'hold'>;
  readonly fromQuantity: bigint;
  readonly toQuantity: bigint;
}

const BPS = BigInt(BASIS_POINTS_PER_WHOLE);

export class ColoMarket {
  /** Resources the colo offers, in RESOURCE_IDS order (the heat map's rows). */
  readonly resources: readonly ResourceId[];
  readonly priceList: ColoPriceList;
  readonly listMicroUsdPerLotSlot: Readonly<Record<ResourceId, bigint>>;
  readonly baseCapacity: ReadonlyMap<ResourceId, bigint>;
  private readonly capacity = new Map<ResourceId, bigint>();
  private readonly discovery: PriceDiscovery;
  private readonly rules = new Map<ResourceId, { params: CapacityRuleParams; maxQuantity: bigint; state: CapacityRuleState }>();

  constructor(config: ColoConfig, slotUs: number) {
    this.resources = RESOURCE_IDS.filter((r) => config.capacity[r] !== undefined);
    this.priceList = createColoPriceList({
      baseline: config.baseline,
      discountBps: config.discountBps,
      computeNetworkFractionBps: config.computeNetworkFractionBps,
      computeShareOfFractionBps: config.computeShareOfFractionBps,
      slotUs,
    });
    this.listMicroUsdPerLotSlot = listPricesPerSlot(this.priceList);
    this.baseCapacity = new Map(this.resources.map((r) => [r, config.capacity[r]!]));
    for (const r of this.resources) this.capacity.set(r, config.capacity[r]!);
    this.discovery = new PriceDiscovery({ mode: config.discovery, referenceMicroUsdPerLotSlot: this.listMicroUsdPerLotSlot, slotUs, resources: this.resources, rule: config.rule });
    const onDemand = config.capacityOnDemand;
    if (onDemand !== undefined) {
      for (const r of this.resources) {
        const base = config.capacity[r]!;
        const { minBps, maxBps, ...rule } = onDemand;
        this.rules.set(r, {
          params: { ...rule, minCapacityQuantity: divRoundHalfEven(base * BigInt(minBps), BPS) },
          maxQuantity: divRoundHalfEven(base * BigInt(maxBps), BPS),
          state: INITIAL_CAPACITY_STATE,
        });
      }
    }
  }

  capacityOf(resource: ResourceId): bigint {
    return this.capacity.get(resource) ?? 0n;
  }

  /** Prices and allocations of the slot: one bid per tenant and resource it wants. */
  discover(slotStartUs: number, requests: readonly TenantRequest[]): SlotOutcome {
    const markets: Partial<Record<ResourceId, ResourceMarket>> = {};
    for (const r of this.resources) {
      const bids: Bid[] = [];
      for (const request of requests) {
        const quantity = request.quantities[r];
        if (quantity === undefined) continue;
        bids.push({ bidId: `${request.tenantId}/${r}`, tenantId: request.tenantId, quantity, limitPriceMicroUsdPerLotSlot: request.limits[r] ?? 0n });
      }
      markets[r] = { capacityQuantity: this.capacityOf(r), requests: bids };
    }
    return this.discovery.discover(slotStartUs, markets);
  }

  /**
   * Capacity on demand: each resource's slot demand against its capacity feeds the expand/shrink
   * rule; a decision changes the capacity from the next slot, within [min, max] of the configured one.
   */
  observeDemand(demand: Readonly<Partial<Record<ResourceId, bigint>>>): CapacityChange[] {
    const changes: CapacityChange[] = [];
    for (const [r, rule] of this.rules) {
      const fromQuantity = this.capacityOf(r);
      const { state, decision } = decideCapacity(rule.state, { usedQuantity: demand[r] ?? 0n, capacityQuantity: fromQuantity }, rule.params);
      rule.state = state;
      if (decision === 'hold') continue;
      const resized = resizeCapacity(fromQuantity, decision, rule.params);
      // The maximum caps an expansion; it never shrinks a capacity already above it.
      const ceiling = rule.maxQuantity > fromQuantity ? rule.maxQuantity : fromQuantity;
      const toQuantity = resized > ceiling ? ceiling : resized;
      if (toQuantity === fromQuantity) continue;
      this.capacity.set(r, toQuantity);
      changes.push({ resource: r, decision, fromQuantity, toQuantity });
    }
    return changes;
  }
}
