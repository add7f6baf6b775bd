// A node's utilisation history as an exponentially weighted moving average of per-slot
// utilisation: weight α = 1 − 2^(−slot/halfLife) on the newest slot, so a slot's influence halves
// every halfLife.
import { checkPositiveUs } from '../_check.js';

export function ewmaAlpha(slotUs: number, halfLifeUs: number): number {
  checkPositiveUs('slotUs', slotUs);
  checkPositiveUs('halfLifeUs', halfLifeUs);
  return 1 - Math.exp((-Math.LN2 * slotUs) / halfLifeUs);
}

export class UtilisationEwma {
  private current = 0;
  private samples = 0;

  constructor(readonly alpha: number) {
    if (!(alpha > 0 && alpha <= 1)) throw new RangeError(`alpha must be in (0, 1], got ${alpha}`);
  }

  /** The average so far (0 before the first slot). */
  get value(): number {
    return this.current;
  }

  get sampleCount(): number {
    return this.samples;
  }

  /** The first sample sets the average; later ones move it by α. */
  add(utilisation: number): void {
    this.current = this.samples === 0 ? utilisation : this.alpha * utilisation + (1 - this.alpha) * this.current;
    this.samples++;
  }
}
