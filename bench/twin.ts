// The twin end to end through runScenario (parse, run, digest), on the two scale scenarios the issue
// sets goals for: 1,000 rigs × 1 day in exact mode, and 10,000 rigs × 1 year in aggregate mode.
import { readFileSync } from 'node:fs';
import type { Override } from '../src/scenario/index.js';
import { runScenario } from '../src/worker/twin-runner.js';
import type { Row } from './measure.js';

const SECTION = 'Twin scenarios via runScenario (events/s; seconds in the note)';

type Case = { name: string; file: string; goal: string; quickHorizon: string };

const CASES: Case[] = [
  { name: 'exact, 1,000 rigs × 1 d', file: 'exact-1000-rigs-day.yaml', goal: 'goal: a few s', quickHorizon: '2h' },
  { name: 'aggregate, 10,000 rigs × 365 d', file: 'large-fleet-year.yaml', goal: 'goal: < 3 s', quickHorizon: '30d' },
];

/** This file runs as dist/bench/twin.js; the scenarios stay in the repository (as in cli demo). */
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
    const issues = reply.error.code === 'invalid-scenario' ? reply.error.issues.map((i) => `; ${JSON.stringify(i)}`).join('') : '';
    throw new Error(`bench scenario failed: ${reply.error.code}: ${reply.error.message}${issues}`);
  }
  const kpis = reply.result.kpis;
  return { wallS, cpuS: (cpu.user + cpu.system) / 1e6, events: kpis.engineEvents, shares: kpis.sharesAccepted };
}

function formatCount(n: number): string {
  return n >= 1e9 ? `${(n / 1e9).toFixed(1)} G` : n >= 1e6 ? `${(n / 1e6).toFixed(1)} M` : `${n}`;
}

/**
 * Wall time of a whole run is the figure the goals are stated in, so the rows have no ratio: no other
 * program does this work. In full mode each scenario runs three times and the fastest run counts (the
 * machine may be busy with other work); CPU seconds, which include V8's GC threads, are in the note.
 */
export async function benchTwin(quick: boolean): Promise<Row[]> {
  // Loads the WASM core and warms the parser, so neither lands in the first timed run.
  await timeRun(scenarioText(CASES[0].file), [{ path: 'horizon', value: '15m' }]);
  const rows: Row[] = [];
  for (const c of CASES) {
    const text = scenarioText(c.file);
    const overrides: Override[] = quick ? [{ path: 'horizon', value: c.quickHorizon }] : [];
    let best: Timing | undefined;
    for (let run = 0; run < (quick ? 1 : 3); run++) {
      const timing = await timeRun(text, overrides);
      if (best === undefined || timing.wallS < best.wallS) best = timing;
    }
    const t = best!;
    const horizon = quick ? `${c.quickHorizon} (--quick)` : c.goal;
    rows.push({
      section: SECTION,
      name: quick ? `${c.name.replace(/× .*/, '× ')}${c.quickHorizon}` : c.name,
      unit: 'ev/s',
      rate: t.events / t.wallS,
      note: `${t.wallS.toFixed(2)} s wall, ${t.cpuS.toFixed(2)} s CPU; ${formatCount(t.events)} events, ${formatCount(t.shares)} shares; ${horizon}`,
    });
  }
  return rows;
}
