// The in-browser benchmark, owned by one object: the WASM core's sha256d scan (SIMD and scalar)
// against a plain-JS sha256d on one Web Worker, the scan's scaling over 1..N workers (the scan pool
// of the lab), and Ethash light hashing at epoch 0. Timing happens in the workers; the page only
// receives rows. The device's hashrate is the best sha256d figure over all workers.
import { wrap, type Remote } from 'comlink';
import { benchHeader, rateOfAsync, type Row, withRatios, ZERO_TARGET } from './bench-measure.js';
import type { BrowserBenchWorkerApi, EthashFigures } from './browser-bench-worker.js';
import { BrowserScanPool } from './browser-scan-pool.js';
import { unwrapReply, type WorkerReply } from './protocol.js';

export type { Row, EthashFigures };
export { formatRate } from './bench-measure.js';
export type BenchSettings = { quick: boolean; maxWorkers: number };
export type BenchReport = {
  rows: Row[];
  /** sha256d H/s of the whole device: the WASM SIMD scan over `deviceWorkers` workers. */
  deviceHashrateHs: number;
  deviceWorkers: number;
  /** sha256d H/s on one worker (one core), for devices that mine on one thread. */
  singleWorkerHashrateHs: number;
  ethash: EthashFigures;
};
export type BenchReply = { ok: true; report: BenchReport } | { ok: false; error: { code: 'stopped' | 'internal'; message: string } };

export const SINGLE_SECTION = 'sha256d on one worker (H/s)';
export const SCALING_SECTION = 'sha256d WASM SIMD scan over Web Workers (H/s)';
export const ETHASH_SECTION = 'Ethash at epoch 0 (light hashes/s; cache build in the note)';
const JS_BASELINE = 'plain JavaScript sha256d';
const SIMD_NAME = 'WASM core, SIMD 4-way midstate scan';

/** 1, 2, 4 … up to max, and max itself: enough points to see the curve without a long run. */
export function workerCounts(maxWorkers: number): number[] {
  const counts: number[] = [];
  for (let w = 1; w < maxWorkers; w *= 2) counts.push(w);
  counts.push(maxWorkers);
  return counts;
}

const HEADER = benchHeader();
/** Nonces per worker per timed scan (~0.1 s each on a phone-class core). */
const SCAN_NONCES_PER_WORKER = 1 << 20;

class Stopped extends Error {}

export class BrowserBench {
  private worker: Worker | undefined;
  private remote: Remote<BrowserBenchWorkerApi> | undefined;
  private pool: BrowserScanPool | undefined;
  private stopped = false;
  /** Ends the run's pending await at once: a terminated worker never answers. */
  private interrupt: () => void = () => {};

  /** Runs every section; `onRows` gets the rows measured so far after each one lands. */
  async run(settings: BenchSettings, onRows: (rows: Row[]) => void): Promise<BenchReply> {
    this.stopped = false;
    const interrupted = new Promise<never>((_, reject) => (this.interrupt = () => reject(new Stopped('stopped'))));
    interrupted.catch(() => {});
    const guard = <T>(work: Promise<T>) => Promise.race([work, interrupted]);
    const ask = async <T>(reply: Promise<WorkerReply<T>>) => unwrapReply(await guard(reply));
    const minSeconds = settings.quick ? 0.3 : 1.5;
    const rows: Row[] = [];
    const show = (section: Row[]) => {
      if (this.stopped) throw new Stopped('stopped');
      rows.push(...section);
      onRows([...rows]);
    };
    try {
      const remote = this.benchWorker();
      const single = [
        { name: SIMD_NAME, rate: await ask<number>(remote.wasmScanRate(true, minSeconds)) },
        { name: 'WASM core, scalar midstate scan', rate: await ask<number>(remote.wasmScanRate(false, minSeconds)) },
        { name: JS_BASELINE, rate: await ask<number>(remote.jsSha256dRate(minSeconds)) },
      ];
      show(withRatios(single.map((r) => ({ section: SINGLE_SECTION, unit: 'H/s', ...r })), JS_BASELINE));
      const counts = workerCounts(settings.maxWorkers);
      const scaling: Row[] = [];
      for (const workers of counts) {
        scaling.push({ section: SCALING_SECTION, name: `${workers} worker${workers === 1 ? '' : 's'}`, unit: 'H/s', rate: await guard(this.scanRate(workers, minSeconds)) });
      }
      show(withRatios(scaling, scaling[0].name));
      const ethash = await ask<EthashFigures>(remote.ethash(minSeconds));
      show([{ section: ETHASH_SECTION, name: 'WASM core, light (cache only)', unit: 'H/s', rate: ethash.lightHashesPerSecond, note: `cache built in ${ethash.cacheSeconds.toFixed(2)} s` }]);
      const best = scaling.reduce((bestAt, row, i) => (row.rate > scaling[bestAt].rate ? i : bestAt), 0);
      return {
        ok: true,
        report: { rows, deviceHashrateHs: scaling[best].rate, deviceWorkers: counts[best], singleWorkerHashrateHs: single[0].rate, ethash },
      };
    } catch (error) {
      if (this.stopped || error instanceof Stopped) return { ok: false, error: { code: 'stopped', message: 'benchmark stopped' } };
      return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
    } finally {
      this.pool?.terminate();
      this.pool = undefined;
    }
  }

  /** Stops at once: the workers are terminated, the run answers 'stopped'. */
  stop(): void {
    this.stopped = true;
    this.interrupt();
    this.worker?.terminate();
    this.worker = undefined;
    this.remote = undefined;
    this.pool?.terminate();
  }

  private benchWorker(): Remote<BrowserBenchWorkerApi> {
    if (!this.remote) {
      this.worker = new Worker(new URL('./browser-bench-worker.ts', import.meta.url), { type: 'module', name: 'hashtwin-bench' });
      this.remote = wrap<BrowserBenchWorkerApi>(this.worker);
    }
    return this.remote;
  }

  /** H/s of the scan pool at `workers` workers; worker start-up and the first scan are not timed. */
  private async scanRate(workers: number, minSeconds: number): Promise<number> {
    this.pool?.terminate();
    this.pool = new BrowserScanPool(workers);
    const pool = this.pool;
    const count = SCAN_NONCES_PER_WORKER * workers;
    let start = 0;
    return rateOfAsync(async () => {
      if (this.stopped) throw new Stopped('stopped');
      await pool.scan(HEADER, ZERO_TARGET, { start, count });
      start = (start + count) % 2 ** 31;
    }, count, minSeconds);
  }
}
