// Tenant placement (DESIGN.md system 4): never over a node's capacity, bursting only once every
// local node of the algorithm is full, least-loaded (EWMA of utilisation) spreading load where
// first-fit piles it on the first nodes, and arrivals that follow the daily profile.
import { describe, expect, it } from 'vitest';
import { createRoot } from '../../../src/engine/index.js';
import {
  DEFAULT_DAILY_PROFILE, ewmaAlpha, nextArrivalUs, normalizeProfile, placeDemand, UtilisationEwma, type NodeLoad,
} from '../../../src/model/market/tenants/index.js';
import { US_PER_DAY, US_PER_HOUR } from '../../../src/model/units.js';
import { NODES, runMarket } from './tenant-fixture.js';

describe('placeDemand', () => {
  const nodes: NodeLoad[] = [
    { index: 0, capacityQuanta: 100n, usedQuanta: 10n, ewmaUtilisation: 0.5 },
    { index: 1, capacityQuanta: 100n, usedQuanta: 60n, ewmaUtilisation: 0.2 },
    { index: 2, capacityQuanta: 50n, usedQuanta: 0n, ewmaUtilisation: 0.2 },
  ];
  it('first-fit takes the first node that fits whole; least-loaded the lowest history (ties: current load)', () => {
    expect(placeDemand('first-fit', nodes, 30n)).toEqual({ parts: [{ index: 0, quanta: 30n }], burstQuanta: 0n });
    expect(placeDemand('least-loaded', nodes, 30n)).toEqual({ parts: [{ index: 2, quanta: 30n }], burstQuanta: 0n });
    expect(placeDemand('least-loaded', nodes, 45n)).toEqual({ parts: [{ index: 2, quanta: 45n }], burstQuanta: 0n });
    expect(placeDemand('least-loaded', nodes, 60n)).toEqual({ parts: [{ index: 0, quanta: 60n }], burstQuanta: 0n });
  });
  it('splits when nothing fits whole, and bursts only what is left when all are full', () => {
    expect(placeDemand('first-fit', nodes, 150n)).toEqual({ parts: [{ index: 0, quanta: 90n }, { index: 1, quanta: 40n }, { index: 2, quanta: 20n }], burstQuanta: 0n });
    expect(placeDemand('first-fit', nodes, 200n)).toEqual({ parts: [{ index: 0, quanta: 90n }, { index: 1, quanta: 40n }, { index: 2, quanta: 50n }], burstQuanta: 20n });
    expect(placeDemand('least-loaded', [], 5n)).toEqual({ parts: [], burstQuanta: 5n });
  });
  it('EWMA halves a slot\'s weight every half-life', () => {
    const alpha = ewmaAlpha(15, 60);
    expect((1 - alpha) ** 4).toBeCloseTo(0.5, 12);
    const e = new UtilisationEwma(alpha);
    e.add(1);
    for (let i = 0; i < 4; i++) e.add(0);
    expect(e.value).toBeCloseTo(0.5, 12);
  });
});

describe('the market over two weeks', () => {
  for (const rule of ['least-loaded', 'first-fit'] as const) {
    const run = runMarket(21, 14, { placement: rule }, true);

    it(`${rule}: no node is ever used beyond its capacity`, () => {
      expect(run.usageAt.length).toBeGreaterThan(1000);
      for (const { usage } of run.usageAt) for (const n of usage) expect(n.usedHs).toBeLessThanOrEqual(n.capacityHs);
    });

    it(`${rule}: bursts happen, and only when every node of the algorithm is full`, () => {
      const bursts = run.usageAt.filter(({ event }) => event.type === 'BurstStarted');
      expect(bursts.length).toBeGreaterThan(5);
      for (const { event, usage } of bursts) {
        for (const n of usage.filter((u) => u.algorithm === event.algorithm)) expect(n.full).toBe(true);
      }
      // And a tenant that arrives with room to spare is never burst.
      for (const t of run.market.kpis().tenants) if (t.burstOfferId === null) expect(t.burstHs).toBe(0);
    });
  }

  it('least-loaded spreads load more evenly over the ASIC nodes than first-fit', () => {
    const spread = (rule: 'least-loaded' | 'first-fit') => {
      const slots = runMarket(21, 14, { placement: rule }).market.kpis().slots;
      let sum = 0;
      for (const s of slots) {
        const u = ['asic-a', 'asic-b', 'asic-c'].map((id) => s.nodeUtilisation[id]!);
        sum += Math.max(...u) - Math.min(...u);
      }
      return sum / slots.length;
    };
    const leastLoaded = spread('least-loaded');
    const firstFit = spread('first-fit');
    expect(leastLoaded).toBeLessThan(firstFit * 0.7);
  });
});

describe('arrivals follow the daily profile', () => {
  it('daily mean within Poisson bounds, the evening peak ~4.5× the 2 a.m. trough', () => {
    const rng = createRoot(99).stream('arrivals');
    const profile = normalizeProfile(DEFAULT_DAILY_PROFILE);
    const perHour = new Array<number>(24).fill(0);
    const days = 200;
    let atUs = 0;
    let n = 0;
    for (;;) {
      atUs = nextArrivalUs(rng, atUs, 48, profile);
      if (atUs >= days * US_PER_DAY) break;
      n++;
      perHour[Math.floor((atUs % US_PER_DAY) / US_PER_HOUR)]!++;
    }
    const mean = 48 * days;
    expect(Math.abs(n - mean)).toBeLessThan(4 * Math.sqrt(mean));
    for (let h = 0; h < 24; h++) {
      const expected = (mean * profile[h]!) / 24;
      expect(Math.abs(perHour[h]! - expected)).toBeLessThan(4 * Math.sqrt(expected));
    }
    expect(NODES).toHaveLength(5);
  });
});
