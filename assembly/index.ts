// hashtwin WASM core — the entry file and the whole ABI: only what is listed here is exported.
// Inputs are written at ioPtr(), outputs read back from ioPtr(); numbers cross as u32 / f64.
// JS validates lengths and ranges (release builds drop asserts): see src/hash/.
import { IO, IO_BYTES } from './io';

export function ioPtr(): usize {
  return IO;
}

export function ioBytes(): u32 {
  return IO_BYTES;
}

export { sha256Init, sha256Update, sha256Final, sha256d } from './sha256';
export { scanScalar, scanSimd, scanResultsPtr, scanResultsCap, scanExamined } from './scan';
export { keccak256, keccak512 } from './keccak';
export {
  ethashCacheBytes,
  ethashDatasetBytes,
  ethashSeed,
  ethashBuildCache,
  ethashCachePtr,
  ethashLight,
  ethashDatasetItem,
  ethashBuildDataset,
  ethashFull,
} from './ethash';
