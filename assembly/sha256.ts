// SHA-256 as specified in FIPS 180-4 (Secure Hash Standard, August 2015): §4.1.2 functions,
// §4.2.2 constants, §5.1.1 padding, §5.3.3 initial hash value, §6.2.2 hash computation.
import { IO } from './io';

/** §4.2.2: K{256}_0..63, the round constants. Exported for scan.ts; not part of the facade ABI. */
export const SHA256_K: usize = memory.data<u32>(
  [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
  ],
  16,
);

/** §5.3.3: H(0), the initial hash value. Exported for scan.ts; not part of the facade ABI. */
export const SHA256_H0: usize = memory.data<u32>(
  [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19],
  16,
);

const BLOCK_BYTES: u32 = 64;
const DIGEST_BYTES: u32 = 32;
/** §5.1.1: the message length is appended as a 64-bit big-endian bit count in the last 8 bytes. */
const LENGTH_FIELD_OFFSET: u32 = BLOCK_BYTES - 8;

// A hashing context is a static record: the 8-word chaining state H, a partial-block buffer,
// the number of bytes buffered and the total message length so far.
const CTX_STATE: usize = 0;
const CTX_BLOCK: usize = 32;
const CTX_BUFFERED_BYTES: usize = 96;
const CTX_TOTAL_BYTES: usize = 104;
const CTX_BYTES: i32 = 112;

/** The context behind sha256Init/Update/Final. */
const streamCtx: usize = memory.data(CTX_BYTES, 16);
/** sha256d has its own context so it can run between Update calls without disturbing a stream. */
const oneShotCtx: usize = memory.data(CTX_BYTES, 16);
/** The first digest of sha256d, which is the message of the second hash. */
const innerDigest: usize = memory.data(<i32>DIGEST_BYTES, 16);
/** §6.2.2 step 1: the message schedule W_0..63 of the block being compressed. */
const schedule: usize = memory.data(64 * 4, 16);

// §4.1.2 (4.4)–(4.7). Ch and Maj are written with one operation fewer than the spec's form.
function ch(x: u32, y: u32, z: u32): u32 {
  return z ^ (x & (y ^ z));
}

function maj(x: u32, y: u32, z: u32): u32 {
  return (x & y) | (z & (x | y));
}

function bigSigma0(x: u32): u32 {
  return rotr<u32>(x, 2) ^ rotr<u32>(x, 13) ^ rotr<u32>(x, 22);
}

function bigSigma1(x: u32): u32 {
  return rotr<u32>(x, 6) ^ rotr<u32>(x, 11) ^ rotr<u32>(x, 25);
}

function smallSigma0(x: u32): u32 {
  return rotr<u32>(x, 7) ^ rotr<u32>(x, 18) ^ (x >>> 3);
}

function smallSigma1(x: u32): u32 {
  return rotr<u32>(x, 17) ^ rotr<u32>(x, 19) ^ (x >>> 10);
}

/**
 * §6.2.2: compresses one 64-byte block at `blockPtr` (any alignment) into the 8-word state at
 * `statePtr` (words in native order). Exported for scan.ts; not part of the facade ABI.
 */
export function sha256Compress(statePtr: usize, blockPtr: usize): void {
  const w = schedule;
  // SHA-256 words are big-endian; wasm loads are little-endian.
  for (let t: usize = 0; t < 16; t++) {
    store<u32>(w + (t << 2), bswap<u32>(load<u32>(blockPtr + (t << 2))));
  }
  for (let t: usize = 16; t < 64; t++) {
    const p = w + (t << 2);
    store<u32>(
      p,
      smallSigma1(load<u32>(p - 2 * 4)) +
        load<u32>(p - 7 * 4) +
        smallSigma0(load<u32>(p - 15 * 4)) +
        load<u32>(p - 16 * 4),
    );
  }

  let a = load<u32>(statePtr, 0);
  let b = load<u32>(statePtr, 4);
  let c = load<u32>(statePtr, 8);
  let d = load<u32>(statePtr, 12);
  let e = load<u32>(statePtr, 16);
  let f = load<u32>(statePtr, 20);
  let g = load<u32>(statePtr, 24);
  let h = load<u32>(statePtr, 28);

  // Eight rounds per iteration with the register names rotated instead of the values moved:
  // each line adds T1 into the register that becomes the new `a`, adds T1 into the one that
  // becomes the new `e`, then adds T2 to finish the new `a`.
  let k = SHA256_K;
  let wt = w;
  for (let i = 0; i < 8; i++) {
    h += bigSigma1(e) + ch(e, f, g) + load<u32>(k, 0) + load<u32>(wt, 0);
    d += h;
    h += bigSigma0(a) + maj(a, b, c);
    g += bigSigma1(d) + ch(d, e, f) + load<u32>(k, 4) + load<u32>(wt, 4);
    c += g;
    g += bigSigma0(h) + maj(h, a, b);
    f += bigSigma1(c) + ch(c, d, e) + load<u32>(k, 8) + load<u32>(wt, 8);
    b += f;
    f += bigSigma0(g) + maj(g, h, a);
    e += bigSigma1(b) + ch(b, c, d) + load<u32>(k, 12) + load<u32>(wt, 12);
    a += e;
    e += bigSigma0(f) + maj(f, g, h);
    d += bigSigma1(a) + ch(a, b, c) + load<u32>(k, 16) + load<u32>(wt, 16);
    h += d;
    d += bigSigma0(e) + maj(e, f, g);
    c += bigSigma1(h) + ch(h, a, b) + load<u32>(k, 20) + load<u32>(wt, 20);
    g += c;
    c += bigSigma0(d) + maj(d, e, f);
    b += bigSigma1(g) + ch(g, h, a) + load<u32>(k, 24) + load<u32>(wt, 24);
    f += b;
    b += bigSigma0(c) + maj(c, d, e);
    a += bigSigma1(f) + ch(f, g, h) + load<u32>(k, 28) + load<u32>(wt, 28);
    e += a;
    a += bigSigma0(b) + maj(b, c, d);
    k += 32;
    wt += 32;
  }

  store<u32>(statePtr, load<u32>(statePtr, 0) + a, 0);
  store<u32>(statePtr, load<u32>(statePtr, 4) + b, 4);
  store<u32>(statePtr, load<u32>(statePtr, 8) + c, 8);
  store<u32>(statePtr, load<u32>(statePtr, 12) + d, 12);
  store<u32>(statePtr, load<u32>(statePtr, 16) + e, 16);
  store<u32>(statePtr, load<u32>(statePtr, 20) + f, 20);
  store<u32>(statePtr, load<u32>(statePtr, 24) + g, 24);
  store<u32>(statePtr, load<u32>(statePtr, 28) + h, 28);
}

function ctxInit(ctx: usize): void {
  memory.copy(ctx + CTX_STATE, SHA256_H0, 32);
  store<u32>(ctx + CTX_BUFFERED_BYTES, 0);
  store<u64>(ctx + CTX_TOTAL_BYTES, 0);
}

function ctxUpdate(ctx: usize, src: usize, len: u32): void {
  const state = ctx + CTX_STATE;
  const block = ctx + CTX_BLOCK;
  let buffered = load<u32>(ctx + CTX_BUFFERED_BYTES);
  let remaining = len;
  store<u64>(ctx + CTX_TOTAL_BYTES, load<u64>(ctx + CTX_TOTAL_BYTES) + <u64>len);

  if (buffered != 0) {
    const take = min(BLOCK_BYTES - buffered, remaining);
    memory.copy(block + buffered, src, take);
    buffered += take;
    src += take;
    remaining -= take;
    if (buffered == BLOCK_BYTES) {
      sha256Compress(state, block);
      buffered = 0;
    }
  }
  // Whole blocks are compressed straight from the source, without copying.
  while (remaining >= BLOCK_BYTES) {
    sha256Compress(state, src);
    src += BLOCK_BYTES;
    remaining -= BLOCK_BYTES;
  }
  if (remaining != 0) {
    memory.copy(block, src, remaining);
    buffered = remaining;
  }
  store<u32>(ctx + CTX_BUFFERED_BYTES, buffered);
}

/** §5.1.1 padding, then the digest (big-endian words) to `out`. */
function ctxFinal(ctx: usize, out: usize): void {
  const state = ctx + CTX_STATE;
  const block = ctx + CTX_BLOCK;
  let buffered = load<u32>(ctx + CTX_BUFFERED_BYTES);
  const messageBits = load<u64>(ctx + CTX_TOTAL_BYTES) << 3;

  store<u8>(block + buffered, 0x80);
  buffered++;
  if (buffered > LENGTH_FIELD_OFFSET) {
    memory.fill(block + buffered, 0, BLOCK_BYTES - buffered);
    sha256Compress(state, block);
    buffered = 0;
  }
  memory.fill(block + buffered, 0, LENGTH_FIELD_OFFSET - buffered);
  store<u64>(block + LENGTH_FIELD_OFFSET, bswap<u64>(messageBits));
  sha256Compress(state, block);

  for (let i: usize = 0; i < 8; i++) {
    store<u32>(out + (i << 2), bswap<u32>(load<u32>(state + (i << 2))));
  }
}

/** Starts a new streamed message. */
export function sha256Init(): void {
  ctxInit(streamCtx);
}

/** Absorbs IO[0..len), 0 ≤ len ≤ IO_BYTES; any number of calls with any chunk sizes. */
export function sha256Update(len: u32): void {
  ctxUpdate(streamCtx, IO, len);
}

/** Writes the 32-byte digest of the streamed message to IO[0..32), then starts a new message. */
export function sha256Final(): void {
  ctxFinal(streamCtx, IO);
  ctxInit(streamCtx);
}

/** IO[0..32) = SHA-256(SHA-256(IO[0..len))), 0 ≤ len ≤ IO_BYTES. Leaves a streamed message intact. */
export function sha256d(len: u32): void {
  ctxInit(oneShotCtx);
  ctxUpdate(oneShotCtx, IO, len);
  ctxFinal(oneShotCtx, innerDigest);
  ctxInit(oneShotCtx);
  ctxUpdate(oneShotCtx, innerDigest, DIGEST_BYTES);
  ctxFinal(oneShotCtx, IO);
}
