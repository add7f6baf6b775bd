// worker_threads body for a split scan: loads its own core, scans its part, posts progress and the answer.
import { parentPort, workerData } from 'node:worker_threads';
import { createHashCore, scan, type ScanRange } from '../hash/index.js';

export type ScanThreadInput = { header: Uint8Array; target: Uint8Array; range: ScanRange; simd: boolean };
export type ScanThreadMessage =
  | { kind: 'progress'; examinedNonces: number }
  | { kind: 'done'; nonces: number[]; hashes: number }
  | { kind: 'failed'; message: string };

const input = workerData as ScanThreadInput;
const port = parentPort!;
try {
  const core = await createHashCore();
  const outcome = scan(core, input.header, input.target, input.range, {
    simd: input.simd,
    onProgress: (examinedNonces) => port.postMessage({ kind: 'progress', examinedNonces } satisfies ScanThreadMessage),
  });
  port.postMessage({ kind: 'done', nonces: outcome.nonces, hashes: outcome.hashes } satisfies ScanThreadMessage);
} catch (error) {
  port.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies ScanThreadMessage);
}
