// A plain scan on node:crypto, the reference the WASM scan must equal nonce for nonce.
import { createHash } from 'node:crypto';

function sha256d(data: Uint8Array): Buffer {
  return createHash('sha256').update(createHash('sha256').update(data).digest()).digest();
}

/** True when the digest read little-endian is ≤ the big-endian target. */
export function meetsTarget(digest: Uint8Array, targetBigEndian: Uint8Array): boolean {
  for (let i = 0; i < 32; i++) {
    const d = digest[31 - i];
    const t = targetBigEndian[i];
    if (d !== t) return d < t;
  }
  return true;
}

export function referenceScan(header: Uint8Array, target: Uint8Array, start: number, count: number): number[] {
  const work = Buffer.from(header);
  const found: number[] = [];
  for (let i = 0; i < count; i++) {
    const nonce = start + i;
    work.writeUInt32LE(nonce, 76);
    if (meetsTarget(sha256d(work), target)) found.push(nonce);
  }
  return found;
}
