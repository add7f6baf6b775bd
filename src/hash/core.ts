// Loads the one WASM core (embedded as base64 at build time) the same way in node, browsers and
// workers, and types its uniform ABI: inputs are written at ioPtr(), outputs read back from there.
import { WASM_BASE64 } from './wasm-module.generated.js';

export type CoreExports = {
  memory: WebAssembly.Memory;
  ioPtr(): number;
  ioBytes(): number;
  sha256Init(): void;
  sha256Update(len: number): void;
  sha256Final(): void;
  sha256d(len: number): void;
  scanScalar(start: number, count: number): number;
  scanSimd(start: number, count: number): number;
  scanResultsPtr(): number;
  scanResultsCap(): number;
  scanExamined(): number;
  keccak256(len: number): void;
  keccak512(len: number): void;
  ethashCacheBytes(epoch: number): number;
  ethashDatasetBytes(epoch: number): number;
  ethashSeed(epoch: number): void;
  ethashBuildCache(cacheBytes: number): void;
  ethashCachePtr(): number;
  ethashLight(datasetBytes: number, nonceLo: number, nonceHi: number): void;
  ethashDatasetItem(index: number): void;
  ethashBuildDataset(datasetBytes: number, startItem: number, itemCount: number): void;
  ethashFull(datasetBytes: number, nonceLo: number, nonceHi: number): void;
};

/** One instance of the core with helpers to move bytes through its I/O window. */
export class HashCore {
  readonly exports: CoreExports;
  readonly ioPtr: number;
  readonly ioBytes: number;

  constructor(exports: CoreExports) {
    this.exports = exports;
    this.ioPtr = exports.ioPtr();
    this.ioBytes = exports.ioBytes();
  }

  /** A fresh view each time: memory.grow (Ethash caches) detaches earlier views. */
  io(lengthBytes: number): Uint8Array {
    return new Uint8Array(this.exports.memory.buffer, this.ioPtr, lengthBytes);
  }

  writeIo(bytes: Uint8Array, offsetBytes = 0): void {
    this.io(offsetBytes + bytes.length).set(bytes, offsetBytes);
  }

  readIo(lengthBytes: number, offsetBytes = 0): Uint8Array {
    return this.io(offsetBytes + lengthBytes).slice(offsetBytes);
  }
}

let modulePromise: Promise<WebAssembly.Module> | undefined;

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function compiledModule(): Promise<WebAssembly.Module> {
  // Compiled once per realm and asynchronously: browsers refuse synchronous compiles of large modules
  // on the main thread.
  modulePromise ??= WebAssembly.compile(decodeBase64(WASM_BASE64) as Uint8Array<ArrayBuffer>);
  return modulePromise;
}

const imports = {
  env: {
    // Release builds keep the abort import; reaching it means a bug in the core, not bad input.
    abort(): never {
      throw new Error('hashtwin WASM core aborted');
    },
  },
};

/** A new, independent instance (its own memory: its own Ethash cache, its own scan buffers). */
export async function createHashCore(): Promise<HashCore> {
  const instance = await WebAssembly.instantiate(await compiledModule(), imports);
  return new HashCore(instance.exports as unknown as CoreExports);
}

let shared: Promise<HashCore> | undefined;

/** The realm's shared instance: hashing is synchronous, so one per thread is enough. */
export function loadHashCore(): Promise<HashCore> {
  shared ??= createHashCore();
  return shared;
}
