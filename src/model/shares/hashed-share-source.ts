// Hashed resolution: shares found by real SHA-256d nonce scans at a tiny target, proving the Poisson
// model against the hash function itself (DESIGN.md "Resolution is a choice"). The model owns only
// the ShareHasher interface; the composition root wires it to the WASM scan (src/hash scan.ts).
import type { RandomStream } from '../../engine/index.js';
import { shown } from './_check.js';
import { expectedShares } from './share-math.js';
import { checkWorkerKey, type ShareSource } from './share-source.js';

export const HEADER_BYTES = 80;
export const TARGET_BYTES = 32;
export const NONCE_SPACE = 4294967296;
export const DEFAULT_TINY_TARGET_BITS = 6;
const NONCE_OFFSET = 76;
/** First 4 bytes of the merkle root: rolling them stands in for a miner's extranonce roll. */
const EXTRANONCE_OFFSET = 36;
/** Worker-key fingerprint goes into prev-block-hash bytes, so two workers never share a header. */
const KEY_OFFSET = 4;
const MAX_TINY_TARGET_BITS = 32;

export interface ShareHasher {
  /**
   * How many nonces in [startNonce, startNonce + nonceCount) make sha256d(header with the nonce at
   * bytes 76..79, little-endian), read as a little-endian 256-bit number, ≤ target (32 bytes,
   * big-endian). startNonce + nonceCount ≤ 2^32.
   */
  countMeeting(header: Uint8Array, target: Uint8Array, startNonce: number, nonceCount: number): number;
}

export interface HashedShareOptions {
  /** Success probability per hash q = 2^-bits; default 6 (1 share per 64 hashes). 1 … 32. */
  tinyTargetBits?: number;
}

export interface HashedShareSource extends ShareSource {
  readonly tinyTargetBits: number;
  /** sha256d evaluations asked of the hasher so far. */
  readonly hashesDone: number;
}

/** 2^(256 − bits) − 1 as 32 big-endian bytes: a uniform digest meets it with probability exactly 2^-bits. */
export function tinyTarget(bits: number): Uint8Array {
  if (!Number.isInteger(bits) || bits < 1 || bits > MAX_TINY_TARGET_BITS) {
    throw new RangeError(`tinyTargetBits must be an integer from 1 to ${MAX_TINY_TARGET_BITS}, got ${shown(bits)}`);
  }
  const target = new Uint8Array(TARGET_BYTES).fill(0xff);
  const zeroBytes = Math.floor(bits / 8);
  target.fill(0, 0, zeroBytes);
  target[zeroBytes] = 0xff >>> bits % 8;
  return target;
}

interface WorkerScan {
  header: Uint8Array;
  nextNonce: number;
  /** Fraction of a nonce owed from earlier intervals, so nonces scanned track Σ mean/q exactly. */
  carryNonces: number;
}

/**
 * A worker expecting `mean` shares scans m ≈ mean / q nonces, so its count is Binomial(m, q) ≈
 * Poisson(mean) with the same expectation. m is floor(mean/q + carry), the fraction carried to the
 * worker's next interval: no rounding bias even for means far below one share. Each worker keeps its
 * own 80-byte header (76 bytes drawn from its rng at first use, its key folded in) and nonce cursor;
 * when the cursor reaches 2^32 the header's extranonce is rolled and the cursor restarts at 0.
 */
export function hashedShareSource(hasher: ShareHasher, options: HashedShareOptions = {}): HashedShareSource {
  if (typeof hasher?.countMeeting !== 'function') throw new RangeError(`hasher must have a countMeeting method, got ${shown(hasher)}`);
  const tinyTargetBits = options.tinyTargetBits ?? DEFAULT_TINY_TARGET_BITS;
  const target = tinyTarget(tinyTargetBits);
  const noncesPerShare = 2 ** tinyTargetBits;
  const workers = new Map<string, WorkerScan>();
  let hashesDone = 0;

  function scan(worker: WorkerScan, nonceCount: number): number {
    let found = 0;
    let remaining = nonceCount;
    while (remaining > 0) {
      if (worker.nextNonce === NONCE_SPACE) rollExtranonce(worker);
      const take = Math.min(remaining, NONCE_SPACE - worker.nextNonce);
      const meeting = hasher.countMeeting(worker.header, target, worker.nextNonce, take);
      if (!Number.isInteger(meeting) || meeting < 0 || meeting > take) {
        throw new RangeError(`hasher.countMeeting must return a whole number from 0 to ${take}, got ${shown(meeting)}`);
      }
      found += meeting;
      worker.nextNonce += take;
      remaining -= take;
      hashesDone += take;
    }
    return found;
  }

  return {
    tinyTargetBits,
    get hashesDone() {
      return hashesDone;
    },
    sharesIn(workerKey: string, hashrateHs: number, shareDifficulty: number, intervalUs: number, rng: RandomStream): number {
      checkWorkerKey(workerKey);
      const mean = expectedShares(hashrateHs, shareDifficulty, intervalUs);
      let worker = workers.get(workerKey);
      if (worker === undefined) {
        worker = { header: drawHeader(workerKey, rng), nextNonce: 0, carryNonces: 0 };
        workers.set(workerKey, worker);
      }
      const owed = mean * noncesPerShare + worker.carryNonces;
      const nonceCount = Math.floor(owed);
      if (!Number.isSafeInteger(nonceCount)) throw new RangeError(`expected shares × 2^${tinyTargetBits} must be a safe integer of nonces, got ${shown(owed)}`);
      worker.carryNonces = owed - nonceCount;
      return scan(worker, nonceCount);
    },
  };
}

function drawHeader(workerKey: string, rng: RandomStream): Uint8Array {
  const header = new Uint8Array(HEADER_BYTES);
  const view = new DataView(header.buffer);
  for (let offset = 0; offset < NONCE_OFFSET; offset += 4) view.setUint32(offset, rng.uniformInt(0, NONCE_SPACE), true);
  view.setUint32(KEY_OFFSET, (view.getUint32(KEY_OFFSET, true) ^ fnv1a32(workerKey)) >>> 0, true);
  return header;
}

function rollExtranonce(worker: WorkerScan): void {
  const view = new DataView(worker.header.buffer, worker.header.byteOffset, HEADER_BYTES);
  view.setUint32(EXTRANONCE_OFFSET, (view.getUint32(EXTRANONCE_OFFSET, true) + 1) >>> 0, true);
  worker.nextNonce = 0;
}

/** FNV-1a, 32-bit, over the key's UTF-16 code units: a cheap, stable fingerprint (not security). */
function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
