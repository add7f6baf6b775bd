// `hashtwin scan`: every nonce in a range whose sha256d(header) ≤ target, over one or more workers.
import { availableParallelism } from 'node:os';
import { checkScanRange, hexToBytes, NONCE_SPACE } from '../../hash/index.js';
import { scanOnThreads } from '../../worker/node-scan-threads.js';
import { parseCommandArgs, parseWholeNumber, requireOption } from '../args.js';
import { createProgress } from '../progress.js';

const MAX_WORKERS = 256;

export async function scanCommand(argv: string[]): Promise<void> {
  const { values } = parseCommandArgs(argv, {
    header: { type: 'string' },
    target: { type: 'string' },
    start: { type: 'string' },
    count: { type: 'string' },
    workers: { type: 'string' },
    scalar: { type: 'boolean' },
    json: { type: 'boolean' },
  }, 0);
  const header = hexToBytes(requireOption(values.header, '--header'), '--header', 80);
  const target = hexToBytes(requireOption(values.target, '--target'), '--target', 32);
  const start = parseWholeNumber(values.start, '--start', 0, NONCE_SPACE - 1) ?? 0;
  const count = parseWholeNumber(values.count, '--count', 0, NONCE_SPACE) ?? NONCE_SPACE - start;
  const workers = parseWholeNumber(values.workers, '--workers', 1, MAX_WORKERS) ?? 1;
  const range = checkScanRange(start, count);

  const progress = createProgress(`scanning ${count} nonces on ${workers} worker(s)`);
  const startedMs = performance.now();
  const outcome = await scanOnThreads(header, target, range, {
    workers,
    simd: !values.scalar,
    onProgress: (examined) => progress.update(examined / Math.max(1, count), `${examined} nonces`),
  });
  progress.done();
  const seconds = (performance.now() - startedMs) / 1000;
  const hashesPerSecond = seconds > 0 ? outcome.hashes / seconds : 0;
  if (values.json) {
    console.log(JSON.stringify({
      nonces: outcome.nonces, hashes: outcome.hashes, seconds, hashesPerSecond,
      start, count, workers, simd: !values.scalar, cores: availableParallelism(),
    }));
    return;
  }
  const hex = (n: number) => `0x${n.toString(16).padStart(8, '0')}`;
  console.log(`found ${outcome.nonces.length} nonce(s) in [${start}, ${start + count})`);
  for (const nonce of outcome.nonces.slice(0, 20)) console.log(`  ${nonce} (${hex(nonce)})`);
  if (outcome.nonces.length > 20) console.log(`  … ${outcome.nonces.length - 20} more (use --json for all)`);
  console.log(`${outcome.hashes} hashes in ${seconds.toFixed(3)} s = ${(hashesPerSecond / 1e6).toFixed(2)} MH/s on ${workers} worker(s)`);
}
