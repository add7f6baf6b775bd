// The node benchmarks' measurement (shared with the browser's, src/worker/bench-measure.ts) and the
// table they print: rates with their ratio against each section's baseline row.
import { formatRate, type Row } from '../src/worker/bench-measure.js';

export { rateOf, rateOfAsync, secondsOf, withRatios, type Row } from '../src/worker/bench-measure.js';

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
