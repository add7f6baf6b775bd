// Splits one nonce scan over several workers and merges their answers in nonce order, so any number
// of workers returns exactly what one worker returns. The transport (worker_threads, Web Workers) is
// injected: this file runs anywhere.
import { splitRange, type ScanRange } from '../hash/index.js';

export type ScanPart = { nonces: number[]; hashes: number };
export type RunScanPart = (range: ScanRange, workerIndex: number) => Promise<ScanPart>;

export async function scanOverWorkers(range: ScanRange, workers: number, runPart: RunScanPart): Promise<ScanPart> {
  const parts = splitRange(range, workers);
  const answers = await Promise.all(parts.map((part, i) => runPart(part, i)));
  // Parts are contiguous and ascending, so concatenation in part order is the single-worker order.
  return {
    nonces: answers.flatMap((a) => a.nonces),
    hashes: answers.reduce((sum, a) => sum + a.hashes, 0),
  };
}
