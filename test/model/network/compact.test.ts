// nBits ↔ target against Bitcoin Core's arith_uint256 vectors, and the GetCompact round trip.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bitsFromTarget, checkProofOfWork, deriveTarget, getCompact, setCompact, targetFromBits } from '../../../src/model/network/compact.js';
import { POW_LIMIT } from '../../../src/model/network/chain-params.js';
import { DIFF1_TARGET } from '../../../src/model/network/difficulty.js';
import { loadModelVectors } from '../helpers/vectors.js';

type CompactCase = { nCompact: string; targetHex?: string; getCompact?: string; getCompactNegative?: string; negative: boolean; overflow: boolean };
type CompactVectors = { cases: CompactCase[]; getCompactOnly: { targetHex: string; getCompact: string }[] };
const vectors = loadModelVectors<CompactVectors>('compact.json');
const hex = (h: string) => BigInt(`0x${h}`);
const u32 = (h: string) => Number.parseInt(h, 16);

describe('SetCompact / GetCompact known answers (test/model/vectors/compact.json)', () => {
  for (const c of vectors.cases) {
    it(`decodes ${c.nCompact}`, () => {
      const decoded = setCompact(u32(c.nCompact));
      expect({ negative: decoded.negative, overflow: decoded.overflow }).toEqual({ negative: c.negative, overflow: c.overflow });
      if (c.targetHex !== undefined) expect(decoded.target).toBe(hex(c.targetHex));
      if (c.getCompact !== undefined) expect(getCompact(decoded.target)).toBe(u32(c.getCompact));
      if (c.getCompactNegative !== undefined) expect(getCompact(decoded.target, true)).toBe(u32(c.getCompactNegative));
    });
  }
  for (const c of vectors.getCompactOnly) {
    it(`encodes 0x${c.targetHex}`, () => expect(getCompact(hex(c.targetHex))).toBe(u32(c.getCompact)));
  }

  it('decodes the genesis bits to the difficulty-1 target', () => {
    expect(targetFromBits(0x1d00ffff)).toBe(0xffffn << 208n);
    expect(targetFromBits(0x1d00ffff)).toBe(DIFF1_TARGET);
    expect(targetFromBits(0x1d00ffff)).toBe(26959535291011309493156476344723991336010898738574164086137773096960n);
  });
});

describe('round trip', () => {
  const target = fc.bigInt({ min: 1n, max: (1n << 256n) - 1n });

  it('GetCompact rounds down to three significant bytes', () => {
    fc.assert(fc.property(target, (t) => {
      const bits = bitsFromTarget(t);
      const back = targetFromBits(bits);
      expect(back <= t).toBe(true);
      const size = bits >>> 24;
      expect(t - back < (size <= 3 ? 1n : 1n << BigInt(8 * (size - 3)))).toBe(true);
      // normalised: encoding the decoded value gives the same bits
      expect(bitsFromTarget(back)).toBe(bits);
    }), { seed: 1, numRuns: 2000 });
  });

  it('bitsFromTarget(targetFromBits(b)) === b for normalised b', () => {
    const normalised = fc.tuple(fc.integer({ min: 4, max: 32 }), fc.integer({ min: 0x008000, max: 0x7fffff }))
      .map(([size, mantissa]) => (size * 2 ** 24 + mantissa) >>> 0)
      .filter((b) => !setCompact(b).overflow);
    fc.assert(fc.property(normalised, (b) => {
      expect(bitsFromTarget(targetFromBits(b))).toBe(b);
    }), { seed: 2, numRuns: 2000 });
  });
});

describe('targetFromBits, deriveTarget and checkProofOfWork', () => {
  it('rejects negative and overflowing encodings', () => {
    expect(() => targetFromBits(0x04923456)).toThrow(/nbits must encode a non-negative target/);
    expect(() => targetFromBits(0xff123456)).toThrow(/0xff123456/);
    expect(() => targetFromBits(2 ** 32)).toThrow(/nCompact must be a uint32/);
  });

  it('mirrors pow.cpp: negative, zero, overflow or above powLimit fail', () => {
    expect(deriveTarget(getCompact(POW_LIMIT, true))).toBeUndefined();
    expect(checkProofOfWork(1n, getCompact(POW_LIMIT, true))).toBe(false);
    expect(checkProofOfWork(1n, ~0x00800000 >>> 0)).toBe(false);
    expect(checkProofOfWork(1n, getCompact(POW_LIMIT * 2n))).toBe(false);
    expect(checkProofOfWork(POW_LIMIT * 2n, getCompact(POW_LIMIT))).toBe(false);
    expect(checkProofOfWork(0n, getCompact(0n))).toBe(false);
    expect(checkProofOfWork(DIFF1_TARGET, 0x1d00ffff)).toBe(true);
    expect(checkProofOfWork(DIFF1_TARGET + 1n, 0x1d00ffff)).toBe(false);
  });
});
