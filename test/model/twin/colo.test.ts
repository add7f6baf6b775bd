// The colo system in the twin: prices follow supply and demand (utilisation rule), the auction charges
// every winner one clearing price, tiers switch with the demand level and set the reward split,
// commitments are honoured, capacity follows demand, and the colo never moves the fleet's draws.
import { describe, expect, it } from 'vitest';
import { createColoPriceList, DEFAULT_REWARD_TIERS, listPricesPerSlot, priceBand, selectRewardTierWithBand, type RewardTier } from '../../../src/model/pricing/index.js';
import type { TwinResult } from '../../../src/model/twin/index.js';
import { tenantBidLimits } from '../../../src/model/twin/systems/colo/tenant-bids.js';
import { canonicalJson } from '../../../src/report/index.js';
import { baseScenario, runDoc, sum, type TestDoc } from './fixtures.js';

const SLOT_US = 900_000_000;
const HOUR_SLOTS = 4;

function coloDoc(colo: Record<string, unknown>, horizon = '1d'): TestDoc {
  const doc = baseScenario();
  doc.horizon = horizon;
  doc.colo = colo;
  return doc;
}

const series = (result: TwinResult, name: string): number[] => {
  const values = result.series.values[name];
  if (values === undefined) throw new Error(`no series ${name}`);
  return values;
};
const microUsd = (usd: number) => BigInt(Math.round(usd * 1e6));
const entries = (result: TwinResult, from: string, reason: string) => result.ledger.entries.filter((e) => e.from === from && e.reason === reason);
const list = listPricesPerSlot(createColoPriceList({ slotUs: SLOT_US }));

describe('utilisation pricing', () => {
  // 5 CU wanted of 10 (50 %, under the 80 % target), and 15 CU (150 %) from 12:00 to 18:00.
  const result = runDoc(coloDoc({
    capacity: { computeCU: 10 },
    tenants: [{ id: 'a', hashrateTHs: 1_000, resources: { computeCU: 5 }, peaks: [{ fromHour: 12, toHour: 18, demandPct: 300 }] }],
  }));
  const price = series(result, 'colo.price.compute').map(microUsd);
  const demand = series(result, 'colo.demandPct.compute');
  // Floor 50 % and ceiling 200 % of list (the default rule), in whole µUSD.
  const { floorMicroUsd, ceilingMicroUsd } = priceBand(list.compute);

  it('rises while demand exceeds the target and falls while it is short, within the floor and ceiling', () => {
    expect(price[0]! < list.compute).toBe(true); // from the list price, one step down
    for (let s = 1; s < price.length; s++) {
      const step = `slot ${s}: ${price[s - 1]} → ${price[s]} µUSD at ${demand[s]} % demand`;
      if (demand[s]! > 80) expect(price[s]! > price[s - 1]! || price[s] === ceilingMicroUsd, step).toBe(true);
      else expect(price[s]! < price[s - 1]! || price[s] === floorMicroUsd, step).toBe(true);
    }
    // Both bounds are reached: the floor before the peak, the ceiling during it.
    expect(price[12 * HOUR_SLOTS - 1]).toBe(floorMicroUsd);
    expect(price.slice(12 * HOUR_SLOTS, 18 * HOUR_SLOTS)).toContain(ceilingMicroUsd);
    expect(Math.max(...demand)).toBe(150);
  });

  it('serves demand over capacity pro rata and bills the slot price', () => {
    expect(Math.max(...series(result, 'colo.utilisationPct.compute'))).toBe(100);
    expect(result.kpis['colo.unmetDemandPct.compute']).toBeGreaterThan(0);
    // Usage: Σ allocated mCU × price / 1,000, one half-to-even rounding per invoice line.
    const prices = price;
    const allocatedCU = demand.map((d) => Math.min(d, 100) / 10);
    const expected = prices.reduce((s, p, i) => s + p * BigInt(Math.round(allocatedCU[i]! * 1000)), 0n) / 1000n;
    const billed = entries(result, 'retail:a', 'usage:compute').reduce((s, e) => s + BigInt(e.amount), 0n);
    expect(billed - expected >= -1n && billed - expected <= 1n).toBe(true);
  });
});

describe('auction pricing', () => {
  // a bids 60 % of its expected revenue, b 30 %; each wants 8 CU of the 12 offered.
  const result = runDoc(coloDoc({
    discovery: 'auction',
    capacity: { computeCU: 12 },
    tenants: [
      { id: 'a', hashrateTHs: 1_000, resources: { computeCU: 8 }, bidPctOfHashprice: 60 },
      { id: 'b', hashrateTHs: 1_000, resources: { computeCU: 8 }, bidPctOfHashprice: 30 },
    ],
  }, '6h'));

  it('clears at the marginal bid, and every winner pays that one price', () => {
    const hashprice = microUsd(series(result, 'colo.hashpriceUsdPerTHsDay')[0]!);
    const limit = (bidBps: number) => tenantBidLimits({
      quantities: { compute: 8_000n }, listMicroUsdPerLotSlot: list, hashpriceMicroUsdPerThDay: hashprice, hashpriceOutlookBps: 10_000,
      hashrateGHs: 1_000_000n, bidBps, slotUs: SLOT_US,
    }).compute!;
    const prices = series(result, 'colo.price.compute').map(microUsd);
    // b is the marginal bid (it gets the 4 CU a leaves): its limit is the price; a pays less than its own.
    for (const p of prices) expect(p).toBe(limit(3_000));
    expect(limit(6_000)).toBeGreaterThan(prices[0]!);
    expect(prices[0]! > list.compute / 2n).toBe(true); // above the reserve
    const paid = (tenant: string) => entries(result, `retail:${tenant}`, 'usage:compute').reduce((s, e) => s + BigInt(e.amount), 0n);
    const sumPrices = prices.reduce((s, p) => s + p, 0n);
    expect(paid('a')).toBe(8n * sumPrices);
    expect(paid('b')).toBe(4n * sumPrices);
  });

  it('serves a retail pool\'s hashrate only as far as its pool servers are served', () => {
    const held = Object.fromEntries(result.tables['colo.tenants']!.map((r) => [r.tenant, r.heldTHsAvg]));
    expect(held).toEqual({ a: 1_000, b: 500 });
  });
});

describe('reward tiers', () => {
  // 1,000 TH/s of the fleet's 2,000 wanted (50 %: medium); 85 % from 06:00 (high), 30 % from 12:00 (low).
  const result = runDoc(coloDoc({
    capacity: { computeCU: 100 },
    resourcesPerPHs: { computeCU: 1 },
    tenants: [{ id: 'a', hashrateTHs: 1_000, peaks: [{ fromHour: 6, toHour: 12, demandPct: 170 }, { fromHour: 12, toHour: 18, demandPct: 60 }] }],
  }));

  it('switch when the demand level crosses a threshold, and only then', () => {
    const level = series(result, 'colo.demandLevelPct');
    const wholesale = series(result, 'colo.wholesaleSharePct');
    // Walked slot by slot with the scenario's default 5-point band on the way down.
    let tier: RewardTier | undefined;
    level.forEach((pct, s) => {
      tier = selectRewardTierWithBand(Math.round(pct * 100), tier, 500);
      expect(wholesale[s]).toBe(tier.wholesaleBps / 100);
    });
    const switches = result.events.filter((e) => e.type === 'RewardTierSwitched');
    expect(switches.map((e) => [e.atUs / 3_600_000_000, (e.data as { from: string }).from, (e.data as { to: string }).to]))
      .toEqual([[6, 'medium', 'high'], [12, 'high', 'low'], [18, 'low', 'medium']]);
    expect(result.kpis['colo.tierSwitches']).toBe(3);
    expect([result.kpis['colo.tierTimePct.low'], result.kpis['colo.tierTimePct.medium'], result.kpis['colo.tierTimePct.high']]).toEqual([25, 50, 25]);
  });

  it('split each slot\'s reward by the tier in force: retail gets its share of the resold part', () => {
    const earned = series(result, 'fleetEarnedSat');
    const retail = series(result, 'colo.rewardSat.retail');
    const wholesalePct = series(result, 'colo.wholesaleSharePct');
    const level = series(result, 'colo.demandLevelPct');
    // The last slot also carries the final flush; every other slot is exactly the pool's credit.
    for (let s = 0; s < earned.length - 1; s++) {
      const resold = (earned[s]! * level[s]!) / 100;
      expect(Math.abs(retail[s]! - (resold * (100 - wholesalePct[s]!)) / 100)).toBeLessThanOrEqual(2);
    }
    expect(sum(retail) + sum(series(result, 'colo.rewardSat.wholesale'))).toBe(result.kpis.fleetEarnedSat);
    expect(DEFAULT_REWARD_TIERS.map((t) => t.name)).toEqual(['low', 'medium', 'high']);
  });
});

describe('commitments and capacity', () => {
  it('charge the unused part of a minimum commitment when its term ends, at the list price', () => {
    // 150 % of 2 CU for 2 epochs of 6 blocks (2 h = 8 slots): 3 CU committed, 2 CU used → 8 CU·slots short.
    const result = runDoc(coloDoc({
      capacity: { computeCU: 10 },
      tenants: [{ id: 'a', hashrateTHs: 500, resources: { computeCU: 2 }, commitment: { epochs: 2, epochBlocks: 6, pctOfBaseDemand: 150 } }],
    }, '6h'));
    const shortfall = entries(result, 'retail:a', 'commitment-shortfall:compute');
    expect(shortfall.map((e) => BigInt(e.amount))).toEqual([8n * list.compute]);
    expect(result.tables['colo.tenants']![0]!.commitmentEndDay).toBe(0.083);
  });

  it('expand after demand stays high and shrink back after it falls, within the bounds', () => {
    // 9.5 CU of 10 (95 %) from 02:00 to 05:00, 2 CU otherwise.
    const result = runDoc(coloDoc({
      capacity: { computeCU: 10 },
      capacityOnDemand: { expandAbovePct: 90, expandAfter: '1h', shrinkBelowPct: 50, shrinkAfter: '1h', stepPct: 25, maxPct: 150 },
      tenants: [{ id: 'a', hashrateTHs: 500, resources: { computeCU: 2 }, peaks: [{ fromHour: 2, toHour: 5, demandPct: 475 }] }],
    }, '8h'));
    const changes = result.events.filter((e) => e.type.startsWith('Capacity')).map((e) => [e.type, e.atUs / 3_600_000_000, (e.data as { toLots: number }).toLots]);
    // Above 90 % from 02:00: four slots later (03:00) +25 %; 9.5 of 12.5 is 76 %, so no more.
    // From 05:00 2 of 12.5 is 16 %: an hour later it shrinks, but not below the configured 10 CU.
    expect(changes).toEqual([['CapacityExpanded', 3, 12.5], ['CapacityShrunk', 6, 10]]);
    expect(series(result, 'colo.capacityLots.compute').slice(11, 13)).toEqual([10, 12.5]);
  });
});

describe('determinism and independence', () => {
  const doc = coloDoc({
    capacity: { computeCU: 10, storageIops: 50_000 },
    resourcesPerPHs: { computeCU: 4, storageIops: 20_000 },
    tenants: [{ id: 'a', hashrateTHs: 1_500, noisePct: 20 }, { id: 'b', hashrateTHs: 800, noisePct: 20, arrival: '3h' }],
  }, '12h');

  it('gives the same bytes for the same seed', () => {
    expect(canonicalJson(runDoc(doc))).toBe(canonicalJson(runDoc(doc)));
  });

  it('draws only from its own streams: the fleet, the chain and the pools run as without it', () => {
    const withColo = runDoc(doc);
    const { colo: _colo, ...without } = doc;
    const withoutColo = runDoc(without as TestDoc);
    for (const name of ['fleetSharesAccepted', 'fleetEarnedSat', 'networkBlocks', 'priceUsd', 'networkDifficulty']) {
      expect(withColo.series.values[name], name).toEqual(withoutColo.series.values[name]);
    }
    expect(withColo.kpis.fleetEarnedSat).toBe(withoutColo.kpis.fleetEarnedSat);
    // Another seed moves the tenants' demand, as it should.
    expect(series(runDoc(doc, {}, 'other'), 'colo.demandTHs')).not.toEqual(series(withColo, 'colo.demandTHs'));
  });
});
