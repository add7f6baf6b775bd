// A validated scenario → the twin's unit-explicit configuration (EH/s → H/s, BTC → sat, % → bps).
import { findModel } from '../model/hardware/index.js';
import type { TariffConfig } from '../model/site/index.js';
import { btcToSat, usdToMicroUsd } from '../model/units.js';
import type { TwinConfig } from '../model/twin/index.js';
import type { Scenario } from './schema.js';
import { toBrokerConfig } from './sections/broker.js';
import { leasedFleetGroupIds, toIaasConfig } from './sections/iaas.js';
import { toColoConfig } from './sections/colo.js';
import { toInvestorsConfig } from './sections/investors.js';
import { toOperationsConfig } from './sections/operations.js';
import { toRentalsConfig } from './sections/rentals.js';

const HS_PER_EHS = 1e18;
const HS_PER_THS = 1e12;
const US_PER_MS = 1_000;
const US_PER_MIN = 60_000_000;

/** The site's tariff: flat, or time-of-use windows over the base price. */
export function tariffOf(site: Scenario['site']): TariffConfig {
  const basePriceMicroUsdPerKWh = usdToMicroUsd(site.powerPriceUSDperKWh);
  if (site.timeOfUse.length === 0) return { kind: 'flat', priceMicroUsdPerKWh: basePriceMicroUsdPerKWh };
  return {
    kind: 'time-of-use',
    basePriceMicroUsdPerKWh,
    periods: site.timeOfUse.map((w) => ({ fromHour: w.fromHour, toHour: w.toHour, priceMicroUsdPerKWh: usdToMicroUsd(w.priceUSDperKWh) })),
  };
}

export function toTwinConfig(scenario: Scenario, seedOverride?: string | number): TwinConfig {
  const network = scenario.network;
  const price = network.price;
  // Fleet groups leased out to the IaaS serve tenants instead of mining for their pools.
  const leased = leasedFleetGroupIds(scenario);
  return {
    name: scenario.name,
    seed: seedOverride ?? scenario.seed,
    horizonUs: scenario.horizon,
    slotUs: scenario.slot,
    resolution: scenario.resolution,
    network: {
      hashrateHs: network.hashrateEHs * HS_PER_EHS,
      hashrateGrowthPerDay: network.hashrateGrowthPctPerDay / 100,
      difficulty: network.difficulty,
      blockHeight: network.blockHeight,
      feesPerBlockSat: btcToSat(network.feesPerBlockBTC),
      feesCv: network.feesVolatilityPct / 100,
      retarget: network.retarget,
      price: price.model === 'fixed' ? { model: 'fixed', usd: price.usd }
        : price.model === 'gbm' ? { model: 'gbm', usd: price.usd, driftPerYear: price.driftPctPerYear / 100, volatilityPerYear: price.volatilityPctPerYear / 100 }
          : { model: 'table', points: price.points.map((p) => ({ atUs: p.at, usd: p.usd })) },
    },
    pools: scenario.pools.map((p) => ({
      id: p.id,
      scheme: p.scheme,
      feeBps: Math.round(p.feePct * 100),
      pplnsWindowFactor: p.pplnsWindowFactor,
      startingReserveSat: btcToSat(p.reserveBTC),
      extraHashrateHs: p.extraHashrateEHs * HS_PER_EHS,
      vardiff: { ...p.vardiff },
      fixedShareDifficulty: p.fixedShareDifficulty,
      payoutIntervalUs: p.payoutInterval,
    })),
    site: {
      pue: scenario.site.pue,
      tariff: tariffOf(scenario.site),
      capacityKw: scenario.site.capacityKW,
      priceCeilingMicroUsdPerKWh: scenario.site.priceCeilingUSDperKWh === undefined ? undefined : usdToMicroUsd(scenario.site.priceCeilingUSDperKWh),
      climate: scenario.site.climate === undefined ? undefined : {
        meanC: scenario.site.climate.meanC,
        dailyAmplitudeC: scenario.site.climate.dailySwingC,
        seasonalAmplitudeC: scenario.site.climate.seasonalSwingC,
        noiseSdC: scenario.site.climate.noiseSdC,
        // Weather fronts last days: the noise decorrelates over 2 days (an assumption).
        noiseCorrelationUs: 2 * 86_400_000_000,
        stepUs: scenario.slot,
        clock: { startDayOfYear: scenario.site.climate.startDayOfYear },
      },
      containers: { intakeSetpointC: scenario.site.containers.intakeSetpointC, maxRecirculation: scenario.site.containers.maxRecirculationPct / 100 },
    },
    fleet: scenario.fleet.filter((g) => !leased.has(g.id)).map((g) => {
      // cross-check.ts guarantees a known model or an explicit hashrate.
      const model = g.model === undefined ? undefined : findModel(g.model)!;
      return {
        id: g.id,
        count: g.count,
        modelId: model?.id,
        hashrateHs: g.hashrateTHs !== undefined ? g.hashrateTHs * HS_PER_THS : model!.hashrateHs,
        powerW: g.powerW ?? model?.powerW ?? 0,
        poolId: g.pool,
        latencyUs: Math.round(g.latencyMs * US_PER_MS),
        efficiency: g.efficiencyPct / 100,
      };
    }),
    monitoring: {
      windowUs: Math.round(scenario.monitoring.windowMinutes * US_PER_MIN),
      degradedBelowPct: scenario.monitoring.degradedBelowPct,
      deadAfterUs: Math.round(scenario.monitoring.deadAfterMinutes * US_PER_MIN),
    },
    systems: {
      ...(scenario.operations === undefined ? {} : { operations: toOperationsConfig(scenario, Math.round(scenario.monitoring.windowMinutes * US_PER_MIN)) }),
      ...(scenario.rentals === undefined ? {} : { rentals: toRentalsConfig(scenario, Math.round(scenario.monitoring.windowMinutes * US_PER_MIN)) }),
      ...(scenario.broker === undefined ? {} : { broker: toBrokerConfig(scenario.broker) }),
      ...(scenario.iaas === undefined ? {} : { iaas: toIaasConfig(scenario) }),
      ...(scenario.colo === undefined ? {} : { colo: toColoConfig(scenario) }),
      ...(scenario.investors === undefined ? {} : { investors: toInvestorsConfig(scenario.investors) }),
    },
  };
}
