// A plain-JavaScript SHA-256 / sha256d (FIPS 180-4 §6.2), the baseline the in-browser benchmark
// measures the WASM core against. One block at a time, no midstate reuse, no SIMD: what a careful
// JS author writes without tricks, so the ratio shows what the WASM core buys.
import { HashInputError, shown } from './errors.js';

/** FIPS 180-4 §4.2.2: first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
const SHA256_K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** FIPS 180-4 §5.3.3: first 32 bits of the fractional parts of the square roots of the first 8 primes. */
const SHA256_IV = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

const BLOCK_BYTES = 64;
const DIGEST_BYTES = 32;

// Preallocated scratch: the message schedule is reused by every block (hashing allocates only its output).
const W = new Uint32Array(64);

const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));

/** §6.2.2: one 64-byte block at `offset` of `block` folded into the state H. */
function compress(H: Uint32Array, block: Uint8Array, offset: number): void {
  for (let t = 0; t < 16; t++) {
    const i = offset + 4 * t;
    W[t] = (block[i] << 24) | (block[i + 1] << 16) | (block[i + 2] << 8) | block[i + 3];
  }
  for (let t = 16; t < 64; t++) {
    const w15 = W[t - 15];
    const w2 = W[t - 2];
    const sigma0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3);
    const sigma1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10);
    W[t] = (W[t - 16] + sigma0 + W[t - 7] + sigma1) | 0;
  }
  let a = H[0], b = H[1], c = H[2], d = H[3], e = H[4], f = H[5], g = H[6], h = H[7];
  for (let t = 0; t < 64; t++) {
    const T1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + SHA256_K[t] + W[t]) | 0;
    const T2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + T1) | 0;
    d = c;
    c = b;
    b = a;
    a = (T1 + T2) | 0;
  }
  H[0] += a; H[1] += b; H[2] += c; H[3] += d; H[4] += e; H[5] += f; H[6] += g; H[7] += h;
}

/** SHA-256 of any message (§5.1.1 padding: 0x80, zeros, the bit length as 64 bits big-endian). */
export function jsSha256(message: Uint8Array): Uint8Array {
  if (!(message instanceof Uint8Array)) throw new HashInputError('message', `must be a Uint8Array, got ${shown(message)}`);
  const H = SHA256_IV.slice();
  const fullBlocks = Math.floor(message.length / BLOCK_BYTES);
  for (let i = 0; i < fullBlocks; i++) compress(H, message, i * BLOCK_BYTES);
  // The tail needs one block, or two when fewer than 9 bytes (0x80 and the length) remain free.
  const rest = message.length - fullBlocks * BLOCK_BYTES;
  const tail = new Uint8Array(rest + 9 <= BLOCK_BYTES ? BLOCK_BYTES : 2 * BLOCK_BYTES);
  tail.set(message.subarray(fullBlocks * BLOCK_BYTES));
  tail[rest] = 0x80;
  const view = new DataView(tail.buffer);
  // Bit length as 64 bits: messages here stay far below 2^53 bits, so two 32-bit halves suffice.
  const bits = message.length * 8;
  view.setUint32(tail.length - 8, Math.floor(bits / 2 ** 32));
  view.setUint32(tail.length - 4, bits >>> 0);
  for (let offset = 0; offset < tail.length; offset += BLOCK_BYTES) compress(H, tail, offset);
  const digest = new Uint8Array(DIGEST_BYTES);
  const out = new DataView(digest.buffer);
  for (let i = 0; i < 8; i++) out.setUint32(4 * i, H[i]);
  return digest;
}

/** sha256(sha256(message)): Bitcoin's header and transaction hash, raw digest order. */
export function jsSha256d(message: Uint8Array): Uint8Array {
  return jsSha256(jsSha256(message));
}
