// The multi-tenant mining IaaS in the twin (DESIGN.md system 4): tenants arrive on a daily profile and
// leave, their work is placed on local nodes by utilisation history, what does not fit bursts to the
// cheapest third-party offer with units available, and every tenant and slot is booked with its margin
// (negative where bursts or idle nodes cost more than tenants pay) and settled in the run's ledger at
// slot ends. Crowd worker nodes mine on a pool of the run for a fair share of what it pays them.
import type { Algorithm } from '../../../hardware/index.js';
import { createTenantMarket, HASHRATE_UNIT_HS, type TenantMarket, type TenantMarketKpis } from '../../../market/tenants/index.js';
import { DEFAULT_HASHPRICE_DISCOUNT_BPS, hashpriceMinusPriceMicroUsdPerThDay } from '../../../pricing/rental-price.js';
import { HS_PER_THS, microUsdToUsd } from '../../../units.js';
import { POWER_UTILITY_ACCOUNT } from '../../site-runtime.js';
import type { TwinSystem, TwinSystemContext } from '../../system.js';
import type { IaasConfig } from './config.js';
import { CrowdWiring } from './crowd-wiring.js';
import { logCrowdDistribution, logCrowdEvent, logTenantEvent } from './event-log.js';
import { HashrateLevels, LEVEL_KINDS, UNIT_SUFFIX } from './hashrate-levels.js';
import { crowdRows, iaasKpis, nodeRows, tenantRows } from './report.js';

export const IAAS_OPERATOR_ACCOUNT = 'operator:iaas';
const ALGORITHMS: readonly Algorithm[] = ['sha256d', 'ethash'];

/** Algorithms the IaaS serves or is asked for, in a fixed order (one set of series and KPIs each). */
function algorithmsOf(config: IaasConfig): Algorithm[] {
  const used = new Set<Algorithm>([...config.nodes.map((n) => n.algorithm), ...config.demand.algorithmMix.map((m) => m.algorithm)]);
  return ALGORITHMS.filter((alg) => used.has(alg));
}

/**
 * SHA-256d tenants pay the network's hashprice at the start (at the starting coin price) less the
 * renter edge of pricing/rental-price.ts, unless the scenario names a price: sat·US$/BTC / 100 = µUSD.
 */
function sha256dPriceMicroUsdPerThDay(ctx: TwinSystemContext, config: IaasConfig): bigint {
  if (config.prices.sha256d !== undefined) return config.prices.sha256d;
  const hashpriceMicroUsd = BigInt(Math.round((ctx.hashpriceSatPerThDay() * ctx.coinPriceUsd(0)) / 100));
  return hashpriceMinusPriceMicroUsdPerThDay(hashpriceMicroUsd, DEFAULT_HASHPRICE_DISCOUNT_BPS);
}

export function createIaasSystem(ctx: TwinSystemContext): TwinSystem | undefined {
  const config = ctx.config.systems.iaas;
  if (config === undefined) return undefined;
  const { sim, recorder, ledger } = ctx;
  const horizonUs = ctx.config.horizonUs;
  const offers = new Map(config.burstOffers.map((o) => [o.id, o]));
  const algorithms = algorithmsOf(config);
  const levels = new HashrateLevels(algorithms, sim.nowUs);
  const prices: Record<Algorithm, bigint> = { sha256d: sha256dPriceMicroUsdPerThDay(ctx, config), ethash: config.prices.ethash };
  const capacityInUnit = new Map(algorithms.map((alg) => [
    alg, config.nodes.filter((n) => n.algorithm === alg).reduce((s, n) => s + n.capacityHs, 0) / HASHRATE_UNIT_HS[alg],
  ]));

  const market: TenantMarket = createTenantMarket(sim, ctx.root.stream('system/iaas/tenants'), {
    nodes: config.nodes,
    burstOffers: config.burstOffers,
    placement: config.placement,
    slotUs: ctx.config.slotUs,
    ewmaHalfLifeUs: config.utilisationHalfLifeUs,
    arrivalsPerDay: config.arrivalsPerDay,
    dailyProfile: config.dailyProfile,
    demand: config.demand,
    tenantPriceMicroUsdPerUnitDay: prices,
    minBilledUs: config.minBilledUs,
    accounts: {
      operator: IAAS_OPERATOR_ACCOUNT,
      tenantPrefix: 'iaas:',
      // The nodes draw from the same utility as the site; their power is billed per use, not metered by the site.
      localCost: POWER_UTILITY_ACCOUNT,
      fixedCost: 'supplier:hosting',
      burstPrefix: 'burst:',
    },
  }, {
    onEvent: (e) => {
      levels.onEvent(e);
      logTenantEvent(recorder, e, offers);
    },
    onSlotClosed: (s) => {
      for (const n of config.nodes) recorder.set(`iaas.utilisationPct.${n.id}`, s.startUs, 100 * s.nodeUtilisation[n.id]!);
    },
  });
  market.start(horizonUs);

  const crowd = config.crowd === undefined ? undefined : new CrowdWiring(ctx, config.crowd, IAAS_OPERATOR_ACCOUNT, {
    onEvent: (e) => logCrowdEvent(recorder, e),
    onDistribution: (d) => logCrowdDistribution(recorder, d),
  });

  let final: TenantMarketKpis | undefined;
  const finalKpis = (): TenantMarketKpis => {
    final ??= market.kpis();
    return final;
  };

  return {
    name: 'iaas',

    endSlot(_slot: number, startUs: number, endUs: number): void {
      for (const [alg, slotLevels] of levels.closeSlot(startUs, endUs)) {
        const u = UNIT_SUFFIX[alg];
        for (const kind of LEVEL_KINDS) recorder.set(`iaas.${kind}${u}`, startUs, slotLevels[kind]);
        recorder.set(`iaas.capacity${u}`, startUs, capacityInUnit.get(alg)!);
      }
      market.settle(ledger, endUs);
      if (crowd !== undefined) {
        recorder.set('iaas.crowdTHs', startUs, crowd.endSlot(startUs, endUs) / HS_PER_THS);
        recorder.set('iaas.crowdNodes', startUs, crowd.crowd.activeCount());
      }
    },

    finish(atUs: number): void {
      market.settle(ledger, atUs);
      crowd?.distribute(atUs);
      // A tenant's money is spread over the slots of its stay when it leaves, so slot margins are final only now.
      for (const s of finalKpis().slots) {
        recorder.set('iaas.revenueUsd', s.startUs, microUsdToUsd(s.revenueMicroUsd));
        recorder.set('iaas.burstCostUsd', s.startUs, microUsdToUsd(s.burstCostMicroUsd));
        recorder.set('iaas.marginUsd', s.startUs, microUsdToUsd(s.marginMicroUsd));
      }
    },

    kpis: () => iaasKpis({
      market: finalKpis(), nodes: config.nodes, levels, horizonUs, tenantPriceMicroUsdPerUnitDay: prices,
      crowd: crowd === undefined ? undefined : { nodes: crowd.crowd.nodes(), distributions: crowd.distributions },
    }),

    tables: () => ({
      tenants: tenantRows(finalKpis()),
      nodes: nodeRows(finalKpis(), config.nodes),
      ...(crowd === undefined ? {} : { crowd: crowdRows(crowd.crowd.nodes()) }),
    }),

    heatmaps: () => ({
      utilisation: {
        title: 'Utilisation of the local nodes',
        unit: '%',
        rows: config.nodes.map((n) => ({ label: n.id, series: `iaas.utilisationPct.${n.id}` })),
      },
    }),
  };
}
