// The extension point of the twin: each of the business systems (operations, colo pricing, HA
// rentals, tenants, broker) is a TwinSystem that the run calls at slot edges and at the end. A system
// reads the fleet and the chain, schedules its own events on the shared Simulation, books money in
// the shared Ledger and records series and events in the shared Recorder; it returns KPIs and tables.
import type { RandomRoot, Recorder, Simulation } from '../../engine/index.js';
import type { Ledger } from '../ledger/index.js';
import type { Chain } from './chain.js';
import type { TwinConfig } from './config.js';
import type { GroupRuntime } from './group-runtime.js';
import type { PoolRuntime } from './pool-runtime.js';

/** A row of a result table: JSON-ready values only (bigint amounts as decimal strings). */
export type TableRow = Record<string, string | number | boolean | null>;

export interface TwinSystemContext {
  readonly sim: Simulation;
  readonly config: TwinConfig;
  /** Systems draw from streams under `system/<name>/…`, so they never move the fleet's or each other's. */
  readonly root: RandomRoot;
  readonly recorder: Recorder;
  readonly ledger: Ledger;
  readonly groups: readonly GroupRuntime[];
  readonly pools: ReadonlyMap<string, PoolRuntime>;
  readonly chain: Chain;
  /** Number of slots in the horizon (the last one may be short). */
  readonly slots: number;
  /** The coin price (US$) during a slot. */
  coinPriceUsd(slot: number): number;
  /** Expected revenue of 1 TH/s for a day at the chain's current difficulty and subsidy, with average fees (sat). */
  hashpriceSatPerThDay(): number;
  slotIndexAt(atUs: number): number;
}

export interface TwinSystem {
  /** Used as the KPI prefix and in stream ids: `colo`, `ops`, … */
  readonly name: string;
  /** At the start of a slot, after the site has decided which rigs run and before the slot's work is drawn. */
  startSlot?(slot: number, startUs: number, endUs: number): void;
  /** At the end of a slot, after its work has been credited to the pools and its energy metered. */
  endSlot?(slot: number, startUs: number, endUs: number): void;
  /** At the horizon, after the final flush and payouts. */
  finish?(horizonUs: number): void;
  /** Flat KPIs with units in their names; the run prefixes them with `<name>.`. */
  kpis(): Record<string, number>;
  /** Tables for the lab and reports (per tenant, per investor, per rental …), keyed by a short name. */
  tables?(): Record<string, TableRow[]>;
  /** Heat maps over the system's series, keyed by a short name. */
  heatmaps?(): Record<string, HeatmapSpec>;
}

/**
 * A heat map the lab draws (rows × slots): each row names a series of the result (series.values),
 * so the numbers live once, in the series.
 */
export interface HeatmapSpec {
  title: string;
  /** Unit of the cell values, e.g. "US$/TB/slot", "°C". */
  unit: string;
  rows: { label: string; series: string }[];
}

/** Builds a system from the context, or returns undefined when the scenario does not use it. */
export type TwinSystemFactory = (ctx: TwinSystemContext) => TwinSystem | undefined;
