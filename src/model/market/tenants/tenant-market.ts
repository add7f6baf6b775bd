// Multi-tenant mining IaaS (DESIGN.md system 4): tenants arrive (Poisson, daily profile) and leave;
// their work is placed on local nodes by a load-aware rule from utilisation history; when every
// node is full the rest bursts to the cheapest third-party offer; margins are booked per tenant and
// per slot, and settled through the Ledger.
import type { RandomStream, Simulation } from '../../../engine/index.js';
import type { Algorithm } from '../../hardware/index.js';
import { divRoundHalfEven } from '../../ledger/exact.js';
import type { Ledger } from '../../ledger/ledger.js';
import { TimeWeighted } from '../../ops/time-weighted.js';
import { rentalChargeMicroUsd } from '../../pricing/rental-price.js';
import { MICRO_USD_UNIT, US_PER_DAY } from '../../units.js';
import { checkId, checkPositive, checkPositiveUs, checkUs, shown } from '../_check.js';
import { burstCostMicroUsd, burstUnits, chooseBurstOffer, type BurstOffer } from './burst-offers.js';
import { nextArrivalUs } from './daily-profile.js';
import { checkAlgorithm, fromQuanta, inPriceUnits, toQuanta } from './hashrate-units.js';
import type { LocalNode } from './local-nodes.js';
import { placeDemand } from './placement.js';
import { resolveTenantConfig, type TenantMarketConfig } from './tenant-config.js';
import { drawTenant, type TenantSpec } from './tenant-draw.js';
import { TenantBooks, type MarginReport, type SlotKpi, type TenantRecord } from './tenant-books.js';
import { UtilisationEwma } from './utilisation-history.js';

export type TenantEventType = 'TenantArrived' | 'TenantPlaced' | 'BurstStarted' | 'BurstUnavailable' | 'BurstEnded' | 'TenantLeft';

export interface TenantEvent {
  readonly type: TenantEventType;
  readonly atUs: number;
  readonly tenantId: string;
  readonly algorithm: Algorithm;
  readonly hashrateHs?: number;
  readonly parts?: readonly { readonly nodeId: string; readonly hashrateHs: number }[];
  readonly offerId?: string;
  readonly units?: bigint;
  readonly marginMicroUsd?: bigint;
}

/** A billing slot just closed: each node's time-averaged utilisation over it (0..1). */
export interface SlotClosed {
  readonly slotIndex: number;
  readonly startUs: number;
  readonly endUs: number;
  readonly nodeUtilisation: Readonly<Record<string, number>>;
}

export interface TenantMarketHooks {
  readonly onEvent?: (event: TenantEvent) => void;
  readonly onSlotClosed?: (slot: SlotClosed) => void;
}

export interface NodeUsage {
  readonly nodeId: string;
  readonly algorithm: Algorithm;
  readonly capacityHs: number;
  readonly usedHs: number;
  /** Exact comparison of used against capacity (quanta). */
  readonly full: boolean;
  readonly ewmaUtilisation: number;
  /** Time-averaged utilisation since the market was created. */
  readonly meanUtilisation: number;
}

export interface TenantMarketTotals {
  readonly tenants: number;
  readonly burstTenants: number;
  readonly revenueMicroUsd: bigint;
  readonly localCostMicroUsd: bigint;
  readonly burstCostMicroUsd: bigint;
  readonly fixedCostMicroUsd: bigint;
  readonly marginMicroUsd: bigint;
}

export interface TenantMarketKpis {
  readonly atUs: number;
  readonly activeTenants: number;
  readonly tenants: readonly TenantRecord[];
  readonly slots: readonly SlotKpi[];
  readonly nodes: readonly NodeUsage[];
  readonly totals: TenantMarketTotals;
  readonly where: MarginReport;
}

export interface TenantSettlement {
  readonly tenants: number;
  readonly slots: number;
  /** Change of the operator's balance: Σ margins of the tenants − Σ fixed costs of the slots settled. */
  readonly operatorNetMicroUsd: bigint;
}

export interface TenantMarket {
  /** Generates arrivals from now until untilUs, closes slots, and at untilUs ends every stay. Once. */
  start(untilUs: number): void;
  /** A tenant arriving now (generated ones come through here too). */
  admit(spec: TenantSpec): void;
  nodeUsage(): NodeUsage[];
  kpis(): TenantMarketKpis;
  /** Books every departed tenant and closed slot not yet settled. */
  settle(ledger: Ledger, atUs?: number): TenantSettlement;
}

interface NodeRuntime {
  readonly node: LocalNode;
  readonly capacityQuanta: bigint;
  usedQuanta: bigint;
  readonly used: TimeWeighted;
  slotStartIntegral: number;
  readonly ewma: UtilisationEwma;
}

interface ActiveTenant {
  readonly spec: TenantSpec;
  readonly arrivalUs: number;
  readonly parts: readonly { readonly node: NodeRuntime; readonly quanta: bigint }[];
  readonly burstOffer: BurstOffer | undefined;
  readonly burstQuanta: bigint;
  readonly unservedQuanta: bigint;
}

export function createTenantMarket(sim: Simulation, rng: RandomStream, config: TenantMarketConfig, hooks: TenantMarketHooks = {}): TenantMarket {
  const cfg = resolveTenantConfig(config);
  const { offers, rule, slotUs, alpha, arrivalsPerDay, profile, demand, prices, minBilledUs, priority, accounts } = cfg;
  const createdAtUs = sim.nowUs;
  const nodes: NodeRuntime[] = cfg.nodes.map((node) => ({
    node,
    capacityQuanta: toQuanta(node.algorithm, node.capacityHs),
    usedQuanta: 0n,
    used: new TimeWeighted(sim.nowUs, 0),
    slotStartIntegral: 0,
    ewma: new UtilisationEwma(alpha),
  }));
  const books = new TenantBooks(slotUs);
  const active = new Map<string, ActiveTenant>();
  /** Burst units rented now, by offer id (offers with limited availability fill up). */
  const unitsInUse = new Map<string, bigint>();
  const emit = (event: TenantEvent): void => hooks.onEvent?.(event);
  let untilUs: number | null = null;
  let tenantCount = 0;
  const knownIds = new Set<string>();

  function depart(tenantId: string, truncated: boolean): void {
    const t = active.get(tenantId);
    if (t === undefined) return;
    active.delete(tenantId);
    const atUs = sim.nowUs;
    const durationUs = atUs - t.arrivalUs;
    const alg = t.spec.algorithm;
    for (const p of t.parts) {
      p.node.usedQuanta -= p.quanta;
      p.node.used.set(Number(p.node.usedQuanta), atUs);
    }
    const servedQuanta = t.parts.reduce((s, p) => s + p.quanta, 0n) + (t.burstOffer === undefined ? 0n : t.burstQuanta);
    const revenue = rentalChargeMicroUsd(prices[alg], inPriceUnits(alg, fromQuanta(alg, servedQuanta)), durationUs);
    let localCost = 0n;
    for (const p of t.parts) localCost += rentalChargeMicroUsd(p.node.node.variableCostMicroUsdPerUnitDay, inPriceUnits(alg, fromQuanta(alg, p.quanta)), durationUs);
    const burstCost = t.burstOffer === undefined ? 0n : burstCostMicroUsd(t.burstOffer, t.burstQuanta, durationUs, minBilledUs);
    const record: TenantRecord = {
      tenantId, algorithm: alg, demandHs: t.spec.demandHs, arrivalUs: t.arrivalUs, departureUs: atUs, truncated,
      localParts: t.parts.map((p) => ({ nodeId: p.node.node.id, hashrateHs: fromQuanta(alg, p.quanta) })),
      burstOfferId: t.burstOffer?.id ?? null,
      burstClass: t.burstOffer?.class ?? null,
      burstHs: t.burstOffer === undefined ? 0 : fromQuanta(alg, t.burstQuanta),
      burstUnits: t.burstOffer === undefined ? 0n : burstUnits(t.burstOffer, t.burstQuanta),
      unservedHs: fromQuanta(alg, t.unservedQuanta),
      revenueMicroUsd: revenue, localCostMicroUsd: localCost, burstCostMicroUsd: burstCost,
      marginMicroUsd: revenue - localCost - burstCost,
    };
    books.recordTenant(record);
    if (t.burstOffer !== undefined) unitsInUse.set(t.burstOffer.id, unitsInUse.get(t.burstOffer.id)! - record.burstUnits);
    if (t.burstOffer !== undefined && t.burstQuanta > 0n) emit({ type: 'BurstEnded', atUs, tenantId, algorithm: alg, offerId: t.burstOffer.id });
    emit({ type: 'TenantLeft', atUs, tenantId, algorithm: alg, marginMicroUsd: record.marginMicroUsd });
  }

  function admit(spec: TenantSpec): void {
    checkId('id', spec.id);
    checkAlgorithm('algorithm', spec.algorithm);
    checkPositive('demandHs', spec.demandHs);
    checkPositiveUs('durationUs', spec.durationUs);
    if (knownIds.has(spec.id)) throw new RangeError(`id must be a new tenant id, got ${shown(spec.id)} twice`);
    knownIds.add(spec.id);
    const atUs = sim.nowUs;
    if (untilUs !== null && atUs >= untilUs) throw new RangeError(`admit must come before the market's end (${untilUs}), got a tenant at ${atUs}`);
    const alg = spec.algorithm;
    emit({ type: 'TenantArrived', atUs, tenantId: spec.id, algorithm: alg, hashrateHs: spec.demandHs });
    const candidates = nodes.map((n, index) => ({ n, index })).filter(({ n }) => n.node.algorithm === alg);
    const demandQuanta = toQuanta(alg, spec.demandHs);
    const placement = placeDemand(rule, candidates.map(({ n, index }) => ({
      index, capacityQuanta: n.capacityQuanta, usedQuanta: n.usedQuanta, ewmaUtilisation: n.ewma.value,
    })), demandQuanta);
    const parts = placement.parts.map((p) => ({ node: nodes[p.index]!, quanta: p.quanta }));
    for (const p of parts) {
      p.node.usedQuanta += p.quanta;
      p.node.used.set(Number(p.node.usedQuanta), atUs);
    }
    if (parts.length > 0) emit({ type: 'TenantPlaced', atUs, tenantId: spec.id, algorithm: alg, parts: parts.map((p) => ({ nodeId: p.node.node.id, hashrateHs: fromQuanta(alg, p.quanta) })) });
    const offer = placement.burstQuanta > 0n ? chooseBurstOffer(offers, alg, placement.burstQuanta, unitsInUse) : undefined;
    if (offer !== undefined) {
      unitsInUse.set(offer.id, (unitsInUse.get(offer.id) ?? 0n) + burstUnits(offer, placement.burstQuanta));
      emit({ type: 'BurstStarted', atUs, tenantId: spec.id, algorithm: alg, offerId: offer.id, hashrateHs: fromQuanta(alg, placement.burstQuanta), units: burstUnits(offer, placement.burstQuanta) });
    } else if (placement.burstQuanta > 0n) {
      emit({ type: 'BurstUnavailable', atUs, tenantId: spec.id, algorithm: alg, hashrateHs: fromQuanta(alg, placement.burstQuanta) });
    }
    active.set(spec.id, {
      spec, arrivalUs: atUs, parts, burstOffer: offer,
      burstQuanta: placement.burstQuanta,
      unservedQuanta: offer === undefined ? placement.burstQuanta : 0n,
    });
    const leaveUs = atUs + spec.durationUs;
    if (untilUs === null || leaveUs < untilUs) sim.scheduleAt(leaveUs, () => depart(spec.id, false), priority);
  }

  function closeSlot(slot: number, fromUs: number, toUs: number): void {
    const utilisation: Record<string, number> = {};
    let fixed = 0n;
    for (const n of nodes) {
      const integral = n.used.integralTo(toUs);
      const u = (integral - n.slotStartIntegral) / (Number(n.capacityQuanta) * (toUs - fromUs));
      n.slotStartIntegral = integral;
      n.ewma.add(u);
      utilisation[n.node.id] = u;
      fixed += divRoundHalfEven(n.node.fixedCostMicroUsdPerDay * BigInt(toUs - fromUs), BigInt(US_PER_DAY));
    }
    books.closeSlot(slot, fixed, utilisation);
    hooks.onSlotClosed?.({ slotIndex: slot, startUs: fromUs, endUs: toUs, nodeUtilisation: utilisation });
  }

  function scheduleSlots(fromUs: number, endUs: number): void {
    // Slots are aligned to multiples of slotUs; the first and last may be partial.
    let slot = Math.floor(fromUs / slotUs);
    let slotFromUs = fromUs;
    const next = (): void => {
      const toUs = Math.min((slot + 1) * slotUs, endUs);
      closeSlot(slot, slotFromUs, toUs);
      slot++;
      slotFromUs = toUs;
      if (toUs < endUs) sim.scheduleAt(Math.min((slot + 1) * slotUs, endUs), next, priority + 1);
    };
    if (endUs > fromUs) sim.scheduleAt(Math.min((slot + 1) * slotUs, endUs), next, priority + 1);
  }

  function nodeUsage(): NodeUsage[] {
    const atUs = sim.nowUs;
    return nodes.map((n) => ({
      nodeId: n.node.id, algorithm: n.node.algorithm, capacityHs: n.node.capacityHs,
      usedHs: fromQuanta(n.node.algorithm, n.usedQuanta),
      full: n.usedQuanta >= n.capacityQuanta,
      ewmaUtilisation: n.ewma.value,
      meanUtilisation: atUs > createdAtUs ? n.used.integralTo(atUs) / (Number(n.capacityQuanta) * (atUs - createdAtUs)) : 0,
    }));
  }

  return {
    start(until: number): void {
      if (untilUs !== null) throw new RangeError(`start must be called once, got a second call with untilUs ${until}`);
      checkUs('untilUs', until);
      if (until <= sim.nowUs) throw new RangeError(`untilUs must be > nowUs (${sim.nowUs}), got ${until}`);
      untilUs = until;
      const arrivals = rng.child('arrivals');
      const arrive = (): void => {
        const id = `tenant-${tenantCount++}`;
        admit(drawTenant(rng.child(id), id, demand));
        const nextUs = nextArrivalUs(arrivals, sim.nowUs, arrivalsPerDay, profile);
        if (nextUs < until) sim.scheduleAt(nextUs, arrive, priority);
      };
      const firstUs = nextArrivalUs(arrivals, sim.nowUs, arrivalsPerDay, profile);
      if (firstUs < until) sim.scheduleAt(firstUs, arrive, priority);
      scheduleSlots(sim.nowUs, until);
      // Lowest precedence at untilUs: stays still open are booked up to the end.
      sim.scheduleAt(until, () => {
        for (const [id, t] of [...active]) depart(id, t.arrivalUs + t.spec.durationUs > until);
      }, priority);
    },

    admit,
    nodeUsage,

    kpis(): TenantMarketKpis {
      const tenants = books.tenants();
      const slots = books.slots();
      const sum = (f: (t: TenantRecord) => bigint): bigint => tenants.reduce((s, t) => s + f(t), 0n);
      const fixed = slots.reduce((s, x) => s + x.fixedCostMicroUsd, 0n);
      const totals: TenantMarketTotals = {
        tenants: tenants.length,
        burstTenants: tenants.filter((t) => t.burstOfferId !== null).length,
        revenueMicroUsd: sum((t) => t.revenueMicroUsd),
        localCostMicroUsd: sum((t) => t.localCostMicroUsd),
        burstCostMicroUsd: sum((t) => t.burstCostMicroUsd),
        fixedCostMicroUsd: fixed,
        marginMicroUsd: sum((t) => t.marginMicroUsd) - fixed,
      };
      return { atUs: sim.nowUs, activeTenants: active.size, tenants: [...tenants], slots, nodes: nodeUsage(), totals, where: books.marginReport() };
    },

    settle(ledger: Ledger, atUs: number = sim.nowUs): TenantSettlement {
      checkUs('atUs', atUs);
      let net = 0n;
      const pay = (from: string, to: string, amount: bigint, reason: string): void => {
        if (amount > 0n) ledger.transfer({ atUs, from, to, amount, unit: MICRO_USD_UNIT, reason });
      };
      const tenants = books.takeUnsettledTenants();
      for (const t of tenants) {
        pay(accounts.tenantPrefix + t.tenantId, accounts.operator, t.revenueMicroUsd, 'TenantCharged');
        pay(accounts.operator, accounts.localCost, t.localCostMicroUsd, 'LocalCostPaid');
        if (t.burstOfferId !== null) pay(accounts.operator, accounts.burstPrefix + t.burstOfferId, t.burstCostMicroUsd, 'BurstPaid');
        net += t.marginMicroUsd;
      }
      const slots = books.takeUnsettledSlots();
      for (const s of slots) {
        pay(accounts.operator, accounts.fixedCost, s.fixedCostMicroUsd, 'NodeFixedCostPaid');
        net -= s.fixedCostMicroUsd;
      }
      return { tenants: tenants.length, slots: slots.length, operatorNetMicroUsd: net };
    },
  };
}
