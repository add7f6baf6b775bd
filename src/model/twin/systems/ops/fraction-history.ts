// Each rig's delivered hashrate fraction as a step function of sim time, kept back far enough to
// integrate it over the windows that judge the rig (the pool's monitoring window, a rental check):
// the expected share count of a window is the rig's share rate times this integral.
import { checkUs } from '../../../checks.js';

interface Step {
  /** The step holds from here until the next step (or the current value's start). */
  readonly fromUs: number;
  readonly fraction: number;
}

export class FractionHistory {
  private readonly current: Float64Array;
  private readonly sinceUs: Float64Array;
  /** Earlier steps of each rig, oldest first; only rigs that changed recently keep any. */
  private readonly past: Step[][];
  private keepUs: number;

  constructor(rigCount: number, atUs: number, initial: number, keepUs: number) {
    this.current = new Float64Array(rigCount).fill(initial);
    this.sinceUs = new Float64Array(rigCount).fill(atUs);
    this.past = Array.from({ length: rigCount }, () => []);
    this.keepUs = checkUs('keepUs', keepUs);
  }

  /** Windows up to this long (back from now) must stay integrable. */
  keepAtLeast(windowUs: number): void {
    this.keepUs = Math.max(this.keepUs, checkUs('windowUs', windowUs));
  }

  fraction(rig: number): number {
    return this.current[rig];
  }

  /** The rig's fraction from atUs on (atUs never earlier than its last change). */
  set(rig: number, atUs: number, fraction: number): void {
    if (fraction === this.current[rig]) return;
    const steps = this.past[rig];
    if (atUs > this.sinceUs[rig]) steps.push({ fromUs: this.sinceUs[rig], fraction: this.current[rig] });
    this.current[rig] = fraction;
    this.sinceUs[rig] = atUs;
    // Drop steps that ended before anything still integrable began.
    const oldestUs = atUs - this.keepUs;
    let drop = 0;
    while (drop < steps.length && (steps[drop + 1]?.fromUs ?? atUs) <= oldestUs) drop++;
    if (drop > 0) steps.splice(0, drop);
  }

  /** ∫ fraction dt over [fromUs, toUs] (toUs at or before now, fromUs no earlier than now − keepUs), in µs. */
  integral(rig: number, fromUs: number, toUs: number): number {
    if (toUs <= fromUs) return 0;
    const sinceUs = this.sinceUs[rig];
    let total = this.current[rig] * Math.max(0, toUs - Math.max(fromUs, sinceUs));
    if (fromUs >= sinceUs) return total;
    const steps = this.past[rig];
    let endUs = sinceUs;
    for (let i = steps.length - 1; i >= 0 && endUs > fromUs; i--) {
      const step = steps[i];
      const lo = Math.max(fromUs, step.fromUs);
      const hi = Math.min(toUs, endUs);
      if (hi > lo) total += step.fraction * (hi - lo);
      endUs = step.fromUs;
    }
    return total;
  }
}
