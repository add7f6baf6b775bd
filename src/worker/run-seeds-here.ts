// Quote (or sweep) jobs one after another on this thread: the runner of tests and of a worker that
// already is off the page's thread. Same SweepRun answers as the thread and Web Worker pools.
import type { RunSeeds } from './quote-runner.js';
import type { SweepRun } from './sweep-plan.js';
import { runScenario } from './twin-runner.js';

export const runSeedsHere: RunSeeds = async (scenarioText, jobs, onRunDone) => {
  const runs: SweepRun[] = [];
  for (const job of jobs) {
    const reply = await runScenario({ scenarioText, seed: job.seed, overrides: job.overrides });
    if (!reply.ok) return reply;
    const { digest, kpis } = reply.result;
    runs.push({ index: job.index, cell: job.cell, seed: job.seed, overrides: job.overrides, digest, kpis });
    onRunDone(runs.length);
  }
  return { ok: true, runs };
};
