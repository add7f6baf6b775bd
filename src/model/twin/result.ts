// The run's result as data: flat KPIs with units in their names, per-slot series, the event log and
// the ledger. Plain JSON-ready values (bigint amounts as decimal strings), so digests are canonical.
import type { LogEntry, Recorder } from '../../engine/index.js';
import type { Ledger, LedgerJson } from '../ledger/index.js';
import { getBlockSubsidy, hashpriceSatPerThDay } from '../network/index.js';
import { US_PER_DAY, US_PER_S } from '../units.js';
import { TWO_32 } from '../shares/index.js';
import { ppsRuinProbability } from '../pools/index.js';
import { MW_US_PER_KWH, type EnergyAccount } from '../site/energy-cost.js';
import type { Chain } from './chain.js';
import type { TwinConfig } from './config.js';
import type { GroupRuntime } from './group-runtime.js';
import type { PoolRuntime } from './pool-runtime.js';
import type { HeatmapSpec, TableRow, TwinSystem } from './system.js';

export interface TwinSeries {
  slotUs: number;
  slots: number;
  values: Record<string, number[]>;
}

export interface TwinResult {
  name: string;
  seed: string | number;
  resolution: TwinConfig['resolution'];
  horizonUs: number;
  kpis: Record<string, number>;
  series: TwinSeries;
  events: LogEntry[];
  droppedEvents: number;
  ledger: LedgerJson;
  /** The systems' tables (per tenant, per investor, per rental …), keyed `<system>.<table>`. */
  tables: Record<string, TableRow[]>;
  /** Heat maps over the series (rows × slots), keyed `<system>.<map>` (`site.temperature` for the containers). */
  heatmaps: Record<string, HeatmapSpec>;
}

export interface ResultInput {
  config: TwinConfig;
  chain: Chain;
  pools: PoolRuntime[];
  groups: GroupRuntime[];
  ledger: Ledger;
  recorder: Recorder;
  prices: Float64Array;
  slots: number;
  eventsRun: number;
  fleetExpectedBlocks: number;
  energy: EnergyAccount;
  systems: readonly TwinSystem[];
}

/** A KPI or series value as the result holds it: rounded to `digits` decimals (systems use it too). */
export const round = (value: number, digits = 6) => Number(value.toFixed(digits));

export function buildResult(input: ResultInput): TwinResult {
  const { config, chain, pools, groups, ledger, recorder, slots } = input;
  const values: Record<string, number[]> = {};
  for (const name of recorder.seriesNames().sort()) values[name] = recorder.series(name, slots - 1).map((v) => round(v));
  const horizonS = config.horizonUs / US_PER_S;
  const days = config.horizonUs / US_PER_DAY;
  const accepted = groups.reduce((s, g) => s + g.acceptedShares, 0);
  const stale = groups.reduce((s, g) => s + g.staleShares, 0);
  const acceptedDifficulty = groups.reduce((s, g) => s + g.acceptedDifficulty, 0);
  const nominalTHs = groups.reduce((s, g) => s + g.nominalHashrateHs, 0) / 1e12;
  const earnedSat = groups.reduce((s, g) => s + Number(g.pool.creditedSat.get(g.config.id) ?? 0n), 0);
  const earnedPerSlot = values.fleetEarnedSat ?? [];
  const earnedUsd = earnedPerSlot.reduce((s, sat, i) => s + (sat / 1e8) * input.prices[i], 0);
  const blocksFound = groups.reduce((s, g) => s + g.blocksFound, 0);
  const workerSlotsUs = groups.reduce((s, g) => s + g.config.count * config.horizonUs, 0);

  const energyKWh = Number(input.energy.energyMwUs) / Number(MW_US_PER_KWH);
  const energyCostUsd = Number(input.energy.chargedMicroUsd) / 1e6;
  const itPowerW = groups.reduce((s, g) => s + g.config.count * g.config.powerW, 0);
  const curtailedRigUs = groups.reduce((s, g) => s + g.curtailedRigUs, 0);
  const marginUsd = earnedUsd - energyCostUsd;
  const priceUsd = Array.from(input.prices);
  values.marginUsd = (values.fleetEarnedSat ?? []).map((sat, i) => round((sat / 1e8) * priceUsd[i] - (values.energyCostUsd?.[i] ?? 0), 2));
  const kpis: Record<string, number> = {
    horizonDays: round(days),
    networkBlocks: chain.blocks,
    networkDifficultyStart: chain.startDifficulty,
    networkDifficultyEnd: chain.difficulty,
    networkRetargets: chain.retargets,
    blockHeightEnd: chain.height,
    hashpriceStartSatPerTHsDay: round(hashpriceSatPerThDay({
      subsidySat: getBlockSubsidy(chain.startHeight), avgFeesSat: config.network.feesPerBlockSat, difficulty: chain.startDifficulty,
    })),
    priceStartUsd: round(input.prices[0], 2),
    priceEndUsd: round(input.prices[slots - 1], 2),
    fleetHashrateNominalTHs: round(nominalTHs),
    fleetHashrateEstimatedTHs: round((TWO_32 * acceptedDifficulty) / horizonS / 1e12),
    sharesAccepted: accepted,
    sharesStale: stale,
    staleRatePct: round(accepted + stale > 0 ? (100 * stale) / (accepted + stale) : 0),
    fleetBlocksFound: blocksFound,
    fleetBlocksExpected: round(input.fleetExpectedBlocks),
    fleetLuckPct: round(input.fleetExpectedBlocks > 0 ? (100 * blocksFound) / input.fleetExpectedBlocks : 0),
    fleetEarnedSat: earnedSat,
    fleetEarnedUsd: round(earnedUsd, 2),
    fleetEarnedSatPerTHsDay: round(nominalTHs > 0 && days > 0 ? earnedSat / nominalTHs / days : 0),
    itPowerInstalledKW: round(itPowerW / 1000),
    curtailedRigHours: round(curtailedRigUs / 3_600_000_000),
    curtailedPct: round(workerSlotsUs > 0 ? (100 * curtailedRigUs) / workerSlotsUs : 0),
    throttledPct: round(workerSlotsUs > 0 ? (100 * groups.reduce((s, g) => s + g.throttledRigUs, 0)) / workerSlotsUs : 0),
    thermalShutdownPct: round(workerSlotsUs > 0 ? (100 * groups.reduce((s, g) => s + g.shutdownRigUs, 0)) / workerSlotsUs : 0),
    fleetEfficiencyJPerTH: round(nominalTHs > 0 ? itPowerW / nominalTHs : 0),
    energyKWh: round(energyKWh, 3),
    energyCostUsd: round(energyCostUsd, 2),
    marginUsd: round(marginUsd, 2),
    marginPct: round(earnedUsd > 0 ? (100 * marginUsd) / earnedUsd : 0),
    breakEvenPowerPriceUsdPerKWh: round(energyKWh > 0 ? earnedUsd / energyKWh : 0),
    fleetAlerts: groups.reduce((s, g) => s + g.alerts, 0),
    fleetUnhealthyPct: round(workerSlotsUs > 0 ? (100 * groups.reduce((s, g) => s + g.unhealthyWorkerUs, 0)) / workerSlotsUs : 0),
    ledgerEntries: ledger.entryCount,
    engineEvents: input.eventsRun,
  };
  for (const pool of pools) {
    const prefix = `pool.${pool.config.id}`;
    const totals = pool.scheme.totals();
    kpis[`${prefix}.blocksFound`] = pool.blocksFound;
    kpis[`${prefix}.blocksExpected`] = round(pool.expectedBlocks);
    kpis[`${prefix}.luckPct`] = round(pool.expectedBlocks > 0 ? (100 * pool.blocksFound) / pool.expectedBlocks : 0);
    if (pool.config.scheme === 'PPS' || pool.config.scheme === 'FPPS') {
      // The operator's risk of ruin from its starting reserve, exp(−2fR/B) (Rosenfeld 2011 §2.2; diffusion).
      const blockRewardSat = getBlockSubsidy(chain.startHeight) + (pool.config.scheme === 'FPPS' ? config.network.feesPerBlockSat : 0n);
      kpis[`${prefix}.ruinProbabilityPct`] = pool.config.feeBps > 0
        ? round(100 * ppsRuinProbability({ feeBps: pool.config.feeBps, blockRewardSat, reserveSat: pool.config.startingReserveSat }))
        : 100;
    }
    kpis[`${prefix}.feeIncomeSat`] = Number(totals.poolFeeSat);
    // What the operator kept over the run, whatever the scheme: explicit fees plus the change in its
    // wallet net of what it owes miners (PPS/FPPS earn their fee there, priced into every share).
    kpis[`${prefix}.operatorProfitSat`] = Number(totals.poolFeeSat + pool.reserveSat() - pool.config.startingReserveSat);
    kpis[`${prefix}.reserveEndSat`] = Number(pool.reserveSat());
    kpis[`${prefix}.lowestReserveSat`] = Number(pool.lowestReserveSat());
    kpis[`${prefix}.ruined`] = pool.lowestReserveSat() < 0n ? 1 : 0;
  }
  for (const g of groups) {
    const prefix = `group.${g.config.id}`;
    kpis[`${prefix}.earnedSat`] = Number(g.pool.creditedSat.get(g.config.id) ?? 0n);
    kpis[`${prefix}.sharesAccepted`] = g.acceptedShares;
    kpis[`${prefix}.blocksFound`] = g.blocksFound;
    kpis[`${prefix}.alerts`] = g.alerts;
  }
  const tables: Record<string, TableRow[]> = {};
  const heatmaps: Record<string, HeatmapSpec> = {};
  const containerRows = groups.filter((g) => values[`group.${g.config.id}.rigTempC`] !== undefined)
    .map((g) => ({ label: g.config.id, series: `group.${g.config.id}.rigTempC` }));
  if (containerRows.length > 0) heatmaps['site.temperature'] = { title: 'Rig temperature by container', unit: '°C', rows: containerRows };
  for (const system of input.systems) {
    for (const [name, spec] of Object.entries(system.heatmaps?.() ?? {})) heatmaps[`${system.name}.${name}`] = spec;
    for (const [name, value] of Object.entries(system.kpis())) kpis[`${system.name}.${name}`] = value;
    for (const [name, rows] of Object.entries(system.tables?.() ?? {})) tables[`${system.name}.${name}`] = rows;
  }
  return {
    name: config.name,
    seed: config.seed,
    resolution: config.resolution,
    horizonUs: config.horizonUs,
    kpis,
    series: { slotUs: config.slotUs, slots, values },
    events: recorder.logged.map((e) => ({ ...e })),
    droppedEvents: recorder.droppedLogEntries,
    ledger: ledger.toJSON(),
    tables,
    heatmaps,
  };
}
