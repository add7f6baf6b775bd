// The typed facade over the WASM core: one import for node, browsers and workers alike.
export { createHashCore, loadHashCore, HashCore } from './core.js';
export type { CoreExports } from './core.js';
export { HashInputError } from './errors.js';
export { bytesToHex, hexToBytes, reversed } from './hex.js';
export { Sha256Stream, sha256, sha256d, headerHash, HEADER_BYTES, SHA256_DIGEST_BYTES } from './sha256.js';
export { scan, splitRange, checkScanRange, checkHeader, checkTarget, NONCE_SPACE, TARGET_BYTES } from './scan.js';
export type { ScanOptions, ScanOutcome, ScanRange } from './scan.js';
export { keccak256, keccak512 } from './keccak.js';
export {
  Ethash, epochOf, parseEthashNonce, formatEthashNonce, meetsBoundary, EPOCH_LENGTH, MAX_FULL_DATASET_BYTES,
} from './ethash.js';
export type { EthashOutcome, EthashSizes } from './ethash.js';
