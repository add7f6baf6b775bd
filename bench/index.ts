// All benchmarks in one run; `hashtwin bench` and `npm run bench` print this table.
import { benchEngine } from './engine.js';
import { benchEthash } from './ethash.js';
import { formatTable, type Row } from './measure.js';
import { benchScanScaling, benchSha256d } from './sha256d.js';
import { benchTwin } from './twin.js';

export type BenchReport = { quick: boolean; node: string; rows: Row[] };

export async function runBenchmarks(quick: boolean, onSection: (rows: Row[]) => void = () => {}): Promise<BenchReport> {
  const rows: Row[] = [];
  for (const section of [benchSha256d, benchScanScaling, benchEthash, benchEngine, benchTwin]) {
    const sectionRows = await section(quick);
    onSection(sectionRows);
    rows.push(...sectionRows);
  }
  return { quick, node: process.version, rows };
}

export { formatTable };
