// Burst offers with limited availability (DESIGN.md system 4): an offer never has more units rented at
// once than it has; a burst goes to the cheapest offer with room, a dearer one only when the cheaper is
// full, and is unserved when none has room; units come back when the tenant leaves. The slot hook
// reports each node's utilisation.
import { describe, expect, it } from 'vitest';
import { createRoot, createSimulation } from '../../../src/engine/index.js';
import {
  burstUnits, chooseBurstOffer, createTenantMarket, DEFAULT_BURST_OFFERS, resolveTenantConfig, toQuanta, type BurstOffer, type SlotClosed,
} from '../../../src/model/market/tenants/index.js';
import { US_PER_DAY } from '../../../src/model/units.js';
import { NODES, runMarket } from './tenant-fixture.js';

const CHEAP: BurstOffer = { id: 'cheap', class: 'asic', algorithm: 'sha256d', hashrateHsPerUnit: 1e12, priceMicroUsdPerUnitHour: 2_724n, maxUnits: 1_500n, source: 'test' };
const DEAR: BurstOffer = { id: 'dear', class: 'gpu', algorithm: 'sha256d', hashrateHsPerUnit: 5e9, priceMicroUsdPerUnitHour: 180_000n, maxUnits: 400_000n, source: 'test' };

describe('chooseBurstOffer with availability', () => {
  const q = toQuanta('sha256d', 1e15); // 1 PH/s: 1,000 units of CHEAP, 200,000 of DEAR

  it('takes the cheapest offer that has the units free, a dearer one when it has not, none when nobody has', () => {
    expect(chooseBurstOffer([DEAR, CHEAP], 'sha256d', q)!.id).toBe('cheap');
    expect(chooseBurstOffer([DEAR, CHEAP], 'sha256d', q, new Map([['cheap', 500n]]))!.id).toBe('cheap');
    expect(chooseBurstOffer([DEAR, CHEAP], 'sha256d', q, new Map([['cheap', 501n]]))!.id).toBe('dear');
    expect(chooseBurstOffer([DEAR, CHEAP], 'sha256d', q, new Map([['cheap', 501n], ['dear', 200_001n]]))).toBeUndefined();
    // No limit: as before.
    expect(chooseBurstOffer(DEFAULT_BURST_OFFERS, 'sha256d', q, new Map([['hashrate-market-asic', 10n ** 12n]]))!.id).toBe('hashrate-market-asic');
  });

  it('offer and node ids must be unique (units and utilisation are kept by id)', () => {
    expect(() => resolveTenantConfig({ nodes: NODES, burstOffers: [CHEAP, { ...DEAR, id: 'cheap' }] })).toThrow(/burstOffers\[1\]\.id must be unique/);
    expect(() => resolveTenantConfig({ nodes: [NODES[0]!, NODES[0]!] })).toThrow(/nodes\[1\]\.id must be unique/);
    expect(() => resolveTenantConfig({ nodes: NODES, burstOffers: [{ ...CHEAP, maxUnits: -1n }] })).toThrow(/maxUnits must be a bigint ≥ 0n/);
  });
});

describe('a market whose burst offers run out (two weeks, busy)', () => {
  const offers = [CHEAP, DEAR, ...DEFAULT_BURST_OFFERS.filter((o) => o.algorithm === 'ethash')];
  const run = runMarket(5, 14, { burstOffers: offers, arrivalsPerDay: 120 });

  it('never rents more units of an offer at once than it has, and frees them when tenants leave', () => {
    const rented = new Map<string, bigint>();
    const byTenant = new Map<string, { offer: string; units: bigint }>();
    const peak = new Map<string, bigint>();
    for (const e of run.events) {
      if (e.type === 'BurstStarted') {
        const now = (rented.get(e.offerId!) ?? 0n) + e.units!;
        rented.set(e.offerId!, now);
        byTenant.set(e.tenantId, { offer: e.offerId!, units: e.units! });
        if (now > (peak.get(e.offerId!) ?? 0n)) peak.set(e.offerId!, now);
      }
      if (e.type === 'TenantLeft' && byTenant.has(e.tenantId)) {
        const b = byTenant.get(e.tenantId)!;
        rented.set(b.offer, rented.get(b.offer)! - b.units);
      }
    }
    expect(peak.get('cheap')! <= CHEAP.maxUnits!).toBe(true);
    expect(peak.get('dear')! <= DEAR.maxUnits!).toBe(true);
    // The limits bit: the cheap offer filled up, the dear one was used, and some demand went unserved.
    expect(peak.get('cheap')! > CHEAP.maxUnits! - 300n).toBe(true);
    expect(run.events.some((e) => e.type === 'BurstStarted' && e.offerId === 'dear')).toBe(true);
    expect(run.events.some((e) => e.type === 'BurstUnavailable' && e.algorithm === 'sha256d')).toBe(true);
    // Everyone left at the end: nothing is still rented.
    for (const units of rented.values()) expect(units).toBe(0n);
  });

  it('a dearer offer is taken only when the cheaper one lacks the units', () => {
    const rented = new Map<string, bigint>();
    const byTenant = new Map<string, { offer: string; units: bigint }>();
    let checked = 0;
    for (const e of run.events) {
      if (e.type === 'BurstStarted') {
        if (e.offerId === 'dear') {
          const needed = burstUnits(CHEAP, toQuanta('sha256d', e.hashrateHs!));
          expect((rented.get('cheap') ?? 0n) + needed > CHEAP.maxUnits!).toBe(true);
          checked++;
        }
        rented.set(e.offerId!, (rented.get(e.offerId!) ?? 0n) + e.units!);
        byTenant.set(e.tenantId, { offer: e.offerId!, units: e.units! });
      }
      if (e.type === 'TenantLeft' && byTenant.has(e.tenantId)) {
        const b = byTenant.get(e.tenantId)!;
        rented.set(b.offer, rented.get(b.offer)! - b.units);
      }
    }
    expect(checked).toBeGreaterThan(0);
    // Unserved demand is not charged: those tenants pay only for what they got.
    const unserved = run.market.kpis().tenants.filter((t) => t.unservedHs > 0);
    expect(unserved.length).toBeGreaterThan(0);
    for (const t of unserved) expect(t.burstOfferId).toBeNull();
  });
});

describe('onSlotClosed', () => {
  it('reports every node\'s utilisation of each slot, the same figures the books keep', () => {
    const sim = createSimulation();
    const closed: SlotClosed[] = [];
    const market = createTenantMarket(sim, createRoot(3).stream('iaas'), { nodes: NODES, arrivalsPerDay: 80 }, { onSlotClosed: (s) => closed.push(s) });
    market.start(2 * US_PER_DAY);
    sim.run();
    const slots = market.kpis().slots;
    expect(closed).toHaveLength(2 * 96);
    expect(closed.map((s) => s.nodeUtilisation)).toEqual(slots.map((s) => s.nodeUtilisation));
    expect(closed.map((s) => s.slotIndex)).toEqual(slots.map((s) => s.slotIndex));
    expect(closed.some((s) => Object.values(s.nodeUtilisation).some((u) => u > 0.5))).toBe(true);
  });
});
