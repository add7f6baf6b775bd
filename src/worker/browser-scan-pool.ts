// Browser composition root for split scans: a pool of module Web Workers driven through comlink.
// The same splitting and merging as in node (scan-pool.ts), so any pool size returns one worker's answer.
import { wrap, type Remote } from 'comlink';
import { checkHeader, checkScanRange, checkTarget, type ScanRange } from '../hash/index.js';
import type { BrowserScanWorkerApi } from './browser-scan-worker.js';
import { unwrapReply } from './protocol.js';
import { scanOverWorkers, type ScanPart } from './scan-pool.js';

export class BrowserScanPool {
  private readonly workers: Worker[] = [];
  private readonly remotes: Remote<BrowserScanWorkerApi>[] = [];

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`size must be a whole number ≥ 1, got ${size}`);
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL('./browser-scan-worker.ts', import.meta.url), { type: 'module' });
      this.workers.push(worker);
      this.remotes.push(wrap<BrowserScanWorkerApi>(worker));
    }
  }

  get size(): number {
    return this.workers.length;
  }

  async scan(header: Uint8Array, target: Uint8Array, range: ScanRange, simd = true): Promise<ScanPart> {
    checkHeader(header);
    checkTarget(target);
    checkScanRange(range.start, range.count);
    return scanOverWorkers(range, this.size, async (part, index) => unwrapReply(await this.remotes[index].scan(header, target, part, simd)));
  }

  terminate(): void {
    for (const worker of this.workers) worker.terminate();
    this.workers.length = 0;
    this.remotes.length = 0;
  }
}
