// Bitcoin proof-of-work nonce scan: sha256d (FIPS 180-4 SHA-256, applied twice) of an 80-byte block
// header per nonce, with cpuminer's savings: midstate, nonce-independent work hoisted, early reject.
import { IO } from './io';
import { SHA256_H0, SHA256_K, sha256Compress } from './sha256';

const HEADER_BYTES: u32 = 80;
/** The header's nonce is a little-endian u32 at bytes 76..79, word 3 of the header's second block. */
const NONCE_OFFSET: u32 = 76;
/** The 256-bit target follows the header in IO as 32 big-endian bytes. */
const TARGET_OFFSET: u32 = HEADER_BYTES;
/** Bit lengths of the two sha256d messages, the last word of their padded final blocks. */
const HEADER_BITS: u32 = HEADER_BYTES * 8;
const DIGEST_BITS: u32 = 256;
/** The padding's leading 1 bit as a big-endian word. */
const PAD_WORD: u32 = 0x80000000;

const SCAN_RESULTS_CAP: u32 = 1024;
/** Nonces per v128; also the granularity of the early stop in both scans, so their outputs match. */
const GROUP_NONCES: u32 = 4;
/** A group may overshoot the cap by GROUP_NONCES - 1 matches. */
const results: usize = memory.data(<i32>((SCAN_RESULTS_CAP + GROUP_NONCES) * 4), 16);
let resultCount: u32 = 0;
let examinedNonces: u32 = 0;

// Per-call plan: everything that does not depend on the nonce, laid out in "slots" of one lane
// type T (u32 for the scalar scan, v128 = four copies for the SIMD scan). Indices are in slots.
const PLAN_BLOCK2_W: usize = 0; // message schedule W_0..63 of the header's second block
const PLAN_BLOCK2_KW: usize = 64; // K_t + W_t of that block, which is what the rounds consume
const PLAN_HASH2_W: usize = 128; // message schedule of the second hash (message: the first digest)
const PLAN_HASH2_KW: usize = 192;
const PLAN_STATE: usize = 256; // working variables a..h after roundsLoop
const PLAN_BLOCK2_ROUND4_IN: usize = 264; // a..h entering round 4, less the nonce term of a and e
const PLAN_MIDSTATE: usize = 272; // hash state after the header's first block
const PLAN_BLOCK2_W16: usize = 280;
const PLAN_BLOCK2_W18_BASE: usize = 281; // W_18 less σ0(W_3)
const PLAN_BLOCK2_W19_BASE: usize = 282; // W_19 less W_3
const PLAN_BLOCK2_W31_BASE: usize = 283; // W_31 less σ1(W_29) + W_24
const PLAN_BLOCK2_W32_BASE: usize = 284; // W_32 less σ1(W_30) + W_25
const PLAN_HASH2_ROUND1_IN: usize = 285; // a..h entering round 1 of hash 2, less W_0 in a and e
const PLAN_SLOTS: usize = 293;

const scalarPlan: usize = memory.data(<i32>(PLAN_SLOTS * 4), 16);
const vectorPlan: usize = memory.data(<i32>(PLAN_SLOTS * 16), 16);

// Candidate check: a full sha256d of the header with one nonce, by the streaming code's compressor.
const savedMidstate: usize = memory.data(32, 16);
const checkState: usize = memory.data(32, 16);
const checkBlock2: usize = memory.data(64, 16); // header bytes 64..79 and padding
const checkHash2Block: usize = memory.data(64, 16); // first digest and padding

function slot<T>(index: usize): usize {
  return (isVector<T>() ? vectorPlan : scalarPlan) + index * sizeof<T>();
}

// Lane-generic arithmetic: T is u32 (one nonce) or v128 (four nonces, one per i32x4 lane).

function splat<T>(x: u32): T {
  if (isVector<T>()) return changetype<T>(i32x4.splat(x));
  return changetype<T>(x);
}

function add<T>(x: T, y: T): T {
  if (isVector<T>()) return changetype<T>(i32x4.add(changetype<v128>(x), changetype<v128>(y)));
  return changetype<T>(changetype<u32>(x) + changetype<u32>(y));
}

function xor<T>(x: T, y: T): T {
  if (isVector<T>()) return changetype<T>(v128.xor(changetype<v128>(x), changetype<v128>(y)));
  return changetype<T>(changetype<u32>(x) ^ changetype<u32>(y));
}

function and<T>(x: T, y: T): T {
  if (isVector<T>()) return changetype<T>(v128.and(changetype<v128>(x), changetype<v128>(y)));
  return changetype<T>(changetype<u32>(x) & changetype<u32>(y));
}

function or<T>(x: T, y: T): T {
  if (isVector<T>()) return changetype<T>(v128.or(changetype<v128>(x), changetype<v128>(y)));
  return changetype<T>(changetype<u32>(x) | changetype<u32>(y));
}

function shr<T>(x: T, bits: i32): T {
  if (isVector<T>()) return changetype<T>(i32x4.shr_u(changetype<v128>(x), bits));
  return changetype<T>(changetype<u32>(x) >>> bits);
}

function shl<T>(x: T, bits: i32): T {
  if (isVector<T>()) return changetype<T>(i32x4.shl(changetype<v128>(x), bits));
  return changetype<T>(changetype<u32>(x) << bits);
}

/** i8x16.swizzle indices that reverse the bytes of each 32-bit lane. */
const BYTE_SWAP_WORDS: usize = memory.data<u8>(
  [3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12],
  16,
);

/** Big-endian word <-> wasm's little-endian load, per lane. */
function bswapWords<T>(x: T): T {
  if (isVector<T>()) {
    const v = changetype<v128>(x);
    return changetype<T>(i8x16.swizzle(v, v128.load(BYTE_SWAP_WORDS)));
  }
  return changetype<T>(bswap<u32>(changetype<u32>(x)));
}

/** K_t in every lane. */
function roundConstant<T>(t: usize): T {
  if (isVector<T>()) return changetype<T>(v128.load32_splat(SHA256_K + (t << 2)));
  return changetype<T>(load<u32>(SHA256_K + (t << 2)));
}

// FIPS 180-4 §4.1.2. Ch and Maj use one operation fewer than the spec's form.
//
// wasm SIMD has no lane rotate, so for v128 the Σ and σ functions are sums of shifts, grouped by
// direction: e.g. ROTR^6 ^ ROTR^11 ^ ROTR^25 = (x ^ x>>>5 ^ x>>>19)>>>6 ^ (x ^ x<<14 ^ x<<19)<<7.
// Same operation count as shift-pair rotates, but fewer live temporaries, so V8 spills less.

function ch<T>(x: T, y: T, z: T): T {
  return xor(z, and(x, xor(y, z)));
}

function maj<T>(x: T, y: T, z: T): T {
  return or(and(x, y), and(z, or(x, y)));
}

/** Maj(a, b, c) = b ^ ((a ^ b) & (b ^ c)); one round's a ^ b is the next round's b ^ c. */
function majFromXors<T>(b: T, aXorB: T, bXorC: T): T {
  return xor(b, and(aXorB, bXorC));
}

function bigSigma0<T>(x: T): T {
  if (isVector<T>()) {
    return xor(shr(xor(xor(x, shr(x, 11)), shr(x, 20)), 2), shl(xor(xor(x, shl(x, 9)), shl(x, 20)), 10));
  }
  const v = changetype<u32>(x);
  return changetype<T>(rotr<u32>(v, 2) ^ rotr<u32>(v, 13) ^ rotr<u32>(v, 22));
}

function bigSigma1<T>(x: T): T {
  if (isVector<T>()) {
    return xor(shr(xor(xor(x, shr(x, 5)), shr(x, 19)), 6), shl(xor(xor(x, shl(x, 14)), shl(x, 19)), 7));
  }
  const v = changetype<u32>(x);
  return changetype<T>(rotr<u32>(v, 6) ^ rotr<u32>(v, 11) ^ rotr<u32>(v, 25));
}

function smallSigma0<T>(x: T): T {
  if (isVector<T>()) return xor(shr(xor(xor(x, shr(x, 4)), shr(x, 15)), 3), shl(xor(x, shl(x, 11)), 14));
  const v = changetype<u32>(x);
  return changetype<T>(rotr<u32>(v, 7) ^ rotr<u32>(v, 18) ^ (v >>> 3));
}

function smallSigma1<T>(x: T): T {
  if (isVector<T>()) return xor(shr(xor(xor(x, shr(x, 7)), shr(x, 9)), 10), shl(xor(x, shl(x, 2)), 13));
  const v = changetype<u32>(x);
  return changetype<T>(rotr<u32>(v, 17) ^ rotr<u32>(v, 19) ^ (v >>> 10));
}

/**
 * T1 of a round. The e-dependent part comes first so that the wasm operand order does not make V8
 * load and add h + K_t + W_t of several rounds ahead, which only raises register pressure.
 */
function t1<T>(h: T, e: T, f: T, g: T, kw: T): T {
  return add(add(bigSigma1(e), ch(e, f, g)), add(h, kw));
}

function t2<T>(a: T, b: T, c: T): T {
  return add(bigSigma0(a), maj(a, b, c));
}

/**
 * W_t = σ1(W_t-2) + W_t-7 + σ0(W_t-15) + W_t-16 for t in [first, end), stored with K_t + W_t at
 * the same index of the KW array 64 slots further on.
 */
function expandSchedule<T>(w: usize, first: usize, end: usize): void {
  // p points at W_t-16 so every load has a non-negative immediate offset.
  let p = w + (first - 16) * sizeof<T>();
  for (let t = first; t < end; t++) {
    const wt = add(
      add(smallSigma1(load<T>(p, 14 * sizeof<T>())), load<T>(p, 9 * sizeof<T>())),
      add(smallSigma0(load<T>(p, 1 * sizeof<T>())), load<T>(p, 0)),
    );
    store<T>(p, wt, 16 * sizeof<T>());
    store<T>(p, add(wt, roundConstant<T>(t)), (64 + 16) * sizeof<T>());
    p += sizeof<T>();
  }
}

/** Stores W_t and K_t + W_t for a word computed outside expandSchedule. */
function storeWord<T>(w: usize, t: usize, wt: T): void {
  store<T>(w + t * sizeof<T>(), wt);
  store<T>(w + (64 + t) * sizeof<T>(), add(wt, roundConstant<T>(t)));
}

/**
 * 56 rounds from the working variables in slots `roundIn`, with `term` (the first varying message
 * word, whose round was otherwise precomputed) added to a and e; consumes K_t + W_t from `kw` and
 * leaves a..h in the PLAN_STATE slots. Eight rounds per iteration with the register names rotated
 * rather than the values moved: each line turns the register holding h into T1, adds it to d (the
 * new e), then adds T2 (the new a). V8 runs this rolled loop far better than straight-line rounds.
 */
function roundsLoop<T>(roundIn: usize, term: T, kw: usize): void {
  let a = add(load<T>(roundIn, 0 * sizeof<T>()), term);
  let b = load<T>(roundIn, 1 * sizeof<T>());
  let c = load<T>(roundIn, 2 * sizeof<T>());
  let d = load<T>(roundIn, 3 * sizeof<T>());
  let e = add(load<T>(roundIn, 4 * sizeof<T>()), term);
  let f = load<T>(roundIn, 5 * sizeof<T>());
  let g = load<T>(roundIn, 6 * sizeof<T>());
  let h = load<T>(roundIn, 7 * sizeof<T>());
  // p and q alternate as the a ^ b of the current round and the b ^ c it shares with the last.
  let q = xor(b, c);
  let p = q;
  for (let i = 0; i < 7; i++) {
    h = t1(h, e, f, g, load<T>(kw, 0 * sizeof<T>())); d = add(d, h);
    p = xor(a, b); h = add(h, add(bigSigma0(a), majFromXors(b, p, q)));
    g = t1(g, d, e, f, load<T>(kw, 1 * sizeof<T>())); c = add(c, g);
    q = xor(h, a); g = add(g, add(bigSigma0(h), majFromXors(a, q, p)));
    f = t1(f, c, d, e, load<T>(kw, 2 * sizeof<T>())); b = add(b, f);
    p = xor(g, h); f = add(f, add(bigSigma0(g), majFromXors(h, p, q)));
    e = t1(e, b, c, d, load<T>(kw, 3 * sizeof<T>())); a = add(a, e);
    q = xor(f, g); e = add(e, add(bigSigma0(f), majFromXors(g, q, p)));
    d = t1(d, a, b, c, load<T>(kw, 4 * sizeof<T>())); h = add(h, d);
    p = xor(e, f); d = add(d, add(bigSigma0(e), majFromXors(f, p, q)));
    c = t1(c, h, a, b, load<T>(kw, 5 * sizeof<T>())); g = add(g, c);
    q = xor(d, e); c = add(c, add(bigSigma0(d), majFromXors(e, q, p)));
    b = t1(b, g, h, a, load<T>(kw, 6 * sizeof<T>())); f = add(f, b);
    p = xor(c, d); b = add(b, add(bigSigma0(c), majFromXors(d, p, q)));
    a = t1(a, f, g, h, load<T>(kw, 7 * sizeof<T>())); e = add(e, a);
    q = xor(b, c); a = add(a, add(bigSigma0(b), majFromXors(c, q, p)));
    kw += 8 * sizeof<T>();
  }
  const state = slot<T>(PLAN_STATE);
  store<T>(state, a, 0 * sizeof<T>());
  store<T>(state, b, 1 * sizeof<T>());
  store<T>(state, c, 2 * sizeof<T>());
  store<T>(state, d, 3 * sizeof<T>());
  store<T>(state, e, 4 * sizeof<T>());
  store<T>(state, f, 5 * sizeof<T>());
  store<T>(state, g, 6 * sizeof<T>());
  store<T>(state, h, 7 * sizeof<T>());
}

/**
 * For each lane's nonce: digest bytes 28..31 of sha256d(header with that nonce) as a little-endian
 * u32, i.e. the most significant word of the digest read as a little-endian 256-bit number.
 */
function topDigestWord<T>(nonces: T): T {
  const w3 = bswapWords(nonces);

  // Header block 2: W_0..2 and W_4..15 are fixed, so of W_16..32 only the nonce-dependent terms
  // remain; W_33..63 are general.
  const b2w = slot<T>(PLAN_BLOCK2_W);
  const w16 = load<T>(slot<T>(PLAN_BLOCK2_W16));
  const w17 = load<T>(b2w + 17 * sizeof<T>());
  const w18 = add(load<T>(slot<T>(PLAN_BLOCK2_W18_BASE)), smallSigma0(w3));
  const w19 = add(load<T>(slot<T>(PLAN_BLOCK2_W19_BASE)), w3);
  const w20 = add(smallSigma1(w18), splat<T>(PAD_WORD));
  const w21 = smallSigma1(w19);
  const w22 = add(smallSigma1(w20), splat<T>(HEADER_BITS));
  const w23 = add(smallSigma1(w21), w16);
  const w24 = add(smallSigma1(w22), w17);
  const w25 = add(smallSigma1(w23), w18);
  const w26 = add(smallSigma1(w24), w19);
  const w27 = add(smallSigma1(w25), w20);
  const w28 = add(smallSigma1(w26), w21);
  const w29 = add(smallSigma1(w27), w22);
  const w30 = add(add(smallSigma1(w28), w23), splat<T>(smallSigma0<u32>(HEADER_BITS)));
  const w31 = add(add(smallSigma1(w29), w24), load<T>(slot<T>(PLAN_BLOCK2_W31_BASE)));
  const w32 = add(add(smallSigma1(w30), w25), load<T>(slot<T>(PLAN_BLOCK2_W32_BASE)));
  storeWord(b2w, 18, w18);
  storeWord(b2w, 19, w19);
  storeWord(b2w, 20, w20);
  storeWord(b2w, 21, w21);
  storeWord(b2w, 22, w22);
  storeWord(b2w, 23, w23);
  storeWord(b2w, 24, w24);
  storeWord(b2w, 25, w25);
  storeWord(b2w, 26, w26);
  storeWord(b2w, 27, w27);
  storeWord(b2w, 28, w28);
  storeWord(b2w, 29, w29);
  storeWord(b2w, 30, w30);
  storeWord(b2w, 31, w31);
  storeWord(b2w, 32, w32);
  expandSchedule<T>(b2w, 33, 64);

  // Rounds 0..2 are in the plan; round 3 adds W_3 to precomputed T1 and T2 parts.
  roundsLoop<T>(slot<T>(PLAN_BLOCK2_ROUND4_IN), w3, slot<T>(PLAN_BLOCK2_KW + 4));

  // Rounds 60..63 continue the loop's name rotation, leaving a..h in e, f, g, h, a, b, c, d.
  const state = slot<T>(PLAN_STATE);
  const kw = slot<T>(PLAN_BLOCK2_KW + 60);
  let a = load<T>(state, 0 * sizeof<T>());
  let b = load<T>(state, 1 * sizeof<T>());
  let c = load<T>(state, 2 * sizeof<T>());
  let d = load<T>(state, 3 * sizeof<T>());
  let e = load<T>(state, 4 * sizeof<T>());
  let f = load<T>(state, 5 * sizeof<T>());
  let g = load<T>(state, 6 * sizeof<T>());
  let h = load<T>(state, 7 * sizeof<T>());
  h = t1(h, e, f, g, load<T>(kw, 0 * sizeof<T>())); d = add(d, h); h = add(h, t2(a, b, c));
  g = t1(g, d, e, f, load<T>(kw, 1 * sizeof<T>())); c = add(c, g); g = add(g, t2(h, a, b));
  f = t1(f, c, d, e, load<T>(kw, 2 * sizeof<T>())); b = add(b, f); f = add(f, t2(g, h, a));
  e = t1(e, b, c, d, load<T>(kw, 3 * sizeof<T>())); a = add(a, e); e = add(e, t2(f, g, h));

  // The first digest, as big-endian words, is the message W_0..7 of the second hash; W_8..15 are
  // padding, so W_16..30 lose their constant terms and K_t + W_t for t in 8..15 is in the plan.
  const mid = slot<T>(PLAN_MIDSTATE);
  const x0 = add(load<T>(mid, 0 * sizeof<T>()), e);
  const x1 = add(load<T>(mid, 1 * sizeof<T>()), f);
  const x2 = add(load<T>(mid, 2 * sizeof<T>()), g);
  const x3 = add(load<T>(mid, 3 * sizeof<T>()), h);
  const x4 = add(load<T>(mid, 4 * sizeof<T>()), a);
  const x5 = add(load<T>(mid, 5 * sizeof<T>()), b);
  const x6 = add(load<T>(mid, 6 * sizeof<T>()), c);
  const x7 = add(load<T>(mid, 7 * sizeof<T>()), d);
  const h2w = slot<T>(PLAN_HASH2_W);
  const v16 = add(smallSigma0(x1), x0);
  const v17 = add(add(smallSigma0(x2), x1), splat<T>(smallSigma1<u32>(DIGEST_BITS)));
  const v18 = add(add(smallSigma1(v16), smallSigma0(x3)), x2);
  const v19 = add(add(smallSigma1(v17), smallSigma0(x4)), x3);
  const v20 = add(add(smallSigma1(v18), smallSigma0(x5)), x4);
  const v21 = add(add(smallSigma1(v19), smallSigma0(x6)), x5);
  const v22 = add(add(smallSigma1(v20), smallSigma0(x7)), add(x6, splat<T>(DIGEST_BITS)));
  const v23 = add(add(smallSigma1(v21), v16), add(x7, splat<T>(smallSigma0<u32>(PAD_WORD))));
  const v24 = add(add(smallSigma1(v22), v17), splat<T>(PAD_WORD));
  const v25 = add(smallSigma1(v23), v18);
  const v26 = add(smallSigma1(v24), v19);
  const v27 = add(smallSigma1(v25), v20);
  const v28 = add(smallSigma1(v26), v21);
  const v29 = add(smallSigma1(v27), v22);
  const v30 = add(add(smallSigma1(v28), v23), splat<T>(smallSigma0<u32>(DIGEST_BITS)));
  storeWord(h2w, 1, x1);
  storeWord(h2w, 2, x2);
  storeWord(h2w, 3, x3);
  storeWord(h2w, 4, x4);
  storeWord(h2w, 5, x5);
  storeWord(h2w, 6, x6);
  storeWord(h2w, 7, x7);
  storeWord(h2w, 16, v16);
  storeWord(h2w, 17, v17);
  storeWord(h2w, 18, v18);
  storeWord(h2w, 19, v19);
  storeWord(h2w, 20, v20);
  storeWord(h2w, 21, v21);
  storeWord(h2w, 22, v22);
  storeWord(h2w, 23, v23);
  storeWord(h2w, 24, v24);
  storeWord(h2w, 25, v25);
  storeWord(h2w, 26, v26);
  storeWord(h2w, 27, v27);
  storeWord(h2w, 28, v28);
  storeWord(h2w, 29, v29);
  storeWord(h2w, 30, v30);
  // The digest's top word is H_7 = H(0)_7 + h after round 63, and that h is the e computed in
  // round 60, so rounds 61..63 and W_61..63 are skipped.
  expandSchedule<T>(h2w, 31, 61);

  // Round 0 starts from the constant H(0): only W_0 varies.
  roundsLoop<T>(slot<T>(PLAN_HASH2_ROUND1_IN), x0, slot<T>(PLAN_HASH2_KW + 1));

  // Rounds 57..60 need only the e chain: the new a of rounds 57..59 would reach d after round 60.
  const kw2 = slot<T>(PLAN_HASH2_KW + 57);
  a = load<T>(state, 0 * sizeof<T>());
  b = load<T>(state, 1 * sizeof<T>());
  c = load<T>(state, 2 * sizeof<T>());
  d = load<T>(state, 3 * sizeof<T>());
  e = load<T>(state, 4 * sizeof<T>());
  f = load<T>(state, 5 * sizeof<T>());
  g = load<T>(state, 6 * sizeof<T>());
  h = load<T>(state, 7 * sizeof<T>());
  d = add(d, t1(h, e, f, g, load<T>(kw2, 0 * sizeof<T>())));
  c = add(c, t1(g, d, e, f, load<T>(kw2, 1 * sizeof<T>())));
  b = add(b, t1(f, c, d, e, load<T>(kw2, 2 * sizeof<T>())));
  a = add(a, t1(e, b, c, d, load<T>(kw2, 3 * sizeof<T>())));
  return bswapWords(add(a, splat<T>(load<u32>(SHA256_H0, 7 * 4))));
}

function storePlan(index: usize, value: u32): void {
  store<u32>(slot<u32>(index), value);
  v128.store(slot<v128>(index), i32x4.splat(value));
}

/** Fills both plans from the header in IO. */
function preparePlan(): void {
  memory.copy(savedMidstate, SHA256_H0, 32);
  sha256Compress(savedMidstate, IO);

  // Header block 2: bytes 64..75, the nonce, then §5.1.1 padding for an 80-byte message.
  const w0 = bswap<u32>(load<u32>(IO, 64));
  const w1 = bswap<u32>(load<u32>(IO, 68));
  const w2 = bswap<u32>(load<u32>(IO, 72));
  memory.copy(checkBlock2, IO + 64, 12);
  memory.fill(checkBlock2 + 16, 0, 48);
  store<u8>(checkBlock2, 0x80, 16);
  store<u32>(checkBlock2, bswap<u32>(HEADER_BITS), 60);

  let a = load<u32>(savedMidstate, 0);
  let b = load<u32>(savedMidstate, 4);
  let c = load<u32>(savedMidstate, 8);
  let d = load<u32>(savedMidstate, 12);
  let e = load<u32>(savedMidstate, 16);
  let f = load<u32>(savedMidstate, 20);
  let g = load<u32>(savedMidstate, 24);
  let h = load<u32>(savedMidstate, 28);
  for (let t: usize = 0; t < 8; t++) storePlan(PLAN_MIDSTATE + t, load<u32>(savedMidstate + (t << 2)));
  for (let t: usize = 0; t < 3; t++) {
    const wt = t == 0 ? w0 : t == 1 ? w1 : w2;
    const temp1 = t1<u32>(h, e, f, g, load<u32>(SHA256_K + (t << 2)) + wt);
    const temp2 = t2<u32>(a, b, c);
    h = g;
    g = f;
    f = e;
    e = d + temp1;
    d = c;
    c = b;
    b = a;
    a = temp1 + temp2;
  }
  // Round 3 without its W_3 (nonce) term, which topDigestWord adds to the new a and e.
  const round3T1 = t1<u32>(h, e, f, g, load<u32>(SHA256_K, 3 * 4));
  storePlan(PLAN_BLOCK2_ROUND4_IN + 0, round3T1 + t2<u32>(a, b, c));
  storePlan(PLAN_BLOCK2_ROUND4_IN + 1, a);
  storePlan(PLAN_BLOCK2_ROUND4_IN + 2, b);
  storePlan(PLAN_BLOCK2_ROUND4_IN + 3, c);
  storePlan(PLAN_BLOCK2_ROUND4_IN + 4, d + round3T1);
  storePlan(PLAN_BLOCK2_ROUND4_IN + 5, e);
  storePlan(PLAN_BLOCK2_ROUND4_IN + 6, f);
  storePlan(PLAN_BLOCK2_ROUND4_IN + 7, g);

  // W_4 = PAD_WORD, W_5..14 = 0, W_15 = HEADER_BITS.
  for (let t: usize = 4; t < 16; t++) {
    const wt = t == 4 ? PAD_WORD : t == 15 ? HEADER_BITS : 0;
    storePlan(PLAN_BLOCK2_KW + t, load<u32>(SHA256_K + (t << 2)) + wt);
  }
  const w16 = smallSigma0<u32>(w1) + w0;
  const w17 = smallSigma1<u32>(HEADER_BITS) + smallSigma0<u32>(w2) + w1;
  storePlan(PLAN_BLOCK2_W16, w16);
  storePlan(PLAN_BLOCK2_W + 17, w17);
  storePlan(PLAN_BLOCK2_KW + 16, load<u32>(SHA256_K, 16 * 4) + w16);
  storePlan(PLAN_BLOCK2_KW + 17, load<u32>(SHA256_K, 17 * 4) + w17);
  storePlan(PLAN_BLOCK2_W18_BASE, smallSigma1<u32>(w16) + w2);
  storePlan(PLAN_BLOCK2_W19_BASE, smallSigma1<u32>(w17) + smallSigma0<u32>(PAD_WORD));
  storePlan(PLAN_BLOCK2_W31_BASE, smallSigma0<u32>(w16) + HEADER_BITS);
  storePlan(PLAN_BLOCK2_W32_BASE, smallSigma0<u32>(w17) + w16);

  // Second hash: round 0 from H(0) without its W_0 term; W_8 = PAD_WORD, W_9..14 = 0,
  // W_15 = DIGEST_BITS.
  const iv = SHA256_H0;
  const round0T1 = t1<u32>(
    load<u32>(iv, 28), load<u32>(iv, 16), load<u32>(iv, 20), load<u32>(iv, 24), load<u32>(SHA256_K),
  );
  const round0T2 = t2<u32>(load<u32>(iv, 0), load<u32>(iv, 4), load<u32>(iv, 8));
  storePlan(PLAN_HASH2_ROUND1_IN + 0, round0T1 + round0T2);
  storePlan(PLAN_HASH2_ROUND1_IN + 1, load<u32>(iv, 0));
  storePlan(PLAN_HASH2_ROUND1_IN + 2, load<u32>(iv, 4));
  storePlan(PLAN_HASH2_ROUND1_IN + 3, load<u32>(iv, 8));
  storePlan(PLAN_HASH2_ROUND1_IN + 4, load<u32>(iv, 12) + round0T1);
  storePlan(PLAN_HASH2_ROUND1_IN + 5, load<u32>(iv, 16));
  storePlan(PLAN_HASH2_ROUND1_IN + 6, load<u32>(iv, 20));
  storePlan(PLAN_HASH2_ROUND1_IN + 7, load<u32>(iv, 24));
  for (let t: usize = 8; t < 16; t++) {
    const wt = t == 8 ? PAD_WORD : t == 15 ? DIGEST_BITS : 0;
    storePlan(PLAN_HASH2_KW + t, load<u32>(SHA256_K + (t << 2)) + wt);
  }
  storePlan(PLAN_HASH2_W + 15, DIGEST_BITS);

  memory.fill(checkHash2Block + 32, 0, 32);
  store<u8>(checkHash2Block, 0x80, 32);
  store<u32>(checkHash2Block, bswap<u32>(DIGEST_BITS), 60);
}

/** The full sha256d of the header with `nonce`, compared with the whole 256-bit target. */
function meetsTarget(nonce: u32): bool {
  store<u32>(checkBlock2, nonce, NONCE_OFFSET - 64);
  memory.copy(checkState, savedMidstate, 32);
  sha256Compress(checkState, checkBlock2);
  for (let i: usize = 0; i < 8; i++) {
    store<u32>(checkHash2Block + (i << 2), bswap<u32>(load<u32>(checkState + (i << 2))));
  }
  memory.copy(checkState, SHA256_H0, 32);
  sha256Compress(checkState, checkHash2Block);
  // Digest word i read little-endian has significance i; target word j read big-endian has 7 - j.
  for (let i = 7; i >= 0; i--) {
    const digestWord = bswap<u32>(load<u32>(checkState + (<usize>i << 2)));
    const targetWord = bswap<u32>(load<u32>(IO + TARGET_OFFSET + (<usize>(7 - i) << 2)));
    if (digestWord != targetWord) return digestWord < targetWord;
  }
  return true;
}

function checkCandidate(nonce: u32): void {
  if (meetsTarget(nonce)) {
    store<u32>(results + (<usize>resultCount << 2), nonce);
    resultCount++;
  }
}

/** Lane i of the SIMD scan holds nonce + i. */
const LANE_OFFSETS: usize = memory.data<u32>([0, 1, 2, 3], 16);

function scan<T>(start: u32, count: u32): u32 {
  preparePlan();
  const targetTop = bswap<u32>(load<u32>(IO, TARGET_OFFSET));
  resultCount = 0;
  let examined: u32 = 0;
  // examined ≤ count and start + count ≤ 2^32, so start + examined never wraps inside the range.
  while (examined < count) {
    const nonce = start + examined;
    const groupNonces = min(GROUP_NONCES, count - examined);
    if (isVector<T>() && groupNonces == GROUP_NONCES) {
      const nonces = i32x4.add(i32x4.splat(nonce), v128.load(LANE_OFFSETS));
      const passes = i32x4.bitmask(i32x4.le_u(topDigestWord<v128>(nonces), i32x4.splat(targetTop)));
      if (passes != 0) {
        for (let lane: u32 = 0; lane < GROUP_NONCES; lane++) {
          if (passes & (1 << lane)) checkCandidate(nonce + lane);
        }
      }
    } else {
      for (let i: u32 = 0; i < groupNonces; i++) {
        if (topDigestWord<u32>(nonce + i) <= targetTop) checkCandidate(nonce + i);
      }
    }
    examined += groupNonces;
    if (resultCount >= SCAN_RESULTS_CAP) break;
  }
  examinedNonces = examined;
  return resultCount;
}

/**
 * Scans nonces start .. start+count-1 (start + count ≤ 2^32) of the header at IO[0..80) against
 * the big-endian target at IO[80..112); a nonce matches when its sha256d digest, read as a
 * little-endian 256-bit number, is ≤ target. Writes matches ascending to scanResultsPtr() and
 * returns how many. IO is only read. One nonce at a time.
 */
export function scanScalar(start: u32, count: u32): u32 {
  return scan<u32>(start, count);
}

/** scanScalar with four nonces per v128; same results, same early stop. */
export function scanSimd(start: u32, count: u32): u32 {
  return scan<v128>(start, count);
}

/** Address of the last scan's matches, u32 little-endian, 16-byte aligned. */
export function scanResultsPtr(): usize {
  return results;
}

/**
 * Matches a scan collects before stopping early; it then finishes its group of 4 nonces, so a
 * call can return up to scanResultsCap() + 3 matches.
 */
export function scanResultsCap(): u32 {
  return SCAN_RESULTS_CAP;
}

/**
 * Nonces from `start` that the last scan fully examined: `count` unless it stopped early.
 * Every match among them was written; resume at start + scanExamined().
 */
export function scanExamined(): u32 {
  return examinedNonces;
}
