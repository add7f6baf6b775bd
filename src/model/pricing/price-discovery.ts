// Prices rediscovered every billing slot from supply and demand, per resource, by either rule —
// utilisation-driven repricing or a uniform-price auction — and recorded for the heat map.
import { shown } from '../ledger/exact.js';
import { checkAtUs, checkNonNegativeBigint, checkPositiveUs } from './_check.js';
import { PriceMatrixRecorder, type PriceMatrix } from './price-matrix.js';
import { allocateProRata } from './pro-rata.js';
import { isResourceId, RESOURCE_IDS, type ResourceId } from './resources.js';
import { clearUniformPrice, type Bid, type BidAllocation, type BidStatus } from './uniform-clearing.js';
import { checkUtilisationRule, DEFAULT_UTILISATION_RULE, nextPriceByUtilisation, priceBand, type UtilisationRuleParams } from './utilisation-rule.js';

export type DiscoveryMode = 'utilisation' | 'auction';

export interface ResourceMarket {
  /** Free capacity the colo offers this slot, in the resource's base units. */
  readonly capacityQuantity: bigint;
  /** Tenants' requests. In 'utilisation' mode they are price takers and limits are ignored. */
  readonly requests: readonly Bid[];
}

export interface ResourceSlotOutcome {
  readonly resource: ResourceId;
  readonly priceMicroUsdPerLotSlot: bigint;
  readonly allocations: readonly BidAllocation[];
  readonly allocatedQuantity: bigint;
  readonly unmetQuantity: bigint;
}

export interface SlotOutcome {
  readonly slotStartUs: number;
  readonly resources: Readonly<Partial<Record<ResourceId, ResourceSlotOutcome>>>;
}

export interface PriceDiscoveryOptions {
  readonly mode: DiscoveryMode;
  /** List price per resource (colo-price-list.ts listPricesPerSlot): start price, step and band scale. */
  readonly referenceMicroUsdPerLotSlot: Readonly<Partial<Record<ResourceId, bigint>>>;
  readonly slotUs: number;
  /** Resources priced, in heat-map row order (default: every resource). */
  readonly resources?: readonly ResourceId[];
  readonly rule?: UtilisationRuleParams;
}

/**
 * 'utilisation': at each slot boundary the price moves from the last one by nextPriceByUtilisation
 * (demand = Σ requests vs capacity); requests are served in full when they fit, else pro rata.
 * 'auction': clearUniformPrice with the band's floor as the colo's reserve; price and allocation
 * come from the bids alone, so one slot does not depend on the last.
 */
export class PriceDiscovery {
  readonly mode: DiscoveryMode;
  readonly resources: readonly ResourceId[];
  private readonly rule: UtilisationRuleParams;
  private readonly reference = new Map<ResourceId, bigint>();
  private readonly current = new Map<ResourceId, bigint>();
  private readonly recorder: PriceMatrixRecorder;

  constructor(options: PriceDiscoveryOptions) {
    if (options.mode !== 'utilisation' && options.mode !== 'auction') throw new RangeError(`mode must be 'utilisation' or 'auction', got ${shown(options.mode)}`);
    checkPositiveUs('slotUs', options.slotUs);
    this.mode = options.mode;
    this.rule = options.rule ?? DEFAULT_UTILISATION_RULE;
    checkUtilisationRule(this.rule);
    this.resources = [...(options.resources ?? RESOURCE_IDS)];
    for (const r of this.resources) {
      if (!isResourceId(r)) throw new RangeError(`resources must be resource ids, got ${shown(r)}`);
      const ref = options.referenceMicroUsdPerLotSlot[r];
      if (ref === undefined) throw new RangeError(`referenceMicroUsdPerLotSlot.${r} must be given, got undefined`);
      checkNonNegativeBigint(`referenceMicroUsdPerLotSlot.${r}`, ref);
      this.reference.set(r, ref);
      this.current.set(r, ref);
    }
    this.recorder = new PriceMatrixRecorder(this.resources, options.slotUs);
  }

  /** Prices and allocations for the slot starting at slotStartUs; every priced resource needs a market. */
  discover(slotStartUs: number, markets: Readonly<Partial<Record<ResourceId, ResourceMarket>>>): SlotOutcome {
    checkAtUs('slotStartUs', slotStartUs);
    const outcomes: Partial<Record<ResourceId, ResourceSlotOutcome>> = {};
    const prices: Partial<Record<ResourceId, bigint>> = {};
    for (const resource of this.resources) {
      const market = markets[resource];
      if (market === undefined) throw new RangeError(`markets.${resource} must be given, got undefined`);
      const outcome = this.mode === 'auction' ? this.clear(resource, market) : this.reprice(resource, market);
      outcomes[resource] = outcome;
      prices[resource] = outcome.priceMicroUsdPerLotSlot;
    }
    this.recorder.record(slotStartUs, prices);
    for (const resource of this.resources) this.current.set(resource, prices[resource]!);
    return { slotStartUs, resources: outcomes };
  }

  /** The price in force per resource (the reference before the first slot). */
  currentPrice(resource: ResourceId): bigint {
    const price = this.current.get(resource);
    if (price === undefined) throw new RangeError(`resource must be one of ${this.resources.join(', ')}, got ${shown(resource)}`);
    return price;
  }

  matrix(): PriceMatrix {
    return this.recorder.toMatrix();
  }

  private clear(resource: ResourceId, market: ResourceMarket): ResourceSlotOutcome {
    const reserve = priceBand(this.reference.get(resource)!, this.rule).floorMicroUsd;
    const result = clearUniformPrice(market.requests, market.capacityQuantity, reserve);
    return { resource, priceMicroUsdPerLotSlot: result.priceMicroUsdPerLotSlot, allocations: result.allocations, allocatedQuantity: result.allocatedQuantity, unmetQuantity: result.unmetQuantity };
  }

  private reprice(resource: ResourceId, market: ResourceMarket): ResourceSlotOutcome {
    checkNonNegativeBigint(`markets.${resource}.capacityQuantity`, market.capacityQuantity);
    const requested = market.requests.map((bid, i) => checkNonNegativeBigint(`markets.${resource}.requests[${i}].quantity`, bid.quantity));
    const demand = requested.reduce((a, b) => a + b, 0n);
    const price = nextPriceByUtilisation(
      { priceMicroUsdPerLotSlot: this.current.get(resource)!, referenceMicroUsdPerLotSlot: this.reference.get(resource)!, demandQuantity: demand, capacityQuantity: market.capacityQuantity },
      this.rule,
    );
    const parts = allocateProRata(requested, market.capacityQuantity);
    let allocatedQuantity = 0n;
    const allocations = market.requests.map((bid, i): BidAllocation => {
      const got = parts[i]!;
      allocatedQuantity += got;
      const status: BidStatus = got === bid.quantity ? 'filled' : got === 0n ? 'rejected' : 'partial';
      return { bidId: bid.bidId, tenantId: bid.tenantId, limitPriceMicroUsdPerLotSlot: bid.limitPriceMicroUsdPerLotSlot, requestedQuantity: bid.quantity, allocatedQuantity: got, status };
    });
    return { resource, priceMicroUsdPerLotSlot: price, allocations, allocatedQuantity, unmetQuantity: demand - allocatedQuantity };
  }
}
