// `hashtwin sweep FILE --vary PATH=V1,V2,… [--vary …] [--seeds K] [--workers W] [--kpi NAME …] [--json]`:
// every combination × K seeds on worker threads; the same results whatever W is.
import { availableParallelism } from 'node:os';
import { parseScenarioText, parseVary, type Vary } from '../../scenario/index.js';
import { planSweep, summarizeCells } from '../../worker/sweep-plan.js';
import { runSweepOnThreads } from '../../worker/node-sweep-threads.js';
import { parseCommandArgs, parseWholeNumber } from '../args.js';
import { createProgress } from '../progress.js';
import { readScenarioFile } from '../scenario-file.js';
import { ScenarioProblems, UsageError } from '../usage-error.js';

/** The table's columns unless --kpi names others (a system's KPIs: ops.availabilityPct, colo.revenueUsd …). */
const DEFAULT_TABLE_KPIS = ['fleetEarnedSat', 'fleetEarnedUsd', 'fleetLuckPct', 'staleRatePct', 'fleetAlerts'];
const MAX_RUNS = 10_000;

export async function sweepCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs(argv, {
    vary: { type: 'string', multiple: true },
    seeds: { type: 'string' },
    workers: { type: 'string' },
    kpi: { type: 'string', multiple: true },
    json: { type: 'boolean' },
  }, 1);
  const file = positionals[0];
  const scenarioText = readScenarioFile(file);
  if (!values.vary || values.vary.length === 0) throw new UsageError('missing --vary PATH=V1,V2,… (e.g. --vary pools[0].scheme=FPPS,PPLNS)');
  const varies: Vary[] = values.vary.map((text) => {
    const vary = parseVary(text);
    if (typeof vary === 'string') throw new UsageError(`--vary ${vary}`);
    // Each run's seed comes from --seeds (S, S+1, …) and would silently override a varied seed.
    if (vary.path === 'seed') throw new UsageError(`--vary ${text}: the seed is not varied this way; use --seeds K (runs seeds S, S+1, …)`);
    return vary;
  });
  const seeds = parseWholeNumber(values.seeds, '--seeds', 1, 1000) ?? 1;
  const workers = parseWholeNumber(values.workers, '--workers', 1, 64) ?? Math.max(1, availableParallelism());
  const base = parseScenarioText(scenarioText);
  if (!base.ok) throw new ScenarioProblems(file!, base.issues);
  const jobs = planSweep(varies, seeds, base.scenario.seed);
  if (jobs.length > MAX_RUNS) throw new UsageError(`the sweep has ${jobs.length} runs; at most ${MAX_RUNS}`);
  // Every cell is validated up front, so a bad value fails at once with its path and value.
  for (const job of jobs.filter((j) => j.seed === base.scenario.seed)) {
    const cell = parseScenarioText(scenarioText, job.overrides);
    if (!cell.ok) {
      const where = job.overrides.map((o) => `${o.path}=${JSON.stringify(o.value)}`).join(' ');
      throw new ScenarioProblems(`${file} with ${where}`, cell.issues);
    }
  }
  const progress = createProgress(`sweep of ${jobs.length} runs on ${workers} worker(s)`);
  const runs = await runSweepOnThreads(scenarioText, jobs, workers, (done) => progress.update(done / jobs.length, `${done}/${jobs.length}`));
  progress.done();
  const cells = summarizeCells(runs);
  if (values.json) {
    console.log(JSON.stringify({ file, varies, seeds, runs, cells }));
    return;
  }
  const tableKpis = values.kpi && values.kpi.length > 0 ? values.kpi : DEFAULT_TABLE_KPIS;
  // A KPI no run reported is a typo (or a system the scenario does not switch on): say so, with the names there are.
  const known = new Set(runs.flatMap((run) => Object.keys(run.kpis)));
  const unknown = tableKpis.filter((k) => !known.has(k));
  if (unknown.length > 0) {
    const near = [...known].filter((k) => k.split('.')[0] === unknown[0].split('.')[0]).slice(0, 6);
    throw new UsageError(`--kpi ${unknown[0]}: no run reported it${near.length > 0 ? ` (e.g. ${near.join(', ')})` : ''}`);
  }
  const header = [...varies.map((v) => v.path), ...tableKpis.map((k) => `${k} (mean)`)];
  console.log(`${file}: ${cells.length} cell(s) × ${seeds} seed(s) = ${runs.length} runs`);
  console.log(header.join('\t'));
  for (const cell of cells) {
    console.log([...cell.overrides.map((o) => String(o.value)), ...tableKpis.map((k) => String(cell.kpisMean[k] ?? ''))].join('\t'));
  }
}
