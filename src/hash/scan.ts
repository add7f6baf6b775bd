// Bitcoin nonce scan over the WASM core: every nonce in [start, start+count) whose sha256d(header),
// read as a little-endian 256-bit number, is ≤ the target. Nonces are unsigned 32-bit (≥ 2^31 included).
import type { HashCore } from './core.js';
import { HashInputError, shown } from './errors.js';
import { HEADER_BYTES } from './sha256.js';

export const NONCE_SPACE = 2 ** 32;
export const TARGET_BYTES = 32;
const TARGET_OFFSET_BYTES = HEADER_BYTES;
/** Nonces per call into the core: small enough for progress and cancel every few ms, big enough to amortise the call. */
const DEFAULT_CHUNK_NONCES = 1 << 18;

export type ScanRange = { start: number; count: number };

export type ScanOptions = {
  /** The 4-lane v128 path (default) or the scalar path; both return the same nonces. */
  simd?: boolean;
  chunkNonces?: number;
  /** Called after each chunk with nonces examined so far; return false to stop early. */
  onProgress?: (examinedNonces: number) => boolean | void;
};

export type ScanOutcome = {
  nonces: number[];
  /** sha256d evaluations done (the nonces examined). */
  hashes: number;
  /** False when onProgress stopped the scan before the end of the range. */
  complete: boolean;
};

/** Checks a nonce range: start in [0, 2^32), count ≥ 0, start + count ≤ 2^32. */
export function checkScanRange(start: unknown, count: unknown): ScanRange {
  if (typeof start !== 'number' || !Number.isInteger(start) || start < 0 || start >= NONCE_SPACE) {
    throw new HashInputError('start', `must be an integer nonce from 0 to 4294967295, got ${shown(start)}`);
  }
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
    throw new HashInputError('count', `must be a whole number ≥ 0, got ${shown(count)}`);
  }
  if (start + count > NONCE_SPACE) {
    throw new HashInputError('count', `start + count must be ≤ 2^32 (4294967296), got ${start} + ${count} = ${start + count}`);
  }
  return { start, count };
}

export function checkHeader(header: unknown): Uint8Array {
  if (!(header instanceof Uint8Array) || header.length !== HEADER_BYTES) {
    throw new HashInputError('header', `must be ${HEADER_BYTES} bytes, got ${header instanceof Uint8Array ? header.length : shown(header)}`);
  }
  return header;
}

export function checkTarget(target: unknown): Uint8Array {
  if (!(target instanceof Uint8Array) || target.length !== TARGET_BYTES) {
    throw new HashInputError('target', `must be ${TARGET_BYTES} bytes (big-endian), got ${target instanceof Uint8Array ? target.length : shown(target)}`);
  }
  return target;
}

export function scan(core: HashCore, header: Uint8Array, target: Uint8Array, range: ScanRange, options: ScanOptions = {}): ScanOutcome {
  checkHeader(header);
  checkTarget(target);
  const { start, count } = checkScanRange(range.start, range.count);
  const chunkNonces = options.chunkNonces ?? DEFAULT_CHUNK_NONCES;
  if (!Number.isInteger(chunkNonces) || chunkNonces < 1) {
    throw new HashInputError('chunkNonces', `must be a whole number ≥ 1, got ${shown(chunkNonces)}`);
  }
  const scanChunk = options.simd === false ? core.exports.scanScalar : core.exports.scanSimd;
  const nonces: number[] = [];
  core.writeIo(header);
  core.writeIo(target, TARGET_OFFSET_BYTES);
  let examined = 0;
  while (examined < count) {
    const callCount = Math.min(chunkNonces, count - examined);
    // `>>> 0` keeps nonces ≥ 2^31 unsigned on the way into the core.
    const found = scanChunk((start + examined) >>> 0, callCount);
    const done = core.exports.scanExamined();
    if (found > 0) {
      const view = new DataView(core.exports.memory.buffer, core.exports.scanResultsPtr(), found * 4);
      for (let i = 0; i < found; i++) nonces.push(view.getUint32(i * 4, true));
    }
    examined += done;
    if (options.onProgress?.(examined) === false && examined < count) {
      return { nonces, hashes: examined, complete: false };
    }
  }
  return { nonces, hashes: examined, complete: true };
}

/** Splits [start, start+count) into `parts` contiguous ranges, in order, none empty unless count is 0. */
export function splitRange(range: ScanRange, parts: number): ScanRange[] {
  if (!Number.isInteger(parts) || parts < 1) throw new HashInputError('workers', `must be a whole number ≥ 1, got ${shown(parts)}`);
  const used = Math.max(1, Math.min(parts, range.count));
  const base = Math.floor(range.count / used);
  const extra = range.count % used;
  const out: ScanRange[] = [];
  let next = range.start;
  for (let i = 0; i < used; i++) {
    const count = base + (i < extra ? 1 : 0);
    out.push({ start: next, count });
    next += count;
  }
  return out;
}
