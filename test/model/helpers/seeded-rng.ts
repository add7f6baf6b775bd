// A tiny seeded uniform generator for statistical tests (mulberry32, public domain, Tommy Ettinger):
// never Math.random, so every "random" test run is the same run.

export interface UniformRng {
  uniform(): number;
}

export function createSeededRng(seed: number): UniformRng {
  let state = seed >>> 0;
  return {
    uniform(): number {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/** Trials up to and including the first success, success probability p: Geometric on {1, 2, …}. */
export function drawGeometric(rng: UniformRng, p: number): number {
  // 1 − uniform() is in (0, 1], so the log is finite.
  return Math.max(1, Math.ceil(Math.log(1 - rng.uniform()) / Math.log1p(-p)));
}
