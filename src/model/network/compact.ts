// nBits "compact" encoding of 256-bit targets, on bigint: Bitcoin Core src/arith_uint256.cpp
// (SetCompact / GetCompact) and src/pow.cpp (DeriveTarget, CheckProofOfWorkImpl).
import { bitLength, shown } from '../ledger/exact.js';
import { POW_LIMIT } from './chain-params.js';

const UINT256_MASK = (1n << 256n) - 1n;

export interface CompactDecoded {
  /** The 256-bit value; bits shifted past 2^256 are lost, as in arith_uint256's <<=. */
  readonly target: bigint;
  readonly negative: boolean;
  readonly overflow: boolean;
}

function checkCompact(nCompact: number): void {
  if (!Number.isInteger(nCompact) || nCompact < 0 || nCompact > 0xffffffff) {
    throw new RangeError(`nCompact must be a uint32, got ${shown(nCompact)}`);
  }
}

/** arith_uint256::SetCompact: mantissa · 256^(size − 3), with Core's sign and overflow flags. */
export function setCompact(nCompact: number): CompactDecoded {
  checkCompact(nCompact);
  const nSize = nCompact >>> 24;
  let nWord = nCompact & 0x007fffff;
  let target: bigint;
  if (nSize <= 3) {
    // Core shifts nWord itself here, and the flags below look at the shifted word.
    nWord >>>= 8 * (3 - nSize);
    target = BigInt(nWord);
  } else {
    target = (BigInt(nWord) << BigInt(8 * (nSize - 3))) & UINT256_MASK;
  }
  const negative = nWord !== 0 && (nCompact & 0x00800000) !== 0;
  const overflow = nWord !== 0 && (nSize > 34 || (nWord > 0xff && nSize > 33) || (nWord > 0xffff && nSize > 32));
  return { target, negative, overflow };
}

/** arith_uint256::GetCompact: keeps the top 3 significant bytes, so it rounds down. */
export function getCompact(target: bigint, negative = false): number {
  if (typeof target !== 'bigint' || target < 0n || target > UINT256_MASK) {
    throw new RangeError(`target must be a bigint in [0, 2^256), got ${shown(target)}`);
  }
  let nSize = Math.ceil(bitLength(target) / 8);
  let nCompact = nSize <= 3 ? Number(target) * 2 ** (8 * (3 - nSize)) : Number(target >> BigInt(8 * (nSize - 3)));
  // 0x00800000 is the sign bit: a mantissa that would set it moves one byte down instead.
  if ((nCompact & 0x00800000) !== 0) {
    nCompact >>>= 8;
    nSize += 1;
  }
  nCompact += nSize * 2 ** 24;
  if (negative && (nCompact & 0x007fffff) !== 0) nCompact += 0x00800000;
  return nCompact >>> 0;
}

/** Target encoded by nBits; throws on the negative and overflow encodings. */
export function targetFromBits(nbits: number): bigint {
  const { target, negative, overflow } = setCompact(nbits);
  if (negative || overflow) {
    throw new RangeError(`nbits must encode a non-negative target < 2^256, got 0x${nbits.toString(16).padStart(8, '0')}`);
  }
  return target;
}

/** nBits for a target, rounded down to 3 significant bytes (GetCompact). */
export function bitsFromTarget(target: bigint): number {
  return getCompact(target);
}

/** pow.cpp DeriveTarget: the target, or undefined if negative, zero, overflowing or above powLimit. */
export function deriveTarget(nbits: number, powLimit: bigint = POW_LIMIT): bigint | undefined {
  const { target, negative, overflow } = setCompact(nbits);
  if (negative || overflow || target === 0n || target > powLimit) return undefined;
  return target;
}

/** pow.cpp CheckProofOfWorkImpl: hash (the digest read as a little-endian 256-bit integer) ≤ target. */
export function checkProofOfWork(hash: bigint, nbits: number, powLimit: bigint = POW_LIMIT): boolean {
  const target = deriveTarget(nbits, powLimit);
  return target !== undefined && hash <= target;
}
