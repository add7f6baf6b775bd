// Ethash (revision 23) over the WASM core: epoch sizes, seed, cache, dataset items, hashimoto light
// and full, and the boundary check. Nonces are printed big-endian (as Ethereum clients do) and fed
// to keccak512 little-endian by the core.
import type { HashCore } from './core.js';
import { HashInputError, shown } from './errors.js';
import { bytesToHex, hexToBytes } from './hex.js';

export const EPOCH_LENGTH = 30000;
export const HASH_BYTES = 64;
export const MIX_BYTES = 128;
/** wasm32 addresses at most 4 GiB, and the core also holds its cache: full mode stops below that. */
export const MAX_FULL_DATASET_BYTES = 2 ** 32 - 2 ** 28;
const TWO_256 = 1n << 256n;

export type EthashOutcome = { mixDigest: Uint8Array; result: Uint8Array };
export type EthashSizes = { epoch: number; cacheBytes: number; datasetBytes: number };

export function epochOf(blockNumber: number): number {
  if (!Number.isSafeInteger(blockNumber) || blockNumber < 0) {
    throw new HashInputError('block', `must be a whole number ≥ 0, got ${shown(blockNumber)}`);
  }
  return Math.floor(blockNumber / EPOCH_LENGTH);
}

/** A 16-hex-digit nonce as printed (big-endian) → unsigned 64-bit value. */
export function parseEthashNonce(hex: string): bigint {
  const bytes = hexToBytes(hex, 'nonce', 8);
  let value = 0n;
  for (const b of bytes) value = (value << 8n) | BigInt(b);
  return value;
}

export function formatEthashNonce(nonce: bigint): string {
  return nonce.toString(16).padStart(16, '0');
}

function checkNonce(nonce: bigint): void {
  if (typeof nonce !== 'bigint' || nonce < 0n || nonce >= 1n << 64n) {
    throw new HashInputError('nonce', `must be an unsigned 64-bit bigint, got ${shown(nonce)}`);
  }
}

/** A result meets the boundary when, read big-endian, it is ≤ 2^256 / difficulty. */
export function meetsBoundary(result: Uint8Array, difficulty: bigint): boolean {
  if (difficulty <= 0n) throw new HashInputError('difficulty', `must be > 0, got ${difficulty}`);
  return BigInt(`0x${bytesToHex(result)}`) <= TWO_256 / difficulty;
}

/**
 * Ethash bound to one core instance. The core keeps one cache (and optionally one dataset); preparing
 * the same epoch twice reuses it.
 */
export class Ethash {
  private readonly core: HashCore;
  private prepared: { key: string; cacheBytes: number; datasetBytes: number } | undefined;
  private datasetBuiltBytes = 0;

  constructor(core: HashCore) {
    this.core = core;
  }

  sizes(epoch: number): EthashSizes {
    if (!Number.isInteger(epoch) || epoch < 0 || epoch > 0xffff) {
      throw new HashInputError('epoch', `must be a whole number from 0 to 65535, got ${shown(epoch)}`);
    }
    return { epoch, cacheBytes: this.core.exports.ethashCacheBytes(epoch), datasetBytes: this.core.exports.ethashDatasetBytes(epoch) };
  }

  seedHash(epoch: number): Uint8Array {
    this.sizes(epoch);
    this.core.exports.ethashSeed(epoch);
    return this.core.readIo(32);
  }

  /** Builds the cache of a real epoch (about 0.4 s at epoch 0); a no-op when it is already built. */
  prepareEpoch(epoch: number): EthashSizes {
    const sizes = this.sizes(epoch);
    this.prepareCustom(sizes.cacheBytes, sizes.datasetBytes, this.seedHash(epoch));
    return sizes;
  }

  /** Tiny custom sizes for tests and the simulator: cacheBytes a multiple of 64, datasetBytes of 128. */
  prepareCustom(cacheBytes: number, datasetBytes: number, seed: Uint8Array): void {
    if (!Number.isInteger(cacheBytes) || cacheBytes < HASH_BYTES || cacheBytes % HASH_BYTES !== 0 || cacheBytes > 2 ** 31) {
      throw new HashInputError('cacheBytes', `must be a positive multiple of 64 up to 2^31, got ${shown(cacheBytes)}`);
    }
    if (!Number.isSafeInteger(datasetBytes) || datasetBytes < MIX_BYTES || datasetBytes % MIX_BYTES !== 0) {
      throw new HashInputError('datasetBytes', `must be a positive multiple of 128, got ${shown(datasetBytes)}`);
    }
    if (!(seed instanceof Uint8Array) || seed.length !== 32) throw new HashInputError('seed', 'must be 32 bytes');
    const key = `${cacheBytes}/${datasetBytes}/${bytesToHex(seed)}`;
    if (this.prepared?.key === key) return;
    this.core.writeIo(seed);
    this.core.exports.ethashBuildCache(cacheBytes);
    this.prepared = { key, cacheBytes, datasetBytes };
    this.datasetBuiltBytes = 0;
  }

  private requirePrepared(): { cacheBytes: number; datasetBytes: number } {
    if (!this.prepared) throw new Error('Ethash: call prepareEpoch or prepareCustom first');
    return this.prepared;
  }

  private hashWith(run: (datasetBytes: number, lo: number, hi: number) => void, headerHash: Uint8Array, nonce: bigint): EthashOutcome {
    const { datasetBytes } = this.requirePrepared();
    if (!(headerHash instanceof Uint8Array) || headerHash.length !== 32) {
      throw new HashInputError('header', `must be a 32-byte header hash, got ${headerHash instanceof Uint8Array ? headerHash.length : shown(headerHash)} bytes`);
    }
    checkNonce(nonce);
    this.core.writeIo(headerHash);
    run(datasetBytes, Number(nonce & 0xffffffffn), Number(nonce >> 32n));
    const out = this.core.readIo(64);
    return { mixDigest: out.slice(0, 32), result: out.slice(32, 64) };
  }

  /** Hashimoto light: dataset items computed from the cache on the fly. */
  light(headerHash: Uint8Array, nonce: bigint): EthashOutcome {
    return this.hashWith(this.core.exports.ethashLight, headerHash, nonce);
  }

  /** A copy of the current cache (for digests and cross-checks). */
  cacheBytesCopy(): Uint8Array {
    const { cacheBytes } = this.requirePrepared();
    return new Uint8Array(this.core.exports.memory.buffer, this.core.exports.ethashCachePtr(), cacheBytes).slice();
  }

  datasetItem(index: number): Uint8Array {
    const { datasetBytes } = this.requirePrepared();
    if (!Number.isInteger(index) || index < 0 || index >= datasetBytes / HASH_BYTES) {
      throw new HashInputError('index', `must be a dataset item index below ${datasetBytes / HASH_BYTES}, got ${shown(index)}`);
    }
    this.core.exports.ethashDatasetItem(index);
    return this.core.readIo(HASH_BYTES);
  }

  /** Builds the full dataset in the core's memory, in chunks so the caller can show progress. */
  buildDataset(onProgress?: (doneItems: number, totalItems: number) => void, chunkItems = 1 << 14): void {
    const { datasetBytes } = this.requirePrepared();
    if (datasetBytes > MAX_FULL_DATASET_BYTES) {
      throw new HashInputError('datasetBytes', `a ${datasetBytes}-byte dataset does not fit wasm32 memory; use light mode`);
    }
    if (this.datasetBuiltBytes === datasetBytes) return;
    const totalItems = datasetBytes / HASH_BYTES;
    for (let start = 0; start < totalItems; start += chunkItems) {
      const count = Math.min(chunkItems, totalItems - start);
      this.core.exports.ethashBuildDataset(datasetBytes, start, count);
      onProgress?.(start + count, totalItems);
    }
    this.datasetBuiltBytes = datasetBytes;
  }

  /** Hashimoto full: reads the dataset built by buildDataset. */
  full(headerHash: Uint8Array, nonce: bigint): EthashOutcome {
    if (this.datasetBuiltBytes === 0) throw new Error('Ethash: call buildDataset before full()');
    return this.hashWith(this.core.exports.ethashFull, headerHash, nonce);
  }
}
