// `hashtwin run FILE [--seed S] [--resolution R] [--out DIR] [--report FILE.html] [--json]`: one run,
// its summary, result file, HTML report and digest; a progress bar on a terminal.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { balancesCsv, kpisCsv, ledgerCsv, seriesCsv, summaryText, tableCsv, type DigestedResult } from '../../report/index.js';
import { runScenario } from '../../worker/twin-runner.js';
import { parseCommandArgs } from '../args.js';
import { createProgress } from '../progress.js';
import { writeHtmlReport } from '../report-file.js';
import { readScenarioFile, seedArgument } from '../scenario-file.js';
import { ScenarioProblems, UsageError } from '../usage-error.js';

const RESOLUTIONS = ['exact', 'aggregate', 'hashed'] as const;

function writeOutputs(dir: string, result: DigestedResult): string[] {
  const files: [string, string][] = [
    ['result.json', `${JSON.stringify(result)}\n`],
    ['series.csv', seriesCsv(result)],
    ['kpis.csv', kpisCsv(result)],
    ['ledger.csv', ledgerCsv(result)],
    ['balances.csv', balancesCsv(result)],
    // One file per system table: tables/colo.tenants.csv, tables/ops.groups.csv …
    ...Object.keys(result.tables).sort().map((name): [string, string] => [join('tables', `${name}.csv`), tableCsv(result, name)]),
  ];
  try {
    mkdirSync(join(dir, Object.keys(result.tables).length > 0 ? 'tables' : ''), { recursive: true });
    for (const [name, text] of files) writeFileSync(join(dir, name), text);
  } catch (error) {
    throw new UsageError(`--out ${dir}: cannot write there (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return files.map(([name]) => join(dir, name));
}

export async function runCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs(argv, {
    seed: { type: 'string' },
    resolution: { type: 'string' },
    out: { type: 'string' },
    report: { type: 'string' },
    json: { type: 'boolean' },
  }, 1);
  const file = positionals[0];
  const scenarioText = readScenarioFile(file);
  const resolution = values.resolution;
  if (resolution !== undefined && !(RESOLUTIONS as readonly string[]).includes(resolution)) {
    throw new UsageError(`--resolution must be one of ${RESOLUTIONS.join(', ')}, got '${resolution}'`);
  }
  const progress = createProgress(`running ${file}`);
  const reply = await runScenario(
    { scenarioText, seed: seedArgument(values.seed), resolution: resolution as (typeof RESOLUTIONS)[number] | undefined },
    { onProgress: (fraction) => progress.update(fraction) },
  );
  progress.done();
  if (!reply.ok) {
    if (reply.error.code === 'invalid-scenario') throw new ScenarioProblems(file!, reply.error.issues);
    throw new Error(reply.error.message);
  }
  const result = reply.result;
  const written = values.out !== undefined ? writeOutputs(values.out, result) : [];
  if (values.report !== undefined) written.push(writeHtmlReport(values.report, result, file!));
  if (values.json) {
    console.log(JSON.stringify(result));
    return;
  }
  console.log(summaryText(result));
  if (written.length > 0) console.log(`wrote ${written.join(', ')}`);
}
