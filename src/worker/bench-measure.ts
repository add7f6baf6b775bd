// Side-by-side measurement, shared by the node benchmarks (bench/) and the in-browser benchmark page:
// each contender runs for at least a minimum wall time, and rows report their rate and ratio against
// a named baseline measured in the same run. Wall-clock timing: composition roots only, never the model.

/** An impossible target: every nonce is hashed and rejected, as in real mining. */
export const ZERO_TARGET = new Uint8Array(32);

/** A fixed pseudo-random 80-byte header (no Math.random: the same work on every run and device). */
export function benchHeader(): Uint8Array {
  return Uint8Array.from({ length: 80 }, (_, i) => (i * 151 + 7) & 0xff);
}

export type Row = {
  section: string;
  name: string;
  unit: string;
  /** Work units per second (hashes/s, events/s …). */
  rate: number;
  /** rate / baseline rate, where the section has a baseline. */
  ratio?: number;
  note?: string;
};

/** Runs `batch` (which does `unitsPerBatch` units of work) until `minSeconds` have passed; returns units/s. */
export function rateOf(batch: () => void, unitsPerBatch: number, minSeconds: number): number {
  batch(); // warm-up: JIT tiers and lazy allocations do not belong in the figure
  let units = 0;
  const startedMs = performance.now();
  let elapsedMs = 0;
  do {
    batch();
    units += unitsPerBatch;
    elapsedMs = performance.now() - startedMs;
  } while (elapsedMs < minSeconds * 1000);
  return units / (elapsedMs / 1000);
}

export async function rateOfAsync(batch: () => Promise<void>, unitsPerBatch: number, minSeconds: number): Promise<number> {
  await batch();
  let units = 0;
  const startedMs = performance.now();
  let elapsedMs = 0;
  do {
    await batch();
    units += unitsPerBatch;
    elapsedMs = performance.now() - startedMs;
  } while (elapsedMs < minSeconds * 1000);
  return units / (elapsedMs / 1000);
}

export function secondsOf(work: () => void): number {
  const startedMs = performance.now();
  work();
  return (performance.now() - startedMs) / 1000;
}

/** Fills in `ratio` for every row of a section against its baseline row. */
export function withRatios(rows: Row[], baselineName: string): Row[] {
  const baseline = rows.find((r) => r.name === baselineName);
  if (!baseline) throw new Error(`no baseline row '${baselineName}'`);
  return rows.map((r) => ({ ...r, ratio: r.rate / baseline.rate }));
}

/** A rate with an SI prefix on its unit: 12.34 MH/s, 850 H/s. */
export function formatRate(rate: number, unit: string): string {
  if (rate >= 1e6) return `${(rate / 1e6).toFixed(2)} M${unit}`;
  if (rate >= 1e3) return `${(rate / 1e3).toFixed(2)} k${unit}`;
  return `${rate.toFixed(rate >= 100 ? 0 : 2)} ${unit}`;
}
