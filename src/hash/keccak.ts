// Keccak-256 / Keccak-512 with the original Keccak padding (0x01), as Ethereum uses — not SHA-3 (0x06).
import type { HashCore } from './core.js';
import { HashInputError, shown } from './errors.js';

function hashThroughIo(core: HashCore, data: Uint8Array, digestBytes: number, run: (len: number) => void): Uint8Array {
  if (!(data instanceof Uint8Array)) throw new HashInputError('data', `must be a Uint8Array, got ${shown(data)}`);
  if (data.length > core.ioBytes) {
    throw new HashInputError('data', `must be at most ${core.ioBytes} bytes for one-shot Keccak, got ${data.length}`);
  }
  core.writeIo(data);
  run(data.length);
  return core.readIo(digestBytes);
}

export function keccak256(core: HashCore, data: Uint8Array): Uint8Array {
  return hashThroughIo(core, data, 32, core.exports.keccak256);
}

export function keccak512(core: HashCore, data: Uint8Array): Uint8Array {
  return hashThroughIo(core, data, 64, core.exports.keccak512);
}
