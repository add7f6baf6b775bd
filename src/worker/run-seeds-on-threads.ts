// Quote jobs over node worker_threads (the sweep pool), as a RunSeeds: a failed run becomes data.
import { availableParallelism } from 'node:os';
import { runSweepOnThreads } from './node-sweep-threads.js';
import type { RunSeeds } from './quote-runner.js';

/** One thread per core, never more than there are seeds. */
export function runSeedsOnThreads(workers = availableParallelism()): RunSeeds {
  return async (scenarioText, jobs, onRunDone) => {
    try {
      return { ok: true, runs: await runSweepOnThreads(scenarioText, jobs, Math.min(workers, jobs.length), onRunDone) };
    } catch (error) {
      return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
    }
  };
}
