// Node composition root for sweeps: a pool of worker_threads pulling jobs from one queue; results are
// placed by job index, so 1 or W workers give identical output.
import { Worker } from 'node:worker_threads';
import type { SweepJob, SweepRun } from './sweep-plan.js';
import type { SweepThreadInput, SweepThreadMessage } from './node-sweep-thread.js';

const THREAD_URL = new URL('./node-sweep-thread.js', import.meta.url);

export async function runSweepOnThreads(scenarioText: string, jobs: SweepJob[], workers: number, onRun?: (done: number) => void): Promise<SweepRun[]> {
  const runs: SweepRun[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  const threads = Math.max(1, Math.min(workers, jobs.length));
  await Promise.all(Array.from({ length: threads }, () => new Promise<void>((resolve, reject) => {
    const worker = new Worker(THREAD_URL, { workerData: { scenarioText } satisfies SweepThreadInput });
    const feed = () => worker.postMessage(next < jobs.length ? jobs[next++] : null);
    worker.on('message', (message: SweepThreadMessage) => {
      if (message.kind === 'failed') {
        reject(new Error(`sweep run ${message.index} failed: ${message.message}`));
        void worker.terminate();
        return;
      }
      runs[message.run.index] = message.run;
      onRun?.(++done);
      feed();
    });
    worker.on('error', reject);
    worker.on('exit', () => resolve());
    feed();
  })));
  return runs;
}
