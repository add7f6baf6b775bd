// The benchmark page's state: settings, the rows as they land, the device's figures, and the hand-off
// of the measured hashrate to the mobile-broker scenario in the lab. The benchmark object owns its workers.
import { BrowserBench, type BenchReport, type Row } from '../../../src/worker/browser-bench.js';

export type Status = 'idle' | 'running' | 'done' | 'failed' | 'stopped';

/** Workers beyond the cores only queue; eight is plenty for a page (the twin pool's cap too). */
export const MAX_BENCH_WORKERS = 8;

export function defaultWorkers(): number {
  return Math.max(1, Math.min(MAX_BENCH_WORKERS, navigator.hardwareConcurrency || 2));
}

export class BenchState {
  quick = $state(true);
  maxWorkers = $state(defaultWorkers());
  status = $state<Status>('idle');
  rows = $state.raw<Row[]>([]);
  report = $state.raw<BenchReport | undefined>();
  error = $state<string | undefined>();
  elapsedMs = $state(0);
  private readonly bench = new BrowserBench();

  get running(): boolean {
    return this.status === 'running';
  }

  async run(): Promise<void> {
    if (this.running) return;
    this.status = 'running';
    this.rows = [];
    this.report = undefined;
    this.error = undefined;
    const started = performance.now();
    const reply = await this.bench.run({ quick: this.quick, maxWorkers: this.maxWorkers }, (rows) => (this.rows = rows));
    this.elapsedMs = performance.now() - started;
    if (reply.ok) {
      this.report = reply.report;
      this.status = 'done';
    } else {
      this.error = reply.error.message;
      this.status = reply.error.code === 'stopped' ? 'stopped' : 'failed';
    }
  }

  stop(): void {
    this.bench.stop();
  }
}

export const benchState = new BenchState();
