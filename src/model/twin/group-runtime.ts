// One fleet group during a run: its share difficulty, the work it delivered since the last flush,
// its running totals and the pool-side health verdict on it. Exact mode adds one state per worker.
import type { RandomStream } from '../../engine/index.js';
import { HealthTracker, Vardiff, steadyDifficulty, type HealthTransition, type VardiffOptions } from '../shares/index.js';
import type { MonitoringConfig, PoolConfig, WorkerGroupConfig } from './config.js';
import type { PoolRuntime } from './pool-runtime.js';

export interface ExactWorker {
  readonly index: number;
  readonly key: string;
  readonly rng: RandomStream;
  readonly vardiff: Vardiff | undefined;
  readonly health: HealthTracker;
  /** The one callback the engine calls for this worker's shares (made once, not per share). */
  onShare: () => void;
}

/**
 * A group's rigs one by one, when a system tracks them (operations): each rig's own faults and thermal
 * state. Without it every rig of the group is whole and shares the container's thermal state.
 */
export interface GroupRigs {
  /** Hashrate rig i delivers now / nominal, its faults and its own thermal state included (0 while down or in repair). */
  hashrateFraction(rig: number): number;
  /** Wall power rig i draws now / nominal, its thermal state included (0 while down or in repair). */
  powerFraction(rig: number): number;
}

export function vardiffOptionsOf(pool: PoolConfig): VardiffOptions {
  return { ...pool.vardiff };
}

export class GroupRuntime {
  readonly config: WorkerGroupConfig;
  readonly pool: PoolRuntime;
  readonly rng: RandomStream;
  /** Delivered hashrate of one worker, H/s. */
  readonly workerHashrateHs: number;
  /** Share difficulty in aggregate and hashed modes (one value for the group's identical workers). */
  shareDifficulty: number;
  /** Group-level health, judged from the group's accepted shares (aggregate and hashed modes). */
  readonly health: HealthTracker;
  readonly workers: ExactWorker[] = [];
  pendingAccepted = 0;
  pendingStale = 0;
  pendingDifficulty = 0;
  acceptedShares = 0;
  staleShares = 0;
  acceptedDifficulty = 0;
  blocksFound = 0;
  /** Alerts raised by health verdicts (degraded or dead), group- or worker-level. */
  alerts = 0;
  unhealthyWorkerUs = 0;
  /** Rig-µs the site kept off (capacity or price). */
  curtailedRigUs = 0;
  /** Set by the operations system; undefined: every rig whole (see GroupRigs). */
  rigs: GroupRigs | undefined = undefined;
  /**
   * Rigs mining for a rental customer's pool (set by the rentals system): the stratum hub still sees
   * their shares (health, vardiff, the group's share counts), but the group's pool is not credited.
   */
  readonly rentedOut = new Set<number>();
  /** Exact mode: every accepted share of rig i, whoever it mines for (the rentals system feeds its scheduler). */
  onRigShare: ((rig: number, atUs: number, difficulty: number) => void) | undefined = undefined;
  /** Called before a rig's power changes inside a slot, so the site meters the time before at the old power. */
  onPowerChanging: (atUs: number) => void = () => {};
  /** Work of rented-out rigs in the pending work: counted as the group's shares, not credited to its pool. */
  pendingRentedDifficulty = 0;

  constructor(config: WorkerGroupConfig, pool: PoolRuntime, rng: RandomStream, monitoring: MonitoringConfig) {
    this.config = config;
    this.pool = pool;
    this.rng = rng;
    this.workerHashrateHs = config.hashrateHs * config.efficiency;
    this.runningCount = config.count;
    this.shareDifficulty = pool.config.fixedShareDifficulty ?? steadyDifficulty(this.workerHashrateHs, vardiffOptionsOf(pool.config));
    this.health = new HealthTracker({
      expectedHashrateHs: config.hashrateHs * config.count,
      windowUs: monitoring.windowUs,
      degradedBelowPct: monitoring.degradedBelowPct,
      deadAfterUs: monitoring.deadAfterUs,
    });
  }

  get nominalHashrateHs(): number {
    return this.config.hashrateHs * this.config.count;
  }

  /** Workers allowed to run this slot (the site may curtail the rest for capacity or price). */
  runningCount: number;

  /** What the group delivers with every worker running: its place in the network's hashrate. */
  get fullHashrateHs(): number {
    return this.workerHashrateHs * this.config.count;
  }

  /** Thermal state of the group's rigs (one container): fractions of nominal hashrate and power. */
  thermal = { status: 'ok' as 'ok' | 'throttled' | 'shutdown', hashrateFraction: 1, powerFraction: 1, intakeC: NaN, rigTempC: NaN };
  throttledRigUs = 0;
  shutdownRigUs = 0;

  /** One running worker's delivered hashrate now (throttling included). */
  get liveWorkerHashrateHs(): number {
    return this.workerHashrateHs * this.thermal.hashrateFraction;
  }

  /** Hashrate fraction of worker i while it runs: its rig's, or the container's when rigs are not tracked. */
  workerFraction(index: number): number {
    return this.rigs === undefined ? this.thermal.hashrateFraction : this.rigs.hashrateFraction(index);
  }

  get deliveredHashrateHs(): number {
    if (this.rigs === undefined) return this.liveWorkerHashrateHs * this.runningCount;
    let fractions = 0;
    for (let i = 0; i < this.runningCount; i++) fractions += this.rigs.hashrateFraction(i);
    return this.workerHashrateHs * fractions;
  }

  /** What the group's pool is credited with: the delivered hashrate less the rigs rented out. */
  get poolHashrateHs(): number {
    if (this.rentedOut.size === 0) return this.deliveredHashrateHs;
    let fractions = 0;
    for (let i = 0; i < this.runningCount; i++) if (!this.rentedOut.has(i)) fractions += this.workerFraction(i);
    return this.workerHashrateHs * fractions;
  }

  /** IT power the running rigs draw now (W). */
  get itPowerW(): number {
    if (this.rigs === undefined) return this.runningCount * this.config.powerW * this.thermal.powerFraction;
    let fractions = 0;
    for (let i = 0; i < this.runningCount; i++) fractions += this.rigs.powerFraction(i);
    return fractions * this.config.powerW;
  }

  /** Creates the per-worker states of exact mode; each worker draws from its own child stream. */
  createWorkers(monitoring: MonitoringConfig, makeOnShare: (worker: ExactWorker) => () => void): void {
    const pool = this.pool.config;
    for (let index = 0; index < this.config.count; index++) {
      const worker: ExactWorker = {
        index,
        key: `${this.config.id}/${index}`,
        rng: this.rng.child(`worker/${index}`),
        // Workers start at their steady difficulty (as after mining.suggest_difficulty): starting at
        // the minimum would flood the pool with millions of shares before the first retarget.
        vardiff: pool.fixedShareDifficulty === undefined ? new Vardiff(vardiffOptionsOf(pool), this.shareDifficulty) : undefined,
        health: new HealthTracker({
          expectedHashrateHs: this.config.hashrateHs,
          windowUs: monitoring.windowUs,
          degradedBelowPct: monitoring.degradedBelowPct,
          deadAfterUs: monitoring.deadAfterUs,
        }),
        onShare: () => {},
      };
      worker.onShare = makeOnShare(worker);
      this.workers.push(worker);
    }
  }

  workerDifficulty(worker: ExactWorker): number {
    return worker.vardiff?.difficulty ?? this.pool.config.fixedShareDifficulty!;
  }

  private slotWork = { startUs: 0, endUs: 0, accepted: 0, stale: 0, takenAccepted: 0, takenStale: 0, rentedShare: 0 };

  /** Aggregate and hashed modes: the slot's drawn share counts, credited pro rata by takeSlotWorkUntil. */
  startSlotWork(startUs: number, endUs: number, accepted: number, stale: number): void {
    // The rented-out rigs' part of the slot's work, as the rigs stand at the slot's start.
    const deliveredHs = this.rentedOut.size === 0 ? 0 : this.deliveredHashrateHs;
    const rentedShare = deliveredHs > 0 ? 1 - this.poolHashrateHs / deliveredHs : 0;
    this.slotWork = { startUs, endUs, accepted, stale, takenAccepted: 0, takenStale: 0, rentedShare };
  }

  /** Moves the slot's shares due by nowUs (all of them at the slot's end) into pending; returns the accepted ones. */
  takeSlotWorkUntil(nowUs: number): number {
    const w = this.slotWork;
    const portion = nowUs >= w.endUs ? 1 : (nowUs - w.startUs) / (w.endUs - w.startUs);
    const accepted = Math.floor(w.accepted * portion) - w.takenAccepted;
    const stale = Math.floor(w.stale * portion) - w.takenStale;
    w.takenAccepted += accepted;
    w.takenStale += stale;
    this.pendingStale += stale;
    this.addAccepted(accepted, accepted * this.shareDifficulty);
    if (w.rentedShare > 0) this.pendingRentedDifficulty += accepted * this.shareDifficulty * w.rentedShare;
    return accepted;
  }

  addAccepted(count: number, difficultySum: number): void {
    this.pendingAccepted += count;
    this.pendingDifficulty += difficultySum;
  }

  /** Hands the pending work to the caller and moves it into the totals; poolDifficulty is the pool's part. */
  takePending(): { accepted: number; stale: number; difficulty: number; poolDifficulty: number } {
    const poolDifficulty = this.pendingRentedDifficulty === 0 ? this.pendingDifficulty : Math.max(0, this.pendingDifficulty - this.pendingRentedDifficulty);
    const taken = { accepted: this.pendingAccepted, stale: this.pendingStale, difficulty: this.pendingDifficulty, poolDifficulty };
    this.acceptedShares += taken.accepted;
    this.staleShares += taken.stale;
    this.acceptedDifficulty += taken.difficulty;
    this.pendingAccepted = 0;
    this.pendingStale = 0;
    this.pendingDifficulty = 0;
    this.pendingRentedDifficulty = 0;
    return taken;
  }

  countAlert(transition: HealthTransition | undefined): HealthTransition | undefined {
    if (transition && transition.to !== 'alive') this.alerts++;
    return transition;
  }
}
