// A worker's health judged only from the shares the pool accepts, never from hardware reports, as
// rental markets do (domain-facts §1.3, §5): the windowed estimate (Miningcore StatsRecorder.cs)
// against the expected hashrate, and the silence since the last accepted share.
import { checkPositive, checkUs, shown } from './_check.js';
import { HashrateEstimator, type EstimatorOptions } from './estimator.js';

export type WorkerHealth = 'alive' | 'degraded' | 'dead';
/** Event names for the model's log (past tense, house style), keyed by the state entered. */
export type HealthEvent = 'WorkerDegraded' | 'WorkerDied' | 'WorkerRecovered';

export const HEALTH_EVENT: Readonly<Record<WorkerHealth, HealthEvent>> = Object.freeze({
  alive: 'WorkerRecovered',
  degraded: 'WorkerDegraded',
  dead: 'WorkerDied',
});

export const DEFAULT_DEGRADED_BELOW_PCT = 80;
/** 20 target intervals of 15 s: a steady worker is silent that long with probability e^-20 ≈ 2e-9. */
export const DEFAULT_DEAD_AFTER_US = 300_000_000;

export interface HealthJudgement {
  estimateHs: number;
  expectedHashrateHs: number;
  /** Since the last accepted share, or since watching began if there was none. */
  sinceLastShareUs: number;
  degradedBelowPct: number;
  deadAfterUs: number;
  /** False during warm-up, when the window is too short to judge the rate. Default true. */
  judgeDegraded?: boolean;
}

/** dead if silent for deadAfterUs; degraded if Ĥ < pct % of expected; else alive. */
export function judgeHealth(input: HealthJudgement): WorkerHealth {
  checkPositive('expectedHashrateHs', input.expectedHashrateHs);
  checkUs('sinceLastShareUs', input.sinceLastShareUs);
  checkPct(input.degradedBelowPct);
  if (input.sinceLastShareUs >= checkPositive('deadAfterUs', input.deadAfterUs)) return 'dead';
  if (input.judgeDegraded === false) return 'alive';
  return input.estimateHs < (input.expectedHashrateHs * input.degradedBelowPct) / 100 ? 'degraded' : 'alive';
}

export interface HealthOptions extends EstimatorOptions {
  /** The hashrate the worker should deliver (purchased / nameplate), H/s. */
  expectedHashrateHs: number;
  degradedBelowPct?: number;
  deadAfterUs?: number;
  /** No 'degraded' verdict until watched this long (default: one window); 'dead' is judged from the start. */
  warmupUs?: number;
}

export interface HealthTransition {
  from: WorkerHealth;
  to: WorkerHealth;
  atUs: number;
  event: HealthEvent;
  estimateHs: number;
  expectedHashrateHs: number;
}

/**
 * Watches one worker: feed it accepted shares, call evaluate(nowUs) on the model's tick, log the
 * transitions it returns. A new worker starts 'alive'. The transition event is named by the state
 * entered, so dead → degraded (shares resume, window not yet full) logs 'WorkerDegraded'.
 */
export class HealthTracker {
  readonly estimator: HashrateEstimator;
  readonly degradedBelowPct: number;
  readonly deadAfterUs: number;
  readonly warmupUs: number;
  private expectedHs: number;
  private current: WorkerHealth = 'alive';

  constructor(options: HealthOptions) {
    this.estimator = new HashrateEstimator(options);
    this.expectedHs = checkPositive('expectedHashrateHs', options.expectedHashrateHs);
    this.degradedBelowPct = checkPct(options.degradedBelowPct ?? DEFAULT_DEGRADED_BELOW_PCT);
    this.deadAfterUs = checkUs('deadAfterUs', options.deadAfterUs ?? DEFAULT_DEAD_AFTER_US);
    if (this.deadAfterUs === 0) throw new RangeError('deadAfterUs must be > 0, got 0');
    this.warmupUs = checkUs('warmupUs', options.warmupUs ?? this.estimator.windowUs);
  }

  get status(): WorkerHealth {
    return this.current;
  }

  get expectedHashrateHs(): number {
    return this.expectedHs;
  }

  /** A new expectation (rental resized, failover); judged from the next evaluate on. */
  setExpectedHashrate(expectedHashrateHs: number): void {
    this.expectedHs = checkPositive('expectedHashrateHs', expectedHashrateHs);
  }

  onShare(atUs: number, shareDifficulty: number): void {
    this.estimator.add(atUs, shareDifficulty);
  }

  /** Aggregate mode: see HashrateEstimator.addBatch for spanUs. */
  onShares(atUs: number, count: number, sumDifficulty: number, spanUs = 0): void {
    this.estimator.addBatch(atUs, count, sumDifficulty, spanUs);
  }

  /** The verdict at nowUs, without changing the tracked status. */
  judge(nowUs: number): WorkerHealth {
    return judgeHealth(this.judgement(nowUs));
  }

  /** Updates the status at nowUs; returns the transition when it changed. */
  evaluate(nowUs: number): HealthTransition | undefined {
    const judgement = this.judgement(nowUs);
    const next = judgeHealth(judgement);
    if (next === this.current) return undefined;
    const transition: HealthTransition = {
      from: this.current,
      to: next,
      atUs: nowUs,
      event: HEALTH_EVENT[next],
      estimateHs: judgement.estimateHs,
      expectedHashrateHs: this.expectedHs,
    };
    this.current = next;
    return transition;
  }

  private judgement(nowUs: number): HealthJudgement {
    const startedAtUs = this.estimator.startedAtUs;
    return {
      estimateHs: this.estimator.estimateHs(nowUs),
      expectedHashrateHs: this.expectedHs,
      sinceLastShareUs: nowUs - (this.estimator.lastShareAtUs ?? startedAtUs),
      degradedBelowPct: this.degradedBelowPct,
      deadAfterUs: this.deadAfterUs,
      judgeDegraded: nowUs - startedAtUs >= this.warmupUs,
    };
  }
}

function checkPct(value: number): number {
  if (typeof value !== 'number' || !(value > 0 && value <= 100)) throw new RangeError(`degradedBelowPct must be in (0, 100], got ${shown(value)}`);
  return value;
}
