// SHA-256 / SHA-256d (FIPS 180-4) over the WASM core: any length, streamed through the I/O window.
import type { HashCore } from './core.js';
import { HashInputError, shown } from './errors.js';

export const SHA256_DIGEST_BYTES = 32;
export const HEADER_BYTES = 80;

function requireBytes(data: unknown, argument: string): Uint8Array {
  if (!(data instanceof Uint8Array)) throw new HashInputError(argument, `must be a Uint8Array, got ${shown(data)}`);
  return data;
}

/** Incremental SHA-256. The core holds one streaming state, so one stream per core at a time. */
export class Sha256Stream {
  private readonly core: HashCore;
  private finished = false;

  constructor(core: HashCore) {
    this.core = core;
    core.exports.sha256Init();
  }

  update(data: Uint8Array): this {
    requireBytes(data, 'data');
    if (this.finished) throw new Error('Sha256Stream.update called after digest()');
    const windowBytes = this.core.ioBytes;
    for (let offset = 0; offset < data.length; offset += windowBytes) {
      const chunk = data.subarray(offset, Math.min(data.length, offset + windowBytes));
      this.core.writeIo(chunk);
      this.core.exports.sha256Update(chunk.length);
    }
    return this;
  }

  digest(): Uint8Array {
    if (this.finished) throw new Error('Sha256Stream.digest called twice');
    this.finished = true;
    this.core.exports.sha256Final();
    return this.core.readIo(SHA256_DIGEST_BYTES);
  }
}

export function sha256(core: HashCore, data: Uint8Array): Uint8Array {
  return new Sha256Stream(core).update(data).digest();
}

export function sha256d(core: HashCore, data: Uint8Array): Uint8Array {
  requireBytes(data, 'data');
  if (data.length <= core.ioBytes) {
    core.writeIo(data);
    core.exports.sha256d(data.length);
    return core.readIo(SHA256_DIGEST_BYTES);
  }
  return sha256(core, sha256(core, data));
}

/** sha256d of an 80-byte Bitcoin block header, raw digest order (reverse it for display). */
export function headerHash(core: HashCore, header: Uint8Array): Uint8Array {
  requireBytes(header, 'header');
  if (header.length !== HEADER_BYTES) {
    throw new HashInputError('header', `must be ${HEADER_BYTES} bytes, got ${header.length}`);
  }
  return sha256d(core, header);
}
