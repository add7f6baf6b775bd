// Small scenarios for the twin's tests, written as scenario documents (so every run goes through the
// same validation and unit mapping as a file) and run in-process without the WASM core.
import { runTwin, type TwinHooks, type TwinResult } from '../../../src/model/twin/index.js';
import { parseScenarioText, toTwinConfig } from '../../../src/scenario/index.js';
import { TWO_32 } from '../../../src/model/shares/index.js';

export const US_PER_S = 1_000_000;
export const S_PER_DAY = 86_400;
export const SUBSIDY_SAT_AT_900K = 312_500_000;

/** A scenario document as a test edits it: loose records, validated when run. */
export interface TestDoc {
  [key: string]: unknown;
  name: string;
  seed: string | number;
  horizon: string;
  slot: string;
  resolution: string;
  network: Record<string, unknown>;
  pools: Record<string, unknown>[];
  fleet: Record<string, unknown>[];
}

/** A one-pool, one-group scenario: 800 EH/s network, no fee noise, fixed price, no latency. */
export function baseScenario(): TestDoc {
  return {
    name: 'test',
    seed: 1,
    horizon: '6h',
    slot: '15m',
    resolution: 'aggregate',
    network: { hashrateEHs: 800, blockHeight: 900_000, feesPerBlockBTC: 0.03, feesVolatilityPct: 0, retarget: false, price: { model: 'fixed', usd: 100_000 } },
    pools: [{ id: 'p', scheme: 'FPPS', feePct: 2 }],
    fleet: [{ id: 'g', count: 10, hashrateTHs: 200, pool: 'p', latencyMs: 0 }],
  };
}

export function parseDoc(doc: unknown) {
  const parsed = parseScenarioText(JSON.stringify(doc));
  if (!parsed.ok) throw new Error(`test scenario is invalid: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  return parsed.scenario;
}

export function runDoc(doc: unknown, hooks: TwinHooks = {}, seed?: string | number): TwinResult {
  return runTwin(toTwinConfig(parseDoc(doc), seed), hooks);
}

/** The Bitcoin difficulty in equilibrium with a hashrate at 600 s blocks: H·600 / 2^32. */
export function equilibriumDifficultyOf(hashrateHs: number): number {
  return (hashrateHs * 600) / TWO_32;
}

export function mean(xs: number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

/** Sample variance (n − 1). */
export function variance(xs: number[]): number {
  const m = mean(xs);
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
}

export function balanceOf(result: TwinResult, account: string, unit = 'sat'): bigint {
  return BigInt(result.ledger.balances[unit]?.[account] ?? '0');
}

export function sum(xs: number[]): number {
  return xs.reduce((s, x) => s + x, 0);
}
