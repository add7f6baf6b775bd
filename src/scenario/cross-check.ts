// Checks that span several keys (references between sections, unique ids), after the schema passed.
// The id checks also run on a document that failed the schema, so one pass lists every problem.
import type { ScenarioIssue } from './errors.js';
import { findModel, listModels } from '../model/hardware/index.js';
import { createTariff } from '../model/site/index.js';
import { tariffOf } from './to-config.js';
import type { Scenario } from './schema.js';
import { crossCheckIaas } from './sections/iaas.js';
import { crossCheckColo } from './sections/colo.js';
import { crossCheckInvestors } from './sections/investors.js';
import { crossCheckOperations } from './sections/operations.js';
import { crossCheckRentals } from './sections/rentals.js';
import { duplicates } from './unique-ids.js';

const MAX_SLOTS = 1_000_000;
const MAX_PAYOUTS = 1_000_000;

/** The items of a list in a raw document, as records (anything else: no items). */
function items(document: unknown, key: string): Record<string, unknown>[] {
  const list = document !== null && typeof document === 'object' ? (document as Record<string, unknown>)[key] : undefined;
  if (!Array.isArray(list)) return [];
  return list.map((item) => (item !== null && typeof item === 'object' && !Array.isArray(item) ? item as Record<string, unknown> : {}));
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Unique pool and fleet ids, and fleet → pool references; values that are not text are left to the schema. */
export function crossCheckIds(document: unknown): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const pools = items(document, 'pools');
  const fleet = items(document, 'fleet');
  const poolIds = pools.map((p) => text(p.id)).filter((id): id is string => id !== undefined);
  const knownPools = new Set(poolIds);
  const repeatedPools = duplicates(poolIds);
  pools.forEach((pool, i) => {
    const id = text(pool.id);
    if (id !== undefined && repeatedPools.has(id)) issues.push({ path: `pools[${i}].id`, message: `"${id}" is used by more than one pool` });
  });
  const repeatedGroups = duplicates(fleet.map((g) => text(g.id)).filter((id): id is string => id !== undefined));
  fleet.forEach((group, i) => {
    const id = text(group.id);
    const pool = text(group.pool);
    if (id !== undefined && repeatedGroups.has(id)) issues.push({ path: `fleet[${i}].id`, message: `"${id}" is used by more than one fleet group` });
    if (pool !== undefined && !knownPools.has(pool)) {
      issues.push({ path: `fleet[${i}].pool`, message: `no pool with id "${pool}" (pools: ${[...knownPools].join(', ')})` });
    }
    const model = text(group.model);
    const found = model === undefined ? undefined : findModel(model);
    if (model !== undefined && !found) {
      issues.push({ path: `fleet[${i}].model`, message: `no rig model "${model}" in the catalogue (models: ${listModels().map((m) => m.id).join(', ')})` });
    } else if (found && found.algorithm !== 'sha256d') {
      issues.push({ path: `fleet[${i}].model`, message: `"${model}" mines ${found.algorithm}, but the simulated network is Bitcoin (sha256d)` });
    }
    if (group.model === undefined && group.hashrateTHs === undefined) {
      issues.push({ path: `fleet[${i}].hashrateTHs`, message: 'is required when no model is given' });
    }
  });
  return issues;
}

export function crossCheck(scenario: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  scenario.pools.forEach((pool, i) => {
    if (pool.vardiff.minDifficulty > pool.vardiff.maxDifficulty) {
      issues.push({ path: `pools[${i}].vardiff.minDifficulty`, message: `must be ≤ maxDifficulty (${pool.vardiff.maxDifficulty})` });
    }
    if (scenario.horizon / pool.payoutInterval > MAX_PAYOUTS) {
      issues.push({ path: `pools[${i}].payoutInterval`, message: 'gives more than 1,000,000 payouts over the horizon; use a longer interval' });
    }
  });
  issues.push(...crossCheckIds(scenario));
  issues.push(...crossCheckIaas(scenario));
  issues.push(...crossCheckColo(scenario), ...crossCheckInvestors(scenario));
  issues.push(...crossCheckOperations(scenario), ...crossCheckRentals(scenario));
  if (scenario.slot > scenario.horizon) issues.push({ path: 'slot', message: 'must not be longer than horizon' });
  if (scenario.horizon / scenario.slot > MAX_SLOTS) issues.push({ path: 'slot', message: 'gives more than 1,000,000 slots over the horizon; use a longer slot' });
  try {
    createTariff(tariffOf(scenario.site));
  } catch (error) {
    issues.push({ path: 'site.timeOfUse', message: error instanceof Error ? error.message : String(error) });
  }
  if (scenario.network.price.model === 'table') {
    const points = scenario.network.price.points;
    points.forEach((p, i) => {
      if (i > 0 && p.at <= points[i - 1].at) issues.push({ path: `network.price.points[${i}].at`, message: 'must be later than the point before' });
    });
  }
  return issues;
}
