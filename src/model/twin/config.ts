// What the twin runs: a plain, unit-explicit configuration (µs, H/s, sat, basis points). The scenario
// layer builds it from a validated scenario file; the model never reads files or schemas itself.
import type { SchemeName } from '../pools/index.js';
import type { AmbientConfig } from '../site/ambient.js';
import type { TariffConfig } from '../site/tariff.js';
import type { BrokerSystemConfig } from './systems/broker/config.js';
import type { IaasConfig } from './systems/iaas/config.js';
import type { ColoConfig } from './systems/colo/config.js';
import type { InvestorsConfig } from '../pricing/index.js';
import type { OperationsConfig } from './systems/ops/config.js';
import type { RentalsConfig } from './systems/rentals/config.js';

export type PricePath =
  | { model: 'fixed'; usd: number }
  | { model: 'gbm'; usd: number; driftPerYear: number; volatilityPerYear: number }
  | { model: 'table'; points: { atUs: number; usd: number }[] };

export interface NetworkConfig {
  hashrateHs: number;
  /** Exponential growth of the network's hashrate, per day (0.01 = +1 %/day). */
  hashrateGrowthPerDay: number;
  /** Starting difficulty; undefined = in equilibrium with hashrateHs at 600 s blocks. */
  difficulty?: number;
  blockHeight: number;
  feesPerBlockSat: bigint;
  /** Coefficient of variation of fees per block (lognormal). */
  feesCv: number;
  retarget: boolean;
  price: PricePath;
}

export interface VardiffConfig {
  targetSecondsPerShare: number;
  retargetSeconds: number;
  variancePct: number;
  minDifficulty: number;
  maxDifficulty: number;
}

export interface PoolConfig {
  id: string;
  scheme: SchemeName;
  feeBps: number;
  pplnsWindowFactor: number;
  startingReserveSat: bigint;
  /** The pool's other miners, outside the simulated fleet. */
  extraHashrateHs: number;
  vardiff: VardiffConfig;
  fixedShareDifficulty?: number;
  /** Miners' accrued earnings are paid out at this interval (and at the end of the run). */
  payoutIntervalUs: number;
}

export interface WorkerGroupConfig {
  id: string;
  count: number;
  /** The catalogue model the figures came from, when one was named. */
  modelId?: string;
  hashrateHs: number;
  /** Wall power of one worker; 0 when unknown (its energy is then not costed). */
  powerW: number;
  poolId: string;
  latencyUs: number;
  /** Delivered / nominal hashrate, 0 < x ≤ 1. */
  efficiency: number;
}

export interface SiteConfig {
  /** Facility power / IT power. */
  pue: number;
  tariff: TariffConfig;
  /** Grid connection (facility kW); undefined = unlimited. */
  capacityKw?: number;
  /** Every rig stops while the price is above this; undefined = never for price. */
  priceCeilingMicroUsdPerKWh?: bigint;
  /** Outside air; without it rigs run at their nominal figures whatever the weather. */
  climate?: AmbientConfig;
  containers: { intakeSetpointC: number; maxRecirculation: number };
}

export interface MonitoringConfig {
  windowUs: number;
  degradedBelowPct: number;
  deadAfterUs: number;
}

export type Resolution = 'exact' | 'aggregate' | 'hashed';

/**
 * The business systems a scenario switches on (src/model/twin/systems/): each field is one system's
 * configuration, absent when the scenario does not use it.
 */
export interface SystemsConfig {
  /** Failures, monitoring and repairs of fleet groups (systems/ops/). */
  operations?: OperationsConfig;
  /** HA rentals of a group's rigs, with failover to spares (systems/rentals/). */
  rentals?: RentalsConfig;
  broker?: BrokerSystemConfig;
  iaas?: IaasConfig;
  colo?: ColoConfig;
  /** Investors in the fleet operator's earnings (systems/investors.ts). */
  investors?: InvestorsConfig;
}

export interface TwinConfig {
  name: string;
  seed: string | number;
  horizonUs: number;
  slotUs: number;
  resolution: Resolution;
  network: NetworkConfig;
  site: SiteConfig;
  pools: PoolConfig[];
  fleet: WorkerGroupConfig[];
  monitoring: MonitoringConfig;
  systems: SystemsConfig;
}
