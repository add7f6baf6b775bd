// `hashtwin bench [--quick] [--json]`: hashing benchmarks with ratios against baselines in the same run.
import { parseCommandArgs } from '../args.js';

export async function benchCommand(argv: string[]): Promise<void> {
  const { values } = parseCommandArgs(argv, { quick: { type: 'boolean' }, json: { type: 'boolean' } }, 0);
  // The bench harness and its baselines (hash-wasm, @noble/hashes, @ethereumjs/ethash) are dev tools,
  // loaded only for this command.
  const { runBenchmarks, formatTable } = await import('../../../bench/index.js');
  const quick = values.quick ?? false;
  if (!values.json) console.log(`hashtwin bench${quick ? ' --quick' : ''} on node ${process.version}; ratios are against the baseline row of each section, measured in this run`);
  const report = await runBenchmarks(quick, (rows) => {
    if (!values.json) console.log(formatTable(rows));
  });
  if (values.json) console.log(JSON.stringify(report));
}
