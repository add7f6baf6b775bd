// The IaaS margin books: per tenant, what it paid and what serving it cost (local power or burst);
// per billing slot, the same spread over the slots the tenant stayed in (an exact split by µs),
// plus the nodes' fixed costs. Margin = paid − local cost − burst cost (− fixed, per slot only): it
// can be zero or negative, and the books say exactly where.
import type { Algorithm } from '../../hardware/index.js';
import { splitByWeights } from '../../ledger/split.js';
import type { BurstClass } from './burst-offers.js';

export interface TenantRecord {
  readonly tenantId: string;
  readonly algorithm: Algorithm;
  readonly demandHs: number;
  readonly arrivalUs: number;
  readonly departureUs: number;
  /** Still there when the run ended: booked up to the end. */
  readonly truncated: boolean;
  readonly localParts: readonly { readonly nodeId: string; readonly hashrateHs: number }[];
  readonly burstOfferId: string | null;
  readonly burstClass: BurstClass | null;
  readonly burstHs: number;
  readonly burstUnits: bigint;
  /** Demand nobody could serve (no burst offer for the algorithm); not charged. */
  readonly unservedHs: number;
  readonly revenueMicroUsd: bigint;
  readonly localCostMicroUsd: bigint;
  readonly burstCostMicroUsd: bigint;
  /** revenue − local cost − burst cost (contribution: fixed node costs are per slot). */
  readonly marginMicroUsd: bigint;
}

export interface SlotKpi {
  readonly slotIndex: number;
  readonly startUs: number;
  readonly endUs: number;
  readonly revenueMicroUsd: bigint;
  readonly localCostMicroUsd: bigint;
  readonly burstCostMicroUsd: bigint;
  readonly fixedCostMicroUsd: bigint;
  readonly marginMicroUsd: bigint;
  /** Tenants (booked so far) that stayed in the slot. */
  readonly tenantIds: readonly string[];
  /** Time-averaged utilisation of each node over the slot, once the slot has closed. */
  readonly nodeUtilisation: Readonly<Record<string, number>>;
}

export interface MarginReport {
  readonly negativeSlots: readonly SlotKpi[];
  readonly zeroSlots: readonly SlotKpi[];
  readonly negativeTenants: readonly TenantRecord[];
  readonly zeroTenants: readonly TenantRecord[];
}

interface SlotAcc {
  revenue: bigint;
  localCost: bigint;
  burstCost: bigint;
  fixedCost: bigint;
  tenantIds: string[];
  nodeUtilisation: Record<string, number>;
}

/** Slot pieces of [fromUs, toUs): each slot's µs (an empty stay counts whole in its slot). */
function slotPieces(fromUs: number, toUs: number, slotUs: number): { slot: number; us: bigint }[] {
  const first = Math.floor(fromUs / slotUs);
  if (toUs <= fromUs) return [{ slot: first, us: 1n }];
  const pieces: { slot: number; us: bigint }[] = [];
  for (let slot = first; slot * slotUs < toUs; slot++) {
    const lo = Math.max(fromUs, slot * slotUs);
    const hi = Math.min(toUs, (slot + 1) * slotUs);
    if (hi > lo) pieces.push({ slot, us: BigInt(hi - lo) });
  }
  return pieces;
}

export class TenantBooks {
  private readonly slotAccs = new Map<number, SlotAcc>();
  private readonly records: TenantRecord[] = [];
  private settledTenants = 0;
  private readonly closedSlots: number[] = [];
  private settledSlots = 0;

  constructor(readonly slotUs: number) {}

  private acc(slot: number): SlotAcc {
    let a = this.slotAccs.get(slot);
    if (a === undefined) {
      a = { revenue: 0n, localCost: 0n, burstCost: 0n, fixedCost: 0n, tenantIds: [], nodeUtilisation: {} };
      this.slotAccs.set(slot, a);
    }
    return a;
  }

  /** Books a departed tenant: its totals, spread over its slots by µs of stay (parts sum exactly). */
  recordTenant(record: TenantRecord): void {
    this.records.push(record);
    const pieces = slotPieces(record.arrivalUs, record.departureUs, this.slotUs);
    const weights = pieces.map((p) => p.us);
    const revenue = splitByWeights(record.revenueMicroUsd, weights);
    const local = splitByWeights(record.localCostMicroUsd, weights);
    const burst = splitByWeights(record.burstCostMicroUsd, weights);
    pieces.forEach((p, i) => {
      const a = this.acc(p.slot);
      a.revenue += revenue[i]!;
      a.localCost += local[i]!;
      a.burstCost += burst[i]!;
      a.tenantIds.push(record.tenantId);
    });
  }

  /** Closes a slot: the nodes' fixed cost and utilisation over it. */
  closeSlot(slot: number, fixedCostMicroUsd: bigint, nodeUtilisation: Record<string, number>): void {
    const a = this.acc(slot);
    a.fixedCost += fixedCostMicroUsd;
    Object.assign(a.nodeUtilisation, nodeUtilisation);
    this.closedSlots.push(slot);
  }

  tenants(): readonly TenantRecord[] {
    return this.records;
  }

  slots(): SlotKpi[] {
    return [...this.slotAccs.keys()].sort((a, b) => a - b).map((slot) => {
      const a = this.slotAccs.get(slot)!;
      return {
        slotIndex: slot, startUs: slot * this.slotUs, endUs: (slot + 1) * this.slotUs,
        revenueMicroUsd: a.revenue, localCostMicroUsd: a.localCost, burstCostMicroUsd: a.burstCost, fixedCostMicroUsd: a.fixedCost,
        marginMicroUsd: a.revenue - a.localCost - a.burstCost - a.fixedCost,
        tenantIds: [...a.tenantIds], nodeUtilisation: { ...a.nodeUtilisation },
      };
    });
  }

  marginReport(): MarginReport {
    const slots = this.slots();
    return {
      negativeSlots: slots.filter((s) => s.marginMicroUsd < 0n),
      zeroSlots: slots.filter((s) => s.marginMicroUsd === 0n),
      negativeTenants: this.records.filter((t) => t.marginMicroUsd < 0n),
      zeroTenants: this.records.filter((t) => t.marginMicroUsd === 0n),
    };
  }

  /** Tenants booked since the last call. */
  takeUnsettledTenants(): TenantRecord[] {
    const out = this.records.slice(this.settledTenants);
    this.settledTenants = this.records.length;
    return out;
  }

  /** Closed slots (with their fixed cost) since the last call. */
  takeUnsettledSlots(): { slot: number; fixedCostMicroUsd: bigint }[] {
    const out = this.closedSlots.slice(this.settledSlots).map((slot) => ({ slot, fixedCostMicroUsd: this.slotAccs.get(slot)!.fixedCost }));
    this.settledSlots = this.closedSlots.length;
    return out;
  }
}
