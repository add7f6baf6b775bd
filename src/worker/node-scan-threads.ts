// Node composition root for multi-worker scans: one worker_thread per part of the nonce range.
import { Worker } from 'node:worker_threads';
import { checkHeader, checkScanRange, checkTarget, type ScanRange } from '../hash/index.js';
import { scanOverWorkers, type ScanPart } from './scan-pool.js';
import type { ScanThreadInput, ScanThreadMessage } from './node-scan-thread.js';

export type ThreadScanOptions = {
  workers: number;
  simd?: boolean;
  /** Total nonces examined so far across all workers. */
  onProgress?: (examinedNonces: number) => void;
};

const THREAD_URL = new URL('./node-scan-thread.js', import.meta.url);

function runThread(input: ScanThreadInput, onProgress: (examinedNonces: number) => void): Promise<ScanPart> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(THREAD_URL, { workerData: input });
    worker.on('message', (message: ScanThreadMessage) => {
      if (message.kind === 'progress') onProgress(message.examinedNonces);
      else if (message.kind === 'done') resolve({ nonces: message.nonces, hashes: message.hashes });
      else reject(new Error(`scan worker failed: ${message.message}`));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`scan worker exited with code ${code}`));
    });
  });
}

export async function scanOnThreads(header: Uint8Array, target: Uint8Array, range: ScanRange, options: ThreadScanOptions): Promise<ScanPart> {
  checkHeader(header);
  checkTarget(target);
  checkScanRange(range.start, range.count);
  const examinedByWorker: number[] = [];
  return scanOverWorkers(range, options.workers, (part, index) => {
    examinedByWorker[index] = 0;
    return runThread({ header, target, range: part, simd: options.simd ?? true }, (examined) => {
      examinedByWorker[index] = examined;
      options.onProgress?.(examinedByWorker.reduce((a, b) => a + b, 0));
    });
  });
}
