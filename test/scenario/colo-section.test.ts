// The `colo` and `investors` sections: units converted exactly, defaults from the pricing model, and
// every problem reported at its path (cross-references, thresholds, shares, free resources).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMMITMENT_EPOCH, DEFAULT_REWARD_TIERS, DEFAULT_UTILISATION_RULE } from '../../src/model/pricing/index.js';
import { parseScenarioText, toTwinConfig, validateScenario, type ScenarioIssue } from '../../src/scenario/index.js';

const COLO_YAML = readFileSync(new URL('../../scenarios/colo-price-discovery.yaml', import.meta.url), 'utf8');

type Doc = Record<string, unknown> & { colo: Record<string, unknown> & { tenants: Record<string, unknown>[] } };

function doc(): Doc {
  return {
    name: 'x', slot: '15m', horizon: '1d',
    pools: [{ id: 'p', scheme: 'FPPS' }], fleet: [{ id: 'g', count: 10, hashrateTHs: 200, pool: 'p' }],
    colo: {
      capacity: { computeCU: 10, storageIops: 50_000, storageTB: 8 },
      resourcesPerPHs: { computeCU: 2, storageIops: 10_000, storageTB: 1.5 },
      tenants: [{ id: 'a', hashrateTHs: 1_250 }],
    },
  };
}

function issuesOf(document: unknown): ScenarioIssue[] {
  const outcome = validateScenario(document);
  if (outcome.ok) throw new Error('expected the scenario to be invalid');
  return outcome.issues;
}

function configOf(document: unknown) {
  const outcome = validateScenario(document);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return toTwinConfig(outcome.scenario);
}

describe('colo section', () => {
  it('scenarios/colo-price-discovery.yaml is valid', () => {
    const outcome = parseScenarioText(COLO_YAML);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    expect(outcome.scenario.colo?.tenants.map((t) => t.id)).toEqual(['alpine-pool', 'baltic-hash', 'cobalt-mining']);
  });

  it('converts to base units exactly and fills the pricing model\'s defaults', () => {
    const colo = configOf(doc()).systems.colo!;
    expect(colo.capacity).toEqual({ compute: 10_000n, 'storage-iops': 50_000n, 'storage-capacity': 8_000n });
    // 1.25 PH/s × the per-PH/s needs: 2.5 CU = 2,500 mCU, 12,500 IOPS, 1.875 TB = 1,875 GB.
    expect(colo.tenants[0]).toMatchObject({
      hashrateGHs: 1_250_000n, resources: { compute: 2_500n, 'storage-iops': 12_500n, 'storage-capacity': 1_875n },
      arrivalUs: 0, departureUs: undefined, peaks: [], bidBps: 3_000, hashpriceOutlookBps: 10_000,
    });
    expect(colo).toMatchObject({ baseline: 'provisioned-iops', discountBps: 5_000, computeNetworkFractionBps: 2_500, computeShareOfFractionBps: 5_000, discovery: 'utilisation', invoiceEveryUs: 86_400_000_000 });
    expect(colo.rule).toEqual(DEFAULT_UTILISATION_RULE);
    expect(colo.tiers).toEqual(DEFAULT_REWARD_TIERS);
    expect(colo.rewardShare).toEqual({ coloRewardShareBps: 0, rentReductionBps: 0 });
  });

  it('turns commitments, capacity on demand and investors into the model\'s units', () => {
    const d = doc();
    d.colo.capacityOnDemand = { expandAfter: '1h', shrinkAfter: '20m' };
    d.colo.tenants[0]!.commitment = { epochs: 6 };
    d.colo.tenants[0]!.departure = '20h';
    d.colo.tenants[0]!.investors = { holders: [{ id: 'inv', sharePct: 12.5, investedUSD: 1000.5 }] };
    const colo = configOf(d).systems.colo!;
    expect(colo.capacityOnDemand).toMatchObject({ expandAfterSlots: 4, shrinkAfterSlots: 2, minBps: 10_000, maxBps: 20_000 });
    expect(colo.tenants[0]!.commitment).toEqual({ epochs: 6, epoch: DEFAULT_COMMITMENT_EPOCH, quantityBps: 10_000 });
    expect(colo.tenants[0]!.departureUs).toBe(20 * 3_600_000_000);
    expect(colo.tenants[0]!.investors).toEqual({ basis: 'net', payoutIntervalUs: 86_400_000_000, holdings: [{ id: 'inv', shareBps: 1_250, investedMicroUsd: 1_000_500_000n }] });
  });

  it.each<[string, (d: Doc) => void, string, RegExp]>([
    ['a resource the colo does not offer', (d) => { d.colo.tenants[0]!.resources = { networkNU: 1 }; }, 'colo.tenants[0].resources.networkNU', /offers no networkNU/],
    ['per-PH/s needs the colo does not offer', (d) => { d.colo.resourcesPerPHs = { storageGBs: 1 }; }, 'colo.resourcesPerPHs.storageGBs', /offers no storageGBs/],
    ['no resources at all', (d) => { delete d.colo.resourcesPerPHs; }, 'colo.tenants[0].resources', /required when colo.resourcesPerPHs is not given/],
    ['a resource io1/io2 does not bill', (d) => { d.colo.capacity = { storageGBs: 2 }; }, 'colo.capacity.storageGBs', /list price of 0 under the provisioned-iops baseline/],
    ['an empty capacity', (d) => { d.colo.capacity = {}; }, 'colo.capacity', /at least one resource/],
    ['repeated tenants', (d) => { d.colo.tenants.push({ id: 'a', hashrateTHs: 1 }); }, 'colo.tenants[1].id', /used by more than one tenant/],
    ['a departure before the arrival', (d) => { Object.assign(d.colo.tenants[0]!, { arrival: '2h', departure: '1h' }); }, 'colo.tenants[0].departure', /later than arrival/],
    ['tiers that do not start at 0', (d) => { d.colo.rewardTiers = [{ name: 'x', fromDemandPct: 10, wholesalePct: 50 }]; }, 'colo.rewardTiers[0].fromDemandPct', /must be 0/],
    ['tiers out of order', (d) => { d.colo.rewardTiers = [{ name: 'x', fromDemandPct: 0, wholesalePct: 50 }, { name: 'y', fromDemandPct: 0, wholesalePct: 40 }]; }, 'colo.rewardTiers[1].fromDemandPct', /above the tier before/],
    ['invoices between slots', (d) => { d.colo.invoiceEvery = '20m'; }, 'colo.invoiceEvery', /whole number of slots/],
    ['a ceiling under the floor', (d) => { d.colo.utilisationRule = { floorPct: 80, ceilingPct: 60 }; }, 'colo.utilisationRule.ceilingPct', /≥ floorPct/],
    ['a shrink threshold over the expand one', (d) => { d.colo.capacityOnDemand = { expandAbovePct: 60, shrinkBelowPct: 70 }; }, 'colo.capacityOnDemand.shrinkBelowPct', /below expandAbovePct/],
    ['investors over 100 %', (d) => { d.colo.tenants[0]!.investors = { holders: [{ id: 'x', sharePct: 60 }, { id: 'y', sharePct: 50 }] }; }, 'colo.tenants[0].investors.holders', /at most 100 %, got 110 %/],
    ['a share finer than a basis point', (d) => { d.colo.tenants[0]!.investors = { holders: [{ id: 'x', sharePct: 33.333 }] }; }, 'colo.tenants[0].investors.holders[0].sharePct', /two decimals/],
    ['an investor in two places', (d) => { d.colo.tenants[0]!.investors = { holders: [{ id: 'x', sharePct: 10 }] }; d.investors = { holders: [{ id: 'x', sharePct: 10 }] }; }, 'investors.holders[0].id', /used by more than one investor/],
    ['a horizon that ends inside a slot', (d) => { d.horizon = '1h10m'; }, 'horizon', /whole number of slots when the colo is on/],
    ['an unknown key', (d) => { d.colo.tenants[0]!.hashrateTH = 5; }, 'colo.tenants[0].hashrateTH', /unknown key/],
    ['a bad discovery mode', (d) => { d.colo.discovery = 'lottery'; }, 'colo.discovery', /utilisation|auction/],
  ])('%s', (_what, change, path, message) => {
    const d = doc();
    change(d);
    expect(issuesOf(d).find((i) => i.path === path)?.message).toMatch(message);
  });
});
