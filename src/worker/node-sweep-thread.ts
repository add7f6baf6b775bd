// worker_threads body for sweeps: runs the jobs it is sent, one at a time, and posts each run's KPIs and digest.
import { parentPort, workerData } from 'node:worker_threads';
import type { SweepJob, SweepRun } from './sweep-plan.js';
import { runScenario } from './twin-runner.js';

export type SweepThreadInput = { scenarioText: string };
export type SweepThreadMessage = { kind: 'done'; run: SweepRun } | { kind: 'failed'; index: number; message: string };

const { scenarioText } = workerData as SweepThreadInput;
const port = parentPort!;
port.on('message', async (job: SweepJob | null) => {
  if (job === null) {
    port.close();
    return;
  }
  const reply = await runScenario({ scenarioText, seed: job.seed, overrides: job.overrides });
  if (reply.ok) {
    const { digest, kpis } = reply.result;
    port.postMessage({ kind: 'done', run: { index: job.index, cell: job.cell, seed: job.seed, overrides: job.overrides, digest, kpis } } satisfies SweepThreadMessage);
  } else {
    port.postMessage({ kind: 'failed', index: job.index, message: reply.error.message } satisfies SweepThreadMessage);
  }
});
