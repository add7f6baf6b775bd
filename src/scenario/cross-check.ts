// Checks that span several keys (references between sections, unique ids), after the schema passed.
import type { ScenarioIssue } from './errors.js';
import type { Scenario } from './schema.js';

function duplicates(ids: string[]): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const id of ids) (seen.has(id) ? repeated : seen).add(id);
  return repeated;
}

export function crossCheck(scenario: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const poolIds = new Set(scenario.pools.map((p) => p.id));
  const repeatedPools = duplicates(scenario.pools.map((p) => p.id));
  scenario.pools.forEach((pool, i) => {
    if (repeatedPools.has(pool.id)) issues.push({ path: `pools[${i}].id`, message: `"${pool.id}" is used by more than one pool` });
    if (pool.vardiff.minDifficulty > pool.vardiff.maxDifficulty) {
      issues.push({ path: `pools[${i}].vardiff.minDifficulty`, message: `must be ≤ maxDifficulty (${pool.vardiff.maxDifficulty})` });
    }
  });
  const repeatedGroups = duplicates(scenario.fleet.map((g) => g.id));
  scenario.fleet.forEach((group, i) => {
    if (repeatedGroups.has(group.id)) issues.push({ path: `fleet[${i}].id`, message: `"${group.id}" is used by more than one fleet group` });
    if (!poolIds.has(group.pool)) {
      issues.push({ path: `fleet[${i}].pool`, message: `no pool with id "${group.pool}" (pools: ${[...poolIds].join(', ')})` });
    }
  });
  if (scenario.slot > scenario.horizon) issues.push({ path: 'slot', message: 'must not be longer than horizon' });
  if (scenario.horizon / scenario.slot > 1_000_000) issues.push({ path: 'slot', message: 'gives more than 1,000,000 slots over the horizon; use a longer slot' });
  if (scenario.network.price.model === 'table') {
    const points = scenario.network.price.points;
    points.forEach((p, i) => {
      if (i > 0 && p.at <= points[i - 1].at) issues.push({ path: `network.price.points[${i}].at`, message: 'must be later than the point before' });
    });
  }
  return issues;
}
