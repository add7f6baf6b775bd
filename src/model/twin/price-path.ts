// The coin's price per slot: fixed, geometric Brownian motion (one draw per slot from the price
// stream), or steps from a table. Precomputed so every part of the run reads the same price.
import type { RandomStream } from '../../engine/index.js';
import type { PricePath } from './config.js';

const US_PER_YEAR = 365 * 86_400 * 1_000_000;

export function pricePerSlotUsd(path: PricePath, slots: number, slotUs: number, rng: RandomStream): Float64Array {
  const prices = new Float64Array(slots);
  if (path.model === 'fixed') {
    prices.fill(path.usd);
  } else if (path.model === 'gbm') {
    const dtYears = slotUs / US_PER_YEAR;
    const drift = (path.driftPerYear - (path.volatilityPerYear ** 2) / 2) * dtYears;
    const shock = path.volatilityPerYear * Math.sqrt(dtYears);
    let usd = path.usd;
    for (let i = 0; i < slots; i++) {
      prices[i] = usd;
      usd *= Math.exp(drift + shock * rng.normal(0, 1));
    }
  } else {
    let point = 0;
    for (let i = 0; i < slots; i++) {
      const atUs = i * slotUs;
      while (point + 1 < path.points.length && path.points[point + 1].atUs <= atUs) point++;
      prices[i] = path.points[point].usd;
    }
  }
  return prices;
}
