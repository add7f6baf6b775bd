// sha256d nonce-scan throughput: the WASM core's SIMD and scalar scans against node:crypto,
// hash-wasm and @noble/hashes hashing the same 80-byte header nonce by nonce, plus worker scaling.
import { createHash, hash as cryptoHash, randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { createSHA256 } from 'hash-wasm';
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { createHashCore, scan } from '../src/hash/index.js';
import { jsSha256d } from '../src/hash/js-sha256d.js';
import { scanOnThreads } from '../src/worker/node-scan-threads.js';
import { rateOf, rateOfAsync, withRatios, type Row } from './measure.js';

const SECTION = 'sha256d scan, one thread (hashes/s)';
const BASELINE = 'node:crypto createHash ×2';
/** An impossible target: every nonce is hashed and rejected, as in real mining. */
const ZERO_TARGET = new Uint8Array(32);

let resultSink = 0;

type Contender = { name: string; batch: (nonces: number) => void; note?: string };

function perNonce(header: Buffer, hashOnce: (h: Buffer) => Uint8Array): (nonces: number) => void {
  let nonce = 0;
  return (nonces) => {
    for (let i = 0; i < nonces; i++) {
      header.writeUInt32LE(nonce++ >>> 0, 76);
      resultSink ^= hashOnce(header)[31]; // a used result: no engine may skip the hashing
    }
  };
}

export async function benchSha256d(quick: boolean): Promise<Row[]> {
  const core = await createHashCore();
  const header = randomBytes(80);
  const minSeconds = quick ? 0.3 : 1.5;
  const hashWasm = await createSHA256();
  let start = 0;
  const contenders: Contender[] = [
    { name: 'WASM core, SIMD 4-way midstate scan', batch: (n) => { scan(core, header, ZERO_TARGET, { start, count: n }); start = (start + n) % 2 ** 31; } },
    { name: 'WASM core, scalar midstate scan', batch: (n) => { scan(core, header, ZERO_TARGET, { start, count: n }, { simd: false }); start = (start + n) % 2 ** 31; } },
    { name: BASELINE, batch: perNonce(Buffer.from(header), (h) => createHash('sha256').update(createHash('sha256').update(h).digest()).digest()) },
    { name: 'node:crypto hash() ×2', batch: perNonce(Buffer.from(header), (h) => cryptoHash('sha256', cryptoHash('sha256', h, 'buffer'), 'buffer')) },
    {
      name: 'hash-wasm sha256 ×2',
      batch: perNonce(Buffer.from(header), (h) => {
        hashWasm.init().update(h);
        const first = hashWasm.digest('binary');
        return hashWasm.init().update(first).digest('binary');
      }),
    },
    { name: '@noble/hashes sha256 ×2', batch: perNonce(Buffer.from(header), (h) => nobleSha256(nobleSha256(h))) },
    // The browser benchmark page's baseline, so its ratios can be read against node's.
    { name: 'plain JavaScript sha256d', batch: perNonce(Buffer.from(header), jsSha256d) },
  ];
  const rows: Row[] = contenders.map((c) => {
    const wasm = c.name.startsWith('WASM');
    const batchNonces = wasm ? 1 << 20 : 1 << 14;
    return { section: SECTION, name: c.name, unit: 'H/s', rate: rateOf(() => c.batch(batchNonces), batchNonces, minSeconds) };
  });
  return withRatios(rows, BASELINE);
}

export async function benchScanScaling(quick: boolean): Promise<Row[]> {
  const header = randomBytes(80);
  const cores = availableParallelism();
  const counts = [...new Set([1, 2, cores].filter((w) => w <= Math.max(2, cores)))].sort((a, b) => a - b);
  const nonces = quick ? 1 << 23 : 1 << 26;
  const rows: Row[] = [];
  for (const workers of counts) {
    const rate = await rateOfAsync(async () => {
      await scanOnThreads(header, ZERO_TARGET, { start: 2 ** 31, count: nonces }, { workers });
    }, nonces, quick ? 0.5 : 2);
    rows.push({ section: `sha256d scan over worker_threads (${cores} cores, thread start included)`, name: `${workers} worker(s)`, unit: 'H/s', rate });
  }
  return withRatios(rows, '1 worker(s)');
}
