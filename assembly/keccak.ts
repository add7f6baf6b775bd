// Keccak-f[1600] and the original Keccak sponge (pad10*1, first byte 0x01, as Ethereum uses) after the
// Keccak reference (keccak.team/keccak_specs_summary.html); the permutation is FIPS 202 §3.2-3.4.
import { IO } from './io';

// Iota round constants RC[0..23].
const RC: usize = memory.data<u64>([
  0x0000000000000001, 0x0000000000008082, 0x800000000000808a, 0x8000000080008000,
  0x000000000000808b, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
  0x000000000000008a, 0x0000000000000088, 0x0000000080008009, 0x000000008000000a,
  0x000000008000808b, 0x800000000000008b, 0x8000000000008089, 0x8000000000008003,
  0x8000000000008002, 0x8000000000000080, 0x000000000000800a, 0x800000008000000a,
  0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
]);

const ROUNDS: u32 = 24;
const STATE_BYTES: u32 = 200;
const KECCAK256_RATE_BYTES: u32 = 136;
const KECCAK512_RATE_BYTES: u32 = 72;
const KECCAK256_RATE_LANES: u32 = KECCAK256_RATE_BYTES / 8;
const KECCAK512_RATE_LANES: u32 = KECCAK512_RATE_BYTES / 8;
// The closing bit of pad10*1 sits in the last byte of the rate block: the top byte of its little-endian lane.
const PAD_LAST_BIT: u64 = 0x8000000000000000;
// Keccak's domain/first padding bit (SHA-3 would use 0x06).
const PAD_FIRST_BIT: u64 = 0x01;

// The 5x5 state of 64-bit lanes, lane (x, y) at byte offset 8 * (x + 5 * y).
const KECCAK_STATE: usize = memory.data(<i32>STATE_BYTES, 16);
// One rate block of the message tail plus padding, so the sponge never reads past the input.
const PAD_BLOCK: usize = memory.data(<i32>KECCAK256_RATE_BYTES, 16);

// Keccak-f[1600] on KECCAK_STATE. The lanes live in locals for all 24 rounds; each round is theta, rho (rho
// offsets by lane x + 5y: 0 1 62 28 27 / 36 44 6 55 20 / 3 10 43 25 39 / 41 45 15 21 8 / 18 2 61 56 14) fused
// with pi (lane (x, y) moves to (y, 2x + 3y)), chi and iota, all written out so no lane index is computed.
// Exported for ethash.ts; not part of the facade ABI.
export function keccakF1600(): void {
  let a0 = load<u64>(KECCAK_STATE, 0);
  let a1 = load<u64>(KECCAK_STATE, 8);
  let a2 = load<u64>(KECCAK_STATE, 16);
  let a3 = load<u64>(KECCAK_STATE, 24);
  let a4 = load<u64>(KECCAK_STATE, 32);
  let a5 = load<u64>(KECCAK_STATE, 40);
  let a6 = load<u64>(KECCAK_STATE, 48);
  let a7 = load<u64>(KECCAK_STATE, 56);
  let a8 = load<u64>(KECCAK_STATE, 64);
  let a9 = load<u64>(KECCAK_STATE, 72);
  let a10 = load<u64>(KECCAK_STATE, 80);
  let a11 = load<u64>(KECCAK_STATE, 88);
  let a12 = load<u64>(KECCAK_STATE, 96);
  let a13 = load<u64>(KECCAK_STATE, 104);
  let a14 = load<u64>(KECCAK_STATE, 112);
  let a15 = load<u64>(KECCAK_STATE, 120);
  let a16 = load<u64>(KECCAK_STATE, 128);
  let a17 = load<u64>(KECCAK_STATE, 136);
  let a18 = load<u64>(KECCAK_STATE, 144);
  let a19 = load<u64>(KECCAK_STATE, 152);
  let a20 = load<u64>(KECCAK_STATE, 160);
  let a21 = load<u64>(KECCAK_STATE, 168);
  let a22 = load<u64>(KECCAK_STATE, 176);
  let a23 = load<u64>(KECCAK_STATE, 184);
  let a24 = load<u64>(KECCAK_STATE, 192);
  for (let round: u32 = 0; round < ROUNDS; round++) {
      const c0 = a0 ^ a5 ^ a10 ^ a15 ^ a20;
      const c1 = a1 ^ a6 ^ a11 ^ a16 ^ a21;
      const c2 = a2 ^ a7 ^ a12 ^ a17 ^ a22;
      const c3 = a3 ^ a8 ^ a13 ^ a18 ^ a23;
      const c4 = a4 ^ a9 ^ a14 ^ a19 ^ a24;
      const d0 = c4 ^ rotl<u64>(c1, 1);
      const d1 = c0 ^ rotl<u64>(c2, 1);
      const d2 = c1 ^ rotl<u64>(c3, 1);
      const d3 = c2 ^ rotl<u64>(c4, 1);
      const d4 = c3 ^ rotl<u64>(c0, 1);
      const b0 = a0 ^ d0;
      const b1 = rotl<u64>(a6 ^ d1, 44);
      const b2 = rotl<u64>(a12 ^ d2, 43);
      const b3 = rotl<u64>(a18 ^ d3, 21);
      const b4 = rotl<u64>(a24 ^ d4, 14);
      const b5 = rotl<u64>(a3 ^ d3, 28);
      const b6 = rotl<u64>(a9 ^ d4, 20);
      const b7 = rotl<u64>(a10 ^ d0, 3);
      const b8 = rotl<u64>(a16 ^ d1, 45);
      const b9 = rotl<u64>(a22 ^ d2, 61);
      const b10 = rotl<u64>(a1 ^ d1, 1);
      const b11 = rotl<u64>(a7 ^ d2, 6);
      const b12 = rotl<u64>(a13 ^ d3, 25);
      const b13 = rotl<u64>(a19 ^ d4, 8);
      const b14 = rotl<u64>(a20 ^ d0, 18);
      const b15 = rotl<u64>(a4 ^ d4, 27);
      const b16 = rotl<u64>(a5 ^ d0, 36);
      const b17 = rotl<u64>(a11 ^ d1, 10);
      const b18 = rotl<u64>(a17 ^ d2, 15);
      const b19 = rotl<u64>(a23 ^ d3, 56);
      const b20 = rotl<u64>(a2 ^ d2, 62);
      const b21 = rotl<u64>(a8 ^ d3, 55);
      const b22 = rotl<u64>(a14 ^ d4, 39);
      const b23 = rotl<u64>(a15 ^ d0, 41);
      const b24 = rotl<u64>(a21 ^ d1, 2);
      a0 = b0 ^ (~b1 & b2);
      a1 = b1 ^ (~b2 & b3);
      a2 = b2 ^ (~b3 & b4);
      a3 = b3 ^ (~b4 & b0);
      a4 = b4 ^ (~b0 & b1);
      a5 = b5 ^ (~b6 & b7);
      a6 = b6 ^ (~b7 & b8);
      a7 = b7 ^ (~b8 & b9);
      a8 = b8 ^ (~b9 & b5);
      a9 = b9 ^ (~b5 & b6);
      a10 = b10 ^ (~b11 & b12);
      a11 = b11 ^ (~b12 & b13);
      a12 = b12 ^ (~b13 & b14);
      a13 = b13 ^ (~b14 & b10);
      a14 = b14 ^ (~b10 & b11);
      a15 = b15 ^ (~b16 & b17);
      a16 = b16 ^ (~b17 & b18);
      a17 = b17 ^ (~b18 & b19);
      a18 = b18 ^ (~b19 & b15);
      a19 = b19 ^ (~b15 & b16);
      a20 = b20 ^ (~b21 & b22);
      a21 = b21 ^ (~b22 & b23);
      a22 = b22 ^ (~b23 & b24);
      a23 = b23 ^ (~b24 & b20);
      a24 = b24 ^ (~b20 & b21);
    a0 ^= load<u64>(RC + (<usize>round << 3));
  }
  store<u64>(KECCAK_STATE, a0, 0);
  store<u64>(KECCAK_STATE, a1, 8);
  store<u64>(KECCAK_STATE, a2, 16);
  store<u64>(KECCAK_STATE, a3, 24);
  store<u64>(KECCAK_STATE, a4, 32);
  store<u64>(KECCAK_STATE, a5, 40);
  store<u64>(KECCAK_STATE, a6, 48);
  store<u64>(KECCAK_STATE, a7, 56);
  store<u64>(KECCAK_STATE, a8, 64);
  store<u64>(KECCAK_STATE, a9, 72);
  store<u64>(KECCAK_STATE, a10, 80);
  store<u64>(KECCAK_STATE, a11, 88);
  store<u64>(KECCAK_STATE, a12, 96);
  store<u64>(KECCAK_STATE, a13, 104);
  store<u64>(KECCAK_STATE, a14, 112);
  store<u64>(KECCAK_STATE, a15, 120);
  store<u64>(KECCAK_STATE, a16, 128);
  store<u64>(KECCAK_STATE, a17, 136);
  store<u64>(KECCAK_STATE, a18, 144);
  store<u64>(KECCAK_STATE, a19, 152);
  store<u64>(KECCAK_STATE, a20, 160);
  store<u64>(KECCAK_STATE, a21, 168);
  store<u64>(KECCAK_STATE, a22, 176);
  store<u64>(KECCAK_STATE, a23, 184);
  store<u64>(KECCAK_STATE, a24, 192);
}

// Absorbs whole 8-byte lanes from srcPtr into a fresh state, pads and permutes once: every fixed
// input shorter than the rate (ethash's 32, 40, 64 and 96 bytes) is a single block. Plain loads and
// stores: memory.copy/fill cost a runtime call in V8, more than these few lanes.
// @ts-ignore: decorator
@inline function absorbSingleBlock(srcPtr: usize, inputLanes: u32, rateLanes: u32): void {
  const zero = i64x2.splat(0);
  for (let offsetBytes: usize = 0; offsetBytes < STATE_BYTES - 8; offsetBytes += 16) {
    v128.store(KECCAK_STATE + offsetBytes, zero);
  }
  store<u64>(KECCAK_STATE, 0, STATE_BYTES - 8);
  for (let lane: u32 = 0; lane < inputLanes; lane++) {
    store<u64>(KECCAK_STATE + (<usize>lane << 3), load<u64>(srcPtr + (<usize>lane << 3)));
  }
  const firstPtr = KECCAK_STATE + (<usize>inputLanes << 3);
  store<u64>(firstPtr, load<u64>(firstPtr) ^ PAD_FIRST_BIT);
  const lastPtr = KECCAK_STATE + (<usize>(rateLanes - 1) << 3);
  store<u64>(lastPtr, load<u64>(lastPtr) ^ PAD_LAST_BIT);
  keccakF1600();
}

// Copies the first digestBytes (a multiple of 16) of the state to dstPtr.
// @ts-ignore: decorator
@inline function squeeze(dstPtr: usize, digestBytes: usize): void {
  for (let offsetBytes: usize = 0; offsetBytes < digestBytes; offsetBytes += 16) {
    v128.store(dstPtr + offsetBytes, v128.load(KECCAK_STATE + offsetBytes));
  }
}

// Keccak-512 of the 64 bytes at srcPtr into the 64 bytes at dstPtr (may alias srcPtr).
// Exported for ethash.ts; not part of the facade ABI.
export function keccak512Of64(srcPtr: usize, dstPtr: usize): void {
  absorbSingleBlock(srcPtr, 8, KECCAK512_RATE_LANES);
  squeeze(dstPtr, 64);
}

// Keccak-512 of the 40 bytes at srcPtr (header hash + nonce) into 64 bytes at dstPtr.
// Exported for ethash.ts; not part of the facade ABI.
export function keccak512Of40(srcPtr: usize, dstPtr: usize): void {
  absorbSingleBlock(srcPtr, 5, KECCAK512_RATE_LANES);
  squeeze(dstPtr, 64);
}

// Keccak-512 of the 32 bytes at srcPtr (the epoch seed) into 64 bytes at dstPtr.
// Exported for ethash.ts; not part of the facade ABI.
export function keccak512Of32(srcPtr: usize, dstPtr: usize): void {
  absorbSingleBlock(srcPtr, 4, KECCAK512_RATE_LANES);
  squeeze(dstPtr, 64);
}

// Keccak-256 of the 96 bytes at srcPtr (seed hash + compressed mix) into 32 bytes at dstPtr.
// Exported for ethash.ts; not part of the facade ABI.
export function keccak256Of96(srcPtr: usize, dstPtr: usize): void {
  absorbSingleBlock(srcPtr, 12, KECCAK256_RATE_LANES);
  squeeze(dstPtr, 32);
}

// The sponge over IO[0..lengthBytes): full rate blocks straight from IO, then the tail copied into
// PAD_BLOCK with its padding; the digest (shorter than the rate) is squeezed from the first lanes.
function sponge(lengthBytes: u32, rateBytes: u32, digestBytes: u32): void {
  memory.fill(KECCAK_STATE, 0, STATE_BYTES);
  const rateLanes = rateBytes >>> 3;
  let blockPtr = IO;
  let remainingBytes = lengthBytes;
  while (remainingBytes >= rateBytes) {
    xorBlock(blockPtr, rateLanes);
    keccakF1600();
    blockPtr += rateBytes;
    remainingBytes -= rateBytes;
  }
  memory.fill(PAD_BLOCK, 0, rateBytes);
  memory.copy(PAD_BLOCK, blockPtr, remainingBytes);
  store<u8>(PAD_BLOCK + remainingBytes, <u8>PAD_FIRST_BIT);
  const lastBytePtr = PAD_BLOCK + rateBytes - 1;
  store<u8>(lastBytePtr, load<u8>(lastBytePtr) | 0x80);
  xorBlock(PAD_BLOCK, rateLanes);
  keccakF1600();
  memory.copy(IO, KECCAK_STATE, digestBytes);
}

// @ts-ignore: decorator
@inline function xorBlock(blockPtr: usize, rateLanes: u32): void {
  for (let lane: u32 = 0; lane < rateLanes; lane++) {
    const offsetBytes = <usize>lane << 3;
    const statePtr = KECCAK_STATE + offsetBytes;
    store<u64>(statePtr, load<u64>(statePtr) ^ load<u64>(blockPtr + offsetBytes));
  }
}

// Keccak-256 of IO[0..lengthBytes) (lengthBytes <= IO_BYTES); the 32-byte digest goes to IO[0..32).
export function keccak256(lengthBytes: u32): void {
  sponge(lengthBytes, KECCAK256_RATE_BYTES, 32);
}

// Keccak-512 of IO[0..lengthBytes) (lengthBytes <= IO_BYTES); the 64-byte digest goes to IO[0..64).
export function keccak512(lengthBytes: u32): void {
  sponge(lengthBytes, KECCAK512_RATE_BYTES, 64);
}
