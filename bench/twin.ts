// The twin end to end through runScenario (parse, run, digest) on the two scale scenarios the issue
// sets goals for: 1,000 rigs × 1 day in exact mode, and 10,000 rigs × 1 year in aggregate mode.
import { readFileSync } from 'node:fs';
import type { Override } from '../src/scenario/index.js';
import { runScenario } from '../src/worker/twin-runner.js';
import type { Row } from './measure.js';

const SECTION = 'Twin scenarios via runScenario (events/s; seconds in the note)';
const EXACT_FILE = 'exact-1000-rigs-day.yaml';
const AGGREGATE_FILE = 'large-fleet-year.yaml';
/**
 * d = H·T/2^32 for the scenario's 200 TH/s rigs at one share per 10 s: the difficulty its vardiff
 * aims at, held fixed, so the row beside it shows what per-share vardiff costs.
 */
const FIXED_DIFFICULTY_AT_10_S = (200e12 * 10) / 2 ** 32;

/** A row is named `${mode}, ${fleet} × ${horizon}, ${variant}`; --quick swaps in the shorter horizon. */
type Case = {
  mode: string;
  fleet: string;
  horizon: string;
  quickHorizon: string;
  variant?: string;
  file: string;
  overrides: Override[];
  /** The issue's goal for the full horizon, shown in the note. */
  goal?: string;
};

const CASES: Case[] = [
  { mode: 'exact', fleet: '1,000 rigs', horizon: '1d', quickHorizon: '2h', variant: 'vardiff', file: EXACT_FILE, overrides: [], goal: 'a few s' },
  {
    mode: 'exact', fleet: '1,000 rigs', horizon: '1d', quickHorizon: '2h', variant: 'fixed difficulty', file: EXACT_FILE,
    overrides: [{ path: 'pools[0].fixedShareDifficulty', value: FIXED_DIFFICULTY_AT_10_S }],
  },
  { mode: 'aggregate', fleet: '10,000 rigs', horizon: '365d', quickHorizon: '30d', file: AGGREGATE_FILE, overrides: [], goal: '< 3 s' },
];

/** This file runs as dist/bench/twin.js; the scenarios stay at the repository root (as for cli demo). */
function scenarioText(file: string): string {
  return readFileSync(new URL(`../../scenarios/${file}`, import.meta.url), 'utf8');
}

type Timing = { wallS: number; cpuS: number; events: number; shares: number };

async function timeRun(text: string, overrides: Override[]): Promise<Timing> {
  const cpuStart = process.cpuUsage();
  const startedMs = performance.now();
  const reply = await runScenario({ scenarioText: text, overrides });
  const wallS = (performance.now() - startedMs) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  if (!reply.ok) {
    const issues = reply.error.code === 'invalid-scenario' ? reply.error.issues.map((issue) => `; ${JSON.stringify(issue)}`).join('') : '';
    throw new Error(`bench scenario failed: ${reply.error.code}: ${reply.error.message}${issues}`);
  }
  const kpis = reply.result.kpis;
  return { wallS, cpuS: (cpu.user + cpu.system) / 1e6, events: kpis.engineEvents, shares: kpis.sharesAccepted };
}

function formatCount(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} G`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)} k`;
  return String(n);
}

/**
 * The goals are stated in wall seconds of a whole run, and no other program does this work, so these
 * rows have no ratio. Full mode runs each case three times and keeps the fastest (the machine may be
 * busy with other work); --quick runs each once over a shorter horizon. CPU seconds include V8's GC
 * and compiler threads.
 */
export async function benchTwin(quick: boolean): Promise<Row[]> {
  // Loads the WASM core (for the digest) and warms the parser, so neither lands in the first timed run.
  await timeRun(scenarioText(EXACT_FILE), [{ path: 'horizon', value: '15m' }]);
  const rows: Row[] = [];
  for (const c of CASES) {
    const text = scenarioText(c.file);
    const overrides: Override[] = quick ? [...c.overrides, { path: 'horizon', value: c.quickHorizon }] : c.overrides;
    let best: Timing | undefined;
    for (let run = 0; run < (quick ? 1 : 3); run++) {
      const timing = await timeRun(text, overrides);
      if (best === undefined || timing.wallS < best.wallS) best = timing;
    }
    const t = best!;
    const scope = quick ? 'one run' : c.goal === undefined ? 'best of 3' : `best of 3; goal for ${c.horizon}: ${c.goal}`;
    rows.push({
      section: SECTION,
      name: `${c.mode}, ${c.fleet} × ${quick ? c.quickHorizon : c.horizon}${c.variant === undefined ? '' : `, ${c.variant}`}`,
      unit: 'ev/s',
      rate: t.events / t.wallS,
      note: `${t.wallS.toFixed(2)} s wall, ${t.cpuS.toFixed(2)} s CPU, ${formatCount(t.events)} events, ${formatCount(t.shares)} shares; ${scope}`,
    });
  }
  return rows;
}
