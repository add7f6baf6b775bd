// The pool's share-based verdict on each rig, as operations act on it: the windowed estimate against
// what the rig should deliver and the silence since its last share (shares/health.ts judgeHealth), a
// 'degraded' verdict held for a confirmation time before it alarms, and a fresh start whenever the
// rig comes back (from repair, curtailment or a shutdown), so old silence is not held against it.
import type { RandomStream } from '../../../../engine/index.js';
import type { FleetOps } from '../../../ops/index.js';
import { judgeHealth, TWO_32, type HashrateEstimator, type WorkerHealth } from '../../../shares/index.js';
import { US_PER_S } from '../../../units.js';
import type { FractionHistory } from './fraction-history.js';
import { PoissonTable } from './poisson-table.js';

export interface ShareRules {
  readonly windowUs: number;
  readonly deadAfterUs: number;
  readonly degradedBelowPct: number;
  readonly confirmDegradedUs: number;
}

/** What the pool has seen of a rig at atUs: whether it has been silent for deadAfterUs, and its windowed estimate. */
export interface ShareSample {
  readonly silent: boolean;
  readonly estimateHs: number;
}

export interface ShareWindowSource {
  /** Asked only for what can be judged: silence once deadAfterUs has passed since sinceUs, the estimate once a window has. */
  sample(rig: number, atUs: number, sinceUs: number, judgeDead: boolean, judgeDegraded: boolean): ShareSample;
}

/** Exact mode: each rig's own shares, as the pool's per-worker estimator holds them. */
export function estimatorWindows(estimatorOf: (rig: number) => HashrateEstimator, deadAfterUs: number): ShareWindowSource {
  return {
    sample(rig, atUs, sinceUs) {
      const estimator = estimatorOf(rig);
      const lastUs = Math.max(estimator.lastShareAtUs ?? sinceUs, sinceUs);
      return { silent: atUs - lastUs >= deadAfterUs, estimateHs: estimator.estimateHs(atUs) };
    },
  };
}

/**
 * Aggregate and hashed modes: the rig's accepted shares are drawn, Poisson with the rig's delivered
 * hashrate integrated over the time (FractionHistory), from the rig's own stream: one count for the
 * recent part of the windows (the shorter of the silence and the estimate windows), one for the rest
 * of the longer, so both verdicts come from one consistent history. Healthy rigs share their means,
 * so the draws come from cached tables.
 */
export function drawnWindows(
  streams: readonly RandomStream[], history: FractionHistory, rules: ShareRules,
  group: { readonly workerHashrateHs: number; readonly shareDifficulty: number },
): ShareWindowSource {
  const { windowUs, deadAfterUs } = rules;
  const recentUs = Math.min(windowUs, deadAfterUs);
  const windowIsLonger = windowUs > deadAfterUs;
  const recentTable = new PoissonTable();
  const earlierTable = new PoissonTable();
  return {
    sample(rig, atUs, _sinceUs, judgeDead, judgeDegraded) {
      const stream = streams[rig];
      const difficulty = group.shareDifficulty;
      // Shares per µs of a rig at its full delivered hashrate (fraction 1).
      const perUs = group.workerHashrateHs / (difficulty * TWO_32) / US_PER_S;
      const recent = recentTable.draw(stream, perUs * history.integral(rig, atUs - recentUs, atUs));
      // The earlier part matters to the estimate when the window is the longer one, else to silence only.
      const needEarlier = windowIsLonger ? judgeDegraded : judgeDead && recent === 0 && deadAfterUs > windowUs;
      const earlier = needEarlier
        ? earlierTable.draw(stream, perUs * history.integral(rig, atUs - Math.max(windowUs, deadAfterUs), atUs - recentUs))
        : 0;
      const inWindow = windowIsLonger ? recent + earlier : recent;
      return {
        silent: (windowIsLonger ? recent : recent + earlier) === 0,
        estimateHs: (inWindow * difficulty * TWO_32) / (windowUs / US_PER_S),
      };
    },
  };
}

export class ShareJudge {
  private readonly resetAtUs: Float64Array;
  /** Start of the current run of 'degraded' verdicts; NaN while not degraded. */
  private readonly degradedSinceUs: Float64Array;
  /** 1 when the last verdict handed over was 'alive': another 'alive' changes nothing, so it is not handed over. */
  private readonly alive: Uint8Array;

  constructor(
    private readonly fleet: FleetOps,
    private readonly source: ShareWindowSource,
    private readonly rules: ShareRules,
    startUs: number,
  ) {
    this.resetAtUs = new Float64Array(fleet.rigCount).fill(startUs);
    this.degradedSinceUs = new Float64Array(fleet.rigCount).fill(NaN);
    this.alive = new Uint8Array(fleet.rigCount);
  }

  /** The rig starts afresh (back in service or allowed to run again): judged only on what it does from now. */
  reset(rig: number, atUs: number): void {
    this.resetAtUs[rig] = atUs;
    this.degradedSinceUs[rig] = NaN;
  }

  /** Judges the rig against expectedHs and hands the verdict to the fleet's monitors; returns it. */
  judge(rig: number, atUs: number, expectedHs: number): WorkerHealth {
    const { windowUs, deadAfterUs, degradedBelowPct, confirmDegradedUs } = this.rules;
    const sinceResetUs = atUs - this.resetAtUs[rig];
    const judgeDead = sinceResetUs >= deadAfterUs;
    const judgeDegraded = sinceResetUs >= windowUs;
    let verdict: WorkerHealth = 'alive';
    if (judgeDead || judgeDegraded) {
      const sample = this.source.sample(rig, atUs, this.resetAtUs[rig], judgeDead, judgeDegraded);
      verdict = judgeHealth({
        estimateHs: sample.estimateHs, expectedHashrateHs: expectedHs,
        sinceLastShareUs: judgeDead && sample.silent ? deadAfterUs : 0,
        degradedBelowPct, deadAfterUs, judgeDegraded,
      });
    }
    if (verdict === 'degraded') {
      if (Number.isNaN(this.degradedSinceUs[rig])) this.degradedSinceUs[rig] = atUs;
      if (atUs - this.degradedSinceUs[rig] < confirmDegradedUs) verdict = 'alive';
    } else {
      this.degradedSinceUs[rig] = NaN;
    }
    if (verdict !== 'alive' || this.alive[rig] === 0) this.fleet.shareVerdict(rig, verdict, atUs);
    this.alive[rig] = verdict === 'alive' ? 1 : 0;
    return verdict;
  }
}
