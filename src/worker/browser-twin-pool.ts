// Browser composition root for twin runs: a pool of module Web Workers (the simulation never runs on the
// page's thread). One run goes to one worker; several seeds or a sweep (sweep-plan.ts) are spread over
// all of them, results placed by job index so any pool size gives the same answer. Validation has its
// own worker, so typing is checked while a run is busy.
import { proxy } from 'comlink';
import type { JobReply, LabRunReply, RunFailure, RunRequest, ScenarioCatalogue, SweepJob, SweepRun, ValidateReply } from './browser-twin-protocol.js';
import { TwinWorkerSlot, type TwinTask } from './browser-twin-slot.js';

export type { TwinTask };
export type JobsReply = { ok: true; runs: SweepRun[] } | { ok: false; error: RunFailure };

/** More workers than this rarely help a page (memory, other tabs); fewer cores use fewer. */
export const MAX_WORKERS = 8;

export function defaultPoolSize(): number {
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(MAX_WORKERS, cores));
}

function createTwinWorker(): Worker {
  return new Worker(new URL('./browser-twin-worker.ts', import.meta.url), { type: 'module', name: 'hashtwin-twin' });
}

const CANCELLED: RunFailure = { code: 'cancelled', message: 'run cancelled' };
const internal = (message: string): RunFailure => ({ code: 'internal', message: `the twin worker failed: ${message}` });

export class BrowserTwinPool {
  readonly size: number;
  private readonly slots: TwinWorkerSlot[] = [];
  private validator?: TwinWorkerSlot;

  constructor(size = defaultPoolSize()) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`size must be a whole number ≥ 1, got ${size}`);
    this.size = size;
  }

  validate(text: string): Promise<ValidateReply> {
    return this.validatorSlot().api.validate(text);
  }

  describe(): Promise<ScenarioCatalogue> {
    return this.validatorSlot().api.describe();
  }

  /** One run with its full result; progress is a fraction of the horizon in [0, 1]. */
  run(request: RunRequest, onProgress?: (fraction: number) => void): TwinTask<LabRunReply> {
    const slot = this.slot(this.slots.findIndex((s) => !s.busy));
    const progress = onProgress ? proxy(onProgress) : undefined;
    return slot.call<LabRunReply>(
      (remote, cancel) => remote.run(request, progress, cancel),
      { ok: false, error: CANCELLED },
      (message) => ({ ok: false, error: internal(message) }),
    );
  }

  /** Every job over the workers; stops at the first failure. `onRun` counts finished jobs. */
  runJobs(scenarioText: string, jobs: SweepJob[], onRun?: (done: number, total: number) => void): TwinTask<JobsReply> {
    const runs: SweepRun[] = new Array(jobs.length);
    const running = new Set<TwinTask<JobReply>>();
    let next = 0;
    let finished = 0;
    let failure: RunFailure | undefined;
    const stop = (why: RunFailure) => {
      failure ??= why;
      for (const task of running) task.cancel();
    };
    const drain = async (slot: TwinWorkerSlot) => {
      while (!failure && next < jobs.length) {
        const job = jobs[next++];
        const task = slot.call<JobReply>(
          (remote, cancel) => remote.runJob(scenarioText, job, cancel),
          { ok: false, error: CANCELLED },
          (message) => ({ ok: false, error: internal(message) }),
        );
        running.add(task);
        const reply = await task.done;
        running.delete(task);
        if (!reply.ok) stop(reply.error);
        else {
          runs[job.index] = reply.run;
          onRun?.(++finished, jobs.length);
        }
      }
    };
    const workers = Math.min(this.size, Math.max(1, jobs.length));
    const done = Promise.all(Array.from({ length: workers }, (_, i) => drain(this.slot(i))))
      .then((): JobsReply => (failure ? { ok: false, error: failure } : { ok: true, runs }));
    return { done, cancel: () => stop(CANCELLED) };
  }

  terminate(): void {
    for (const slot of this.slots) slot.terminate();
    this.validator?.terminate();
    this.slots.length = 0;
    this.validator = undefined;
  }

  /** Slot `index`, or a new one while the pool is below its size, or the first slot. */
  private slot(index: number): TwinWorkerSlot {
    if (index >= 0 && index < this.slots.length) return this.slots[index];
    if (this.slots.length < this.size) {
      this.slots.push(new TwinWorkerSlot(createTwinWorker));
      return this.slots[this.slots.length - 1];
    }
    return this.slots[0];
  }

  private validatorSlot(): TwinWorkerSlot {
    this.validator ??= new TwinWorkerSlot(createTwinWorker);
    return this.validator;
  }
}
