// Per-worker variable difficulty, event by event, as Miningcore's VarDiffManager.cs does it
// (Update and IdleUpdate; domain-facts §2.9): a ring of the last 10 share intervals, retarget
// at most every RetargetTime, only when the average leaves the band T(1 ± v).
import { checkPositive, checkUs, shown } from './_check.js';
import { resolveVardiffOptions, retargetDifficulty, withinBand, type ResolvedVardiffOptions, type VardiffOptions } from './vardiff-rules.js';

const US_PER_S = 1_000_000;
/** Miningcore's BufferSize: "Last 10 shares should be enough". */
export const VARDIFF_BUFFER_SIZE = 10;
/** Miningcore's idle SafetyMargin (1 s): a timer tick a hair early still counts as a full RetargetTime. */
const IDLE_SAFETY_MARGIN_US = 1 * US_PER_S;

/**
 * One worker's vardiff state. With 10-interval averages the rule is noisy by design: a 200 TH/s
 * worker at 15/90/±30 retargets about every 3 min and sits within ±30 % of H·T/2^32 about 63 % of the
 * time, its time-weighted geometric mean within ~1 % of it (measured over 48 h, 4 seeds).
 */
export class Vardiff {
  readonly options: ResolvedVardiffOptions;
  private currentDifficulty: number;
  // Intervals in whole µs, so their sum is exact and order-independent.
  private readonly intervalsUs: number[] = [];
  // Their running sum, exact for the same reason: averageSeconds is then O(1) per share.
  private intervalsSumUs = 0;
  private nextSlot = 0;
  private lastTsUs: number | undefined;
  // Miningcore's LastRetarget defaults to the epoch; −∞ plays that part.
  private lastRetargetUs = -Infinity;
  private latestUs: number;
  private readonly connectedAtUs: number;

  /**
   * The difficulty starts where the port is configured (Miningcore does not clamp it until the
   * first retarget). connectedAtUs stands in for the connection's Created time on the idle path.
   */
  constructor(options: VardiffOptions, startDifficulty: number, connectedAtUs = 0) {
    this.options = resolveVardiffOptions(options);
    this.currentDifficulty = checkPositive('startDifficulty', startDifficulty);
    this.connectedAtUs = checkUs('connectedAtUs', connectedAtUs);
    this.latestUs = connectedAtUs;
  }

  get difficulty(): number {
    return this.currentDifficulty;
  }

  /** Time of the last share (or idle update, which Miningcore also stamps as LastTs). */
  get lastShareAtUs(): number | undefined {
    return this.lastTsUs;
  }

  get lastRetargetAtUs(): number | undefined {
    return this.lastRetargetUs === -Infinity ? undefined : this.lastRetargetUs;
  }

  /** Intervals in the ring now (0 … 10); it is emptied whenever the difficulty changes. */
  get bufferedIntervals(): number {
    return this.intervalsUs.length;
  }

  /**
   * An accepted share at atUs. Returns the new difficulty when this share retargeted, else
   * undefined. The first share only starts the clock, as in Miningcore.
   */
  onShare(atUs: number): number | undefined {
    this.advance(atUs);
    if (this.lastTsUs === undefined) {
      this.lastTsUs = atUs;
      this.lastRetargetUs = atUs;
      return undefined;
    }
    const sinceLastUs = atUs - this.lastTsUs;
    // The average includes the interval that just ended, whether or not the ring is full yet.
    const avgS = this.averageSeconds(sinceLastUs);
    this.push(sinceLastUs);
    this.lastTsUs = atUs;
    if (atUs - this.lastRetargetUs < this.options.retargetSeconds * US_PER_S || withinBand(avgS, this.options)) return undefined;
    return this.apply(retargetDifficulty(this.currentDifficulty, avgS, this.options), atUs);
  }

  /**
   * The idle path (Miningcore IdleUpdate): when no share came for RetargetTime, retarget from the
   * ring plus the silence so far — downward — without the band or retarget-time checks. Call it
   * from a periodic tick; it does nothing while the last share is recent. Like Miningcore it stamps
   * atUs as the last share time, so the next real interval is measured from this tick.
   */
  onIdle(atUs: number): number | undefined {
    this.advance(atUs);
    const silenceUs = atUs - (this.lastTsUs ?? this.connectedAtUs);
    if (silenceUs + IDLE_SAFETY_MARGIN_US < this.options.retargetSeconds * US_PER_S) return undefined;
    this.lastTsUs = atUs;
    const avgS = this.averageSeconds(silenceUs);
    return this.apply(retargetDifficulty(this.currentDifficulty, avgS, this.options), atUs);
  }

  private averageSeconds(openIntervalUs: number): number {
    return (openIntervalUs + this.intervalsSumUs) / (this.intervalsUs.length + 1) / US_PER_S;
  }

  private push(intervalUs: number): void {
    if (this.intervalsUs.length < VARDIFF_BUFFER_SIZE) {
      this.intervalsUs.push(intervalUs);
    } else {
      this.intervalsSumUs -= this.intervalsUs[this.nextSlot];
      this.intervalsUs[this.nextSlot] = intervalUs;
    }
    this.intervalsSumUs += intervalUs;
    this.nextSlot = (this.nextSlot + 1) % VARDIFF_BUFFER_SIZE;
  }

  private apply(nextDifficulty: number, atUs: number): number | undefined {
    if (nextDifficulty === this.currentDifficulty) return undefined;
    this.currentDifficulty = nextDifficulty;
    this.lastRetargetUs = atUs;
    // "Due to change of diff, Buffer needs to be cleared": old intervals were at the old difficulty.
    this.intervalsUs.length = 0;
    this.intervalsSumUs = 0;
    this.nextSlot = 0;
    return nextDifficulty;
  }

  private advance(atUs: number): void {
    checkUs('atUs', atUs);
    if (atUs < this.latestUs) throw new RangeError(`atUs must not go back in time (last ${this.latestUs}), got ${shown(atUs)}`);
    this.latestUs = atUs;
  }
}
