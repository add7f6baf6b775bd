// A small IaaS for the tenant tests: three S21 nodes (10 rigs each, 2 PH/s) and two GPU-rig nodes
// (4 rigs each, 1.44 GH/s) at $0.069/kWh (domain-facts §3.3), default tenants and burst offers.
import { createRoot, createSimulation } from '../../../src/engine/index.js';
import { findModel } from '../../../src/model/hardware/index.js';
import {
  createTenantMarket, nodeFromModel, type TenantEvent, type TenantMarket, type TenantMarketConfig, type NodeUsage,
} from '../../../src/model/market/tenants/index.js';
import { US_PER_DAY } from '../../../src/model/units.js';

export const TARIFF_MICRO_USD_PER_KWH = 69_000n;

export const NODES = [
  nodeFromModel('asic-a', findModel('antminer-s21')!, 10, TARIFF_MICRO_USD_PER_KWH),
  nodeFromModel('asic-b', findModel('antminer-s21')!, 10, TARIFF_MICRO_USD_PER_KWH),
  nodeFromModel('asic-c', findModel('antminer-s21')!, 10, TARIFF_MICRO_USD_PER_KWH),
  nodeFromModel('gpu-a', findModel('gpu-rig-6x-rtx3060ti')!, 4, TARIFF_MICRO_USD_PER_KWH),
  nodeFromModel('gpu-b', findModel('gpu-rig-6x-rtx3060ti')!, 4, TARIFF_MICRO_USD_PER_KWH),
];

export interface MarketRun {
  market: TenantMarket;
  events: TenantEvent[];
  /** Node usage seen right after each event (for invariants). */
  usageAt: { event: TenantEvent; usage: NodeUsage[] }[];
}

export function runMarket(seed: number | string, days: number, config: Partial<TenantMarketConfig> = {}, watch = false): MarketRun {
  const sim = createSimulation();
  const events: TenantEvent[] = [];
  const usageAt: MarketRun['usageAt'] = [];
  let market: TenantMarket | undefined;
  market = createTenantMarket(sim, createRoot(seed).stream('iaas'), { nodes: NODES, ...config }, {
    onEvent: (event) => {
      events.push(event);
      if (watch) usageAt.push({ event, usage: market!.nodeUsage() });
    },
  });
  market.start(days * US_PER_DAY);
  sim.run();
  return { market, events, usageAt };
}
