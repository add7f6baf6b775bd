// Runs of the scenario in the editor on the twin workers: one run (the full result), several seeds (the
// spread of every KPI) or a sweep (a KPI over two parameters). Progress, cancel and the latest outcome
// of each kind live here; the page only draws them.
import type { ChartSpec, DigestedResult, RunFailure, SweepCellSummary, SweepRun, Vary } from '../../../../src/worker/browser-twin-protocol.js';
import { planSweep, summarizeCells } from '../../../../src/worker/browser-twin-protocol.js';
import type { TwinTask } from '../../../../src/worker/browser-twin-pool.js';
import { twin } from '../../app/twin';

export type RunMode = 'single' | 'seeds' | 'sweep';
export type Status = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';
export type SeedsOutcome = { name: string; runs: SweepRun[] };
export type SweepOutcome = { name: string; varies: Vary[]; seedsPerCell: number; cells: SweepCellSummary[] };
export type Outcome = { mode: 'single'; result: DigestedResult } | { mode: 'seeds'; seeds: SeedsOutcome } | { mode: 'sweep'; sweep: SweepOutcome };

export class Runner {
  mode = $state<RunMode>('single');
  seeds = $state(8);
  status = $state<Status>('idle');
  /** Fraction done in [0, 1]: of the horizon for one run, of the jobs for seeds and sweeps. */
  progress = $state(0);
  jobsDone = $state(0);
  jobsTotal = $state(0);
  elapsedMs = $state(0);
  error = $state.raw<RunFailure | undefined>();
  outcome = $state.raw<Outcome | undefined>();
  /** The last single run, kept while seeds or sweeps run, so its charts stay on screen. */
  result = $state.raw<DigestedResult | undefined>();
  /** The result's default charts, built by the worker with it. */
  charts = $state.raw<ChartSpec[]>([]);
  private task: TwinTask<unknown> | undefined;

  get running(): boolean {
    return this.status === 'running';
  }

  async runSingle(scenarioText: string): Promise<void> {
    if (this.running) return;
    const reply = await this.track(twin.run({ scenarioText }, (fraction) => (this.progress = fraction)));
    if (reply.ok) {
      this.result = reply.result;
      this.charts = reply.charts;
      this.outcome = { mode: 'single', result: reply.result };
    } else this.fail(reply.error);
  }

  async runSeeds(scenarioText: string, name: string, baseSeed: string | number, seeds: number): Promise<void> {
    if (this.running) return;
    const jobs = planSweep([], seeds, baseSeed);
    const reply = await this.trackJobs(scenarioText, jobs);
    if (reply.ok) this.outcome = { mode: 'seeds', seeds: { name, runs: reply.runs } };
    else this.fail(reply.error);
  }

  async runSweep(scenarioText: string, name: string, baseSeed: string | number, varies: Vary[], seedsPerCell: number): Promise<void> {
    if (this.running) return;
    const jobs = planSweep(varies, seedsPerCell, baseSeed);
    const reply = await this.trackJobs(scenarioText, jobs);
    if (reply.ok) this.outcome = { mode: 'sweep', sweep: { name, varies, seedsPerCell, cells: summarizeCells(reply.runs) } };
    else this.fail(reply.error);
  }

  cancel(): void {
    this.task?.cancel();
  }

  private trackJobs(scenarioText: string, jobs: ReturnType<typeof planSweep>) {
    this.jobsTotal = jobs.length;
    return this.track(twin.runJobs(scenarioText, jobs, (done, total) => {
      this.jobsDone = done;
      this.progress = done / total;
    }));
  }

  /** The task's status, timing and cancel (callers start one task at a time). */
  private async track<T>(task: TwinTask<T>): Promise<T> {
    this.task = task;
    this.status = 'running';
    this.progress = 0;
    this.jobsDone = 0;
    this.error = undefined;
    const started = performance.now();
    const reply = await task.done;
    this.elapsedMs = performance.now() - started;
    this.task = undefined;
    this.status = 'done';
    return reply;
  }

  private fail(error: RunFailure): void {
    this.status = error.code === 'cancelled' ? 'cancelled' : 'failed';
    this.error = error;
  }
}

export const runner = new Runner();
