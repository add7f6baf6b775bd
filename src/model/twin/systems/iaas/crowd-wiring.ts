// Crowd worker nodes in the twin (DESIGN.md system 4): their accepted work is credited at each slot end
// to a pool of the scenario as one miner, and whatever the pool pays that miner is split over the nodes
// in proportion to their work since the last split (createCrowdPool: largest remainder, to the sat),
// right after each of the pool's payouts and at the horizon. The crowd's work never finds a block
// itself (its odds are its hashrate over the network's, ~10^-6 for a PH/s crowd at 800 EH/s), so on a
// PPLNS or PROP pool it is paid from the blocks of the pool's other miners.
import { createCrowdPool, type CrowdDistribution, type CrowdEvent, type CrowdPool } from '../../../market/tenants/index.js';
import { TWO_32 } from '../../../shares/index.js';
import { SAT_UNIT, US_PER_S } from '../../../units.js';
import { minerAccount, type PoolRuntime } from '../../pool-runtime.js';
import type { TwinSystemContext } from '../../system.js';
import { PRIORITY_SETTLE_REWARDS, scheduleEvery } from '../after-payouts.js';
import type { IaasCrowdConfig } from './config.js';

/** The crowd's miner id at its pool: a slash cannot appear in a scenario id, so no fleet group shares it. */
export const CROWD_MINER_ID = 'iaas/crowd';
/** Crowd node n is paid into `iaas:crowd-node-n`. */
export const CROWD_NODE_ACCOUNT_PREFIX = 'iaas:crowd-';

export interface CrowdHooks {
  readonly onEvent: (event: CrowdEvent) => void;
  readonly onDistribution: (distribution: CrowdDistribution) => void;
}

export class CrowdWiring {
  readonly crowd: CrowdPool;
  readonly distributions: CrowdDistribution[] = [];
  private readonly ctx: TwinSystemContext;
  private readonly pool: PoolRuntime;
  private readonly hooks: CrowdHooks;
  private creditedDifficulty = 0;

  constructor(ctx: TwinSystemContext, config: IaasCrowdConfig, operatorAccount: string, hooks: CrowdHooks) {
    const pool = ctx.pools.get(config.poolId);
    if (pool === undefined) throw new RangeError(`crowd.poolId must name a pool of the run, got ${config.poolId}`);
    this.ctx = ctx;
    this.pool = pool;
    this.hooks = hooks;
    this.crowd = createCrowdPool(ctx.sim, ctx.root.stream('system/iaas/crowd'), {
      initialNodes: config.initialNodes,
      joinsPerDay: config.joinsPerDay,
      meanStayUs: config.meanStayUs,
      medianHashrateHs: config.medianHashrateHs,
      hashrateSigma: config.hashrateSigma,
      operatorFeeBps: config.operatorFeeBps,
      // Work is drawn at the twin's slot edges, before the slot tick that credits it (priority 10 > 2).
      workSlotUs: ctx.config.slotUs,
      accounts: { operator: operatorAccount, nodePrefix: CROWD_NODE_ACCOUNT_PREFIX },
    }, { onEvent: hooks.onEvent });
    this.crowd.start(ctx.config.horizonUs);
    // Right after each of the pool's payouts, so a split covers exactly the work credited up to it.
    scheduleEvery(ctx, pool.config.payoutIntervalUs, PRIORITY_SETTLE_REWARDS, (atUs) => this.distribute(atUs));
  }

  /** Credits the crowd's work since the last slot end to the pool; returns the crowd's mean hashrate over the slot (H/s). */
  endSlot(startUs: number, endUs: number): number {
    const total = this.crowd.nodes().reduce((s, n) => s + n.workDifficulty, 0);
    const work = total - this.creditedDifficulty;
    this.creditedDifficulty = total;
    this.pool.credit(CROWD_MINER_ID, work, endUs, { networkDifficulty: this.ctx.chain.difficulty, subsidySat: this.ctx.chain.subsidySat() });
    return (work * TWO_32) / ((endUs - startUs) / US_PER_S);
  }

  /** Splits what the pool has paid the crowd since the last split (nothing to split: the work waits for the next). */
  distribute(atUs: number): void {
    const account = minerAccount(CROWD_MINER_ID);
    const rewardSat = this.ctx.ledger.balance(account, SAT_UNIT);
    if (rewardSat <= 0n) return;
    const distribution = this.crowd.distribute(this.ctx.ledger, atUs, rewardSat, account);
    this.distributions.push(distribution);
    this.hooks.onDistribution(distribution);
  }
}
