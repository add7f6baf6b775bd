// The rented group's rigs as the HA scheduler sees them: each rig's accepted shares (real ones in
// exact mode; in aggregate and hashed modes Poisson counts per check interval at the rig's delivered
// hashrate, from the rig's own stream), whether it is in service, and what its own API reports.
import type { RandomStream } from '../../../../engine/index.js';
import type { RentalScheduler } from '../../../market/rentals/index.js';
import { TWO_32, type WorkerHealth } from '../../../shares/index.js';
import { US_PER_S } from '../../../units.js';
import type { TwinSystemContext } from '../../system.js';
import type { OpsGroup } from '../ops/ops-group.js';
import { PoissonTable } from '../ops/poisson-table.js';

/** Before the schedulers' checks at the same instant (their priority is 1). */
const PRIORITY_FEED = 0;

/** The scheduler's worker id of a rig. */
export function rigWorkerId(groupId: string, rig: number): string {
  return `${groupId}/${rig}`;
}

/**
 * Feeds every rig's shares to each scheduler: from exact mode's share events, or drawn at the end of
 * each check interval for the interval just past (FractionHistory integrates the rig's hashrate,
 * curtailment and repairs included).
 */
export function feedRigShares(ctx: TwinSystemContext, ops: OpsGroup, schedulers: readonly RentalScheduler[], checkEveryUs: number): void {
  const group = ops.group;
  const ids = Array.from({ length: group.config.count }, (_, rig) => rigWorkerId(group.config.id, rig));
  if (ctx.config.resolution === 'exact') {
    group.onRigShare = (rig, atUs, difficulty) => {
      for (const scheduler of schedulers) scheduler.onShares(ids[rig], atUs, 1, difficulty);
    };
    return;
  }
  ops.history.keepAtLeast(checkEveryUs);
  const streams: RandomStream[] = ids.map((_, rig) => ctx.root.stream(`system/rentals/${group.config.id}/rig-${rig}`));
  const { sim } = ctx;
  // Rigs at full hashrate share their mean, so their counts come from one cached table.
  const table = new PoissonTable();
  const feed = (): void => {
    const atUs = sim.nowUs;
    const difficulty = group.shareDifficulty;
    const sharesPerUs = group.workerHashrateHs / (difficulty * TWO_32) / US_PER_S;
    for (let rig = 0; rig < ids.length; rig++) {
      const count = table.draw(streams[rig], sharesPerUs * ops.history.integral(rig, atUs - checkEveryUs, atUs));
      for (const scheduler of schedulers) scheduler.onShares(ids[rig], atUs, count, count * difficulty, checkEveryUs);
    }
    if (atUs + checkEveryUs <= ctx.config.horizonUs) sim.schedule(checkEveryUs, feed, PRIORITY_FEED);
  };
  if (checkEveryUs <= ctx.config.horizonUs) sim.schedule(checkEveryUs, feed, PRIORITY_FEED);
}

/**
 * A rig's own report, judged as the hardware-monitoring scheduler would: dead when it is on the bench
 * or reports nothing (stopped, curtailed), degraded below the threshold, else alive. Silent chip
 * degradation reports nominal, so it stays alive.
 */
export function hardwareVerdictOf(ops: OpsGroup, degradedBelowPct: number): (rig: number) => WorkerHealth {
  return (rig) => {
    if (ops.fleet.status(rig) === 'inRepair') return 'dead';
    const reported = ops.reportedFraction(rig);
    if (reported === 0) return 'dead';
    return 100 * reported < degradedBelowPct ? 'degraded' : 'alive';
  };
}
