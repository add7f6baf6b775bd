// Running figures of the colo over a run, gathered slot by slot for its KPIs and tables: prices,
// utilisation and capacity per resource, tiers, hashrate sold, hashprice and the rental quote.
import type { ResourceId } from '../../../pricing/index.js';

export interface ResourceStats {
  slots: number;
  priceSumMicroUsd: bigint;
  priceMinMicroUsd: bigint;
  priceMaxMicroUsd: bigint;
  priceIndexSumPct: number;
  utilisationSumPct: number;
  demandPeakPct: number;
  requestedQuantitySlots: bigint;
  unmetQuantitySlots: bigint;
  capacityEndQuantity: bigint;
}

export interface TenantStats {
  activeSlots: number;
  demandGHsSlots: bigint;
  heldGHsSlots: bigint;
  /** What the hashrate it held would have cost at the wholesale operator's rental quote. */
  rentalEquivalentMicroUsd: bigint;
}

export class ColoStats {
  slots = 0;
  readonly resources = new Map<ResourceId, ResourceStats>();
  readonly tenants: TenantStats[];
  readonly tierSlots = new Map<string, number>();
  tierSwitches = 0;
  capacityExpansions = 0;
  capacityShrinks = 0;
  demandLevelSumPct = 0;
  soldGHsSlots = 0n;
  hashpriceSumMicroUsdPerThDay = 0n;
  rentalPriceSumMicroUsdPerThDay = 0n;
  rentalCostSumMicroUsdPerThDay = 0n;

  constructor(resources: readonly ResourceId[], tenantCount: number, capacity: (r: ResourceId) => bigint) {
    for (const r of resources) {
      this.resources.set(r, {
        slots: 0, priceSumMicroUsd: 0n, priceMinMicroUsd: -1n, priceMaxMicroUsd: 0n, priceIndexSumPct: 0, utilisationSumPct: 0,
        demandPeakPct: 0, requestedQuantitySlots: 0n, unmetQuantitySlots: 0n, capacityEndQuantity: capacity(r),
      });
    }
    this.tenants = Array.from({ length: tenantCount }, () => ({ activeSlots: 0, demandGHsSlots: 0n, heldGHsSlots: 0n, rentalEquivalentMicroUsd: 0n }));
  }

  observeResource(r: ResourceId, o: { priceMicroUsd: bigint; priceIndexPct: number; utilisationPct: number; demandPct: number; requested: bigint; unmet: bigint }): void {
    const s = this.resources.get(r)!;
    s.slots += 1;
    s.priceSumMicroUsd += o.priceMicroUsd;
    if (s.priceMinMicroUsd < 0n || o.priceMicroUsd < s.priceMinMicroUsd) s.priceMinMicroUsd = o.priceMicroUsd;
    if (o.priceMicroUsd > s.priceMaxMicroUsd) s.priceMaxMicroUsd = o.priceMicroUsd;
    s.priceIndexSumPct += o.priceIndexPct;
    s.utilisationSumPct += o.utilisationPct;
    if (o.demandPct > s.demandPeakPct) s.demandPeakPct = o.demandPct;
    s.requestedQuantitySlots += o.requested;
    s.unmetQuantitySlots += o.unmet;
  }

  observeTier(name: string, switched: boolean, demandLevelPct: number): void {
    this.tierSlots.set(name, (this.tierSlots.get(name) ?? 0) + 1);
    if (switched) this.tierSwitches += 1;
    this.demandLevelSumPct += demandLevelPct;
  }
}
