// The pool's hashrate estimate for one worker over a sliding window, Ĥ = 2^32·Σd / W (Miningcore
// StatsRecorder.cs, window 10 min), from time bins in a ring so memory stays bounded however many shares.
import { checkCount, checkNonNegative, checkPositive, checkUs, shown } from './_check.js';
import { TWO_32 } from './share-math.js';

const US_PER_S = 1_000_000;
/** Miningcore's HashrateCalculationWindow default: 10 minutes. */
export const DEFAULT_ESTIMATOR_WINDOW_US = 600 * US_PER_S;
export const DEFAULT_ESTIMATOR_BINS = 60;

export interface EstimatorOptions {
  /** W; default 10 min. A whole number of bins. */
  windowUs?: number;
  /** Bin length; default W/60 (10 s for the default window). */
  binUs?: number;
  /** When the pool started watching the worker (connect/authorize); default 0. */
  startedAtUs?: number;
}

/**
 * Bins are aligned to multiples of binUs. At nowUs the window is the current (partial) bin and the
 * n = W/bin bins before it, i.e. [(c − n)·bin, now] with c = ⌊now/bin⌋, so it spans W … W + bin and
 * never less than W; Ĥ divides by exactly that span, so it stays unbiased. Before the worker has
 * been watched for a full window, the span starts at startedAtUs instead (a young worker is not
 * under-rated, but its estimate is noisier — see health.ts warm-up).
 */
export class HashrateEstimator {
  readonly windowUs: number;
  readonly binUs: number;
  readonly startedAtUs: number;
  private readonly binsInWindow: number;
  private readonly binIndex: number[];
  private readonly binDifficulty: number[];
  private readonly binShares: number[];
  private latestUs: number;
  private lastShareUs: number | undefined;

  constructor(options: EstimatorOptions = {}) {
    this.windowUs = checkUs('windowUs', options.windowUs ?? DEFAULT_ESTIMATOR_WINDOW_US);
    this.binUs = checkUs('binUs', options.binUs ?? Math.floor(this.windowUs / DEFAULT_ESTIMATOR_BINS));
    if (this.binUs === 0 || this.windowUs === 0 || this.windowUs % this.binUs !== 0) {
      throw new RangeError(`windowUs must be a positive whole number of bins of ${this.binUs} µs, got ${shown(this.windowUs)}`);
    }
    this.startedAtUs = checkUs('startedAtUs', options.startedAtUs ?? 0);
    this.binsInWindow = this.windowUs / this.binUs;
    const ringSize = this.binsInWindow + 1;
    this.binIndex = new Array<number>(ringSize).fill(-1);
    this.binDifficulty = new Array<number>(ringSize).fill(0);
    this.binShares = new Array<number>(ringSize).fill(0);
    this.latestUs = this.startedAtUs;
  }

  /** Time of the latest accepted share (or non-empty batch), undefined before any. */
  get lastShareAtUs(): number | undefined {
    return this.lastShareUs;
  }

  /** One accepted share of difficulty shareDifficulty at atUs (times never go backwards). */
  add(atUs: number, shareDifficulty: number): void {
    checkPositive('shareDifficulty', shareDifficulty);
    this.advance(atUs);
    this.credit(Math.floor(atUs / this.binUs), 1, shareDifficulty);
    this.lastShareUs = atUs;
  }

  /**
   * count shares with total difficulty sumDifficulty (aggregate mode). With spanUs = 0 they all land
   * in atUs's bin. A batch covering a longer stretch must say so with spanUs: it is then spread evenly
   * over [atUs − spanUs, atUs] (fractional per bin), or a 15-min slot's shares would all fall inside
   * one 10-min window and inflate Ĥ by 1.5×. lastShareAtUs becomes atUs (the batch's end), so the
   * silence before 'dead' is measured at the batch's resolution.
   */
  addBatch(atUs: number, count: number, sumDifficulty: number, spanUs = 0): void {
    checkCount('count', count);
    checkNonNegative('sumDifficulty', sumDifficulty);
    if ((count === 0) !== (sumDifficulty === 0)) {
      throw new RangeError(`sumDifficulty must be 0 exactly when count is 0, got count ${count} and sumDifficulty ${shown(sumDifficulty)}`);
    }
    checkUs('spanUs', spanUs);
    this.advance(atUs);
    if (count === 0) return;
    const endBin = Math.floor(atUs / this.binUs);
    // Shares cannot predate the watch, so a span reaching back before startedAtUs is cut there.
    const spanStartUs = Math.max(atUs - spanUs, this.startedAtUs);
    const spreadUs = atUs - spanStartUs;
    if (spreadUs === 0) {
      this.credit(endBin, count, sumDifficulty);
    } else {
      // Only bins a present or future window can still see are written; older parts are dropped.
      const visibleFromUs = Math.max(spanStartUs, (endBin - this.binsInWindow) * this.binUs);
      for (let bin = Math.floor(visibleFromUs / this.binUs); bin <= endBin; bin++) {
        const overlapUs = Math.min(atUs, (bin + 1) * this.binUs) - Math.max(visibleFromUs, bin * this.binUs);
        if (overlapUs > 0) this.credit(bin, (count * overlapUs) / spreadUs, (sumDifficulty * overlapUs) / spreadUs);
      }
    }
    this.lastShareUs = atUs;
  }

  /** The span Ĥ divides by at nowUs (see the class comment). */
  effectiveWindowUs(nowUs: number): number {
    return nowUs - this.windowStartUs(nowUs);
  }

  sumDifficultyInWindow(nowUs: number): number {
    return this.sumInWindow(nowUs, this.binDifficulty);
  }

  /** Shares (possibly fractional after spread batches) in the window at nowUs. */
  sharesInWindow(nowUs: number): number {
    return this.sumInWindow(nowUs, this.binShares);
  }

  /** Ĥ = 2^32 · Σd / span in hashes per second; 0 when the span is still empty. */
  estimateHs(nowUs: number): number {
    const spanUs = this.effectiveWindowUs(nowUs);
    return spanUs === 0 ? 0 : (TWO_32 * this.sumDifficultyInWindow(nowUs) * US_PER_S) / spanUs;
  }

  private windowStartUs(nowUs: number): number {
    this.checkQuery(nowUs);
    const currentBin = Math.floor(nowUs / this.binUs);
    return Math.max(this.startedAtUs, (currentBin - this.binsInWindow) * this.binUs);
  }

  private sumInWindow(nowUs: number, values: readonly number[]): number {
    this.checkQuery(nowUs);
    const currentBin = Math.floor(nowUs / this.binUs);
    let sum = 0;
    // Summed afresh in slot order on every query: no running total to drift.
    for (let slot = 0; slot < values.length; slot++) {
      const bin = this.binIndex[slot];
      if (bin >= currentBin - this.binsInWindow && bin <= currentBin) sum += values[slot];
    }
    return sum;
  }

  private credit(bin: number, shares: number, difficulty: number): void {
    const slot = bin % this.binIndex.length;
    if (this.binIndex[slot] !== bin) {
      this.binIndex[slot] = bin;
      this.binDifficulty[slot] = 0;
      this.binShares[slot] = 0;
    }
    this.binDifficulty[slot] += difficulty;
    this.binShares[slot] += shares;
  }

  private advance(atUs: number): void {
    checkUs('atUs', atUs);
    if (atUs < this.latestUs) {
      throw new RangeError(`atUs must be ≥ startedAtUs and never go back in time (last ${this.latestUs}), got ${shown(atUs)}`);
    }
    this.latestUs = atUs;
  }

  private checkQuery(nowUs: number): void {
    checkUs('nowUs', nowUs);
    if (nowUs < this.latestUs) throw new RangeError(`nowUs must be ≥ the latest time seen (${this.latestUs}), got ${shown(nowUs)}`);
  }
}
