// Side-by-side measurement: each contender runs for at least a minimum wall time in the same process,
// and rows report their rate and ratio against a named baseline measured in the same run.

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

function formatRate(rate: number, unit: string): string {
  if (rate >= 1e6) return `${(rate / 1e6).toFixed(2)} M${unit}`;
  if (rate >= 1e3) return `${(rate / 1e3).toFixed(2)} k${unit}`;
  return `${rate.toFixed(rate >= 100 ? 0 : 2)} ${unit}`;
}

export function formatTable(rows: Row[]): string {
  const lines: string[] = [];
  let section = '';
  for (const row of rows) {
    if (row.section !== section) {
      section = row.section;
      lines.push('', section);
    }
    const ratio = row.ratio === undefined ? '' : `${row.ratio.toFixed(2)}×`;
    lines.push(`  ${row.name.padEnd(44)} ${formatRate(row.rate, row.unit).padStart(14)} ${ratio.padStart(9)}  ${row.note ?? ''}`.trimEnd());
  }
  return lines.join('\n');
}
