// Exact arithmetic: floor/half-even division, gcd, bit length, and doubles ↔ exact ratios.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bitLength, divCeil, divFloor, divRoundHalfEven, gcd } from '../../../src/model/ledger/exact.js';
import { ratioAdd, ratioCompare, ratioFromNumber, ratioReduce, ratioSub, ratioToNumber, lcmOf } from '../../../src/model/ledger/ratio.js';

describe('bigint division', () => {
  it('floors, ceils and rounds half to even for every sign', () => {
    expect([divFloor(7n, 2n), divFloor(-7n, 2n), divFloor(7n, -2n), divFloor(-7n, -2n)]).toEqual([3n, -4n, -4n, 3n]);
    expect([divCeil(7n, 2n), divCeil(-7n, 2n)]).toEqual([4n, -3n]);
    expect([5n, 15n, 25n, -5n, -15n, 7n].map((n) => divRoundHalfEven(n, 10n))).toEqual([0n, 2n, 2n, 0n, -2n, 1n]);
    expect(divRoundHalfEven(5n, -10n)).toBe(0n);
    expect(() => divFloor(1n, 0n)).toThrow(/divisor/);
  });

  it('agrees with the definition on random operands', () => {
    const big = fc.bigInt({ min: -(2n ** 100n), max: 2n ** 100n });
    fc.assert(fc.property(big, big.filter((d) => d !== 0n), (n, d) => {
      const q = divFloor(n, d);
      const r = n - q * d;
      expect(d > 0n ? r >= 0n && r < d : r <= 0n && r > d).toBe(true);
      const h = divRoundHalfEven(n, d);
      const twiceError = 2n * (n - h * d) * (d > 0n ? 1n : -1n);
      const absD = d > 0n ? d : -d;
      expect(twiceError <= absD && twiceError >= -absD).toBe(true);
    }), { seed: 3, numRuns: 500 });
  });

  it('computes gcd and bit length', () => {
    expect([gcd(12n, 18n), gcd(-12n, 18n), gcd(0n, 5n), gcd(0n, 0n)]).toEqual([6n, 6n, 5n, 0n]);
    expect([0n, 1n, 2n, 255n, 256n, 2n ** 224n - 1n].map(bitLength)).toEqual([0, 1, 2, 8, 9, 224]);
  });
});

describe('ratios from doubles', () => {
  it('are exact', () => {
    expect(ratioFromNumber(0.5)).toEqual({ num: 1n, den: 2n });
    expect(ratioFromNumber(1e14)).toEqual({ num: 100_000_000_000_000n, den: 1n });
    expect(ratioFromNumber(-0.75)).toEqual({ num: -3n, den: 4n });
    expect(ratioFromNumber(0.1)).toEqual({ num: 3602879701896397n, den: 2n ** 55n });
    expect(ratioFromNumber(Number.MIN_VALUE)).toEqual({ num: 1n, den: 2n ** 1074n });
    expect(() => ratioFromNumber(Infinity)).toThrow(RangeError);
  });

  it('round-trip through ratioToNumber for every finite double', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
      expect(Object.is(ratioToNumber(ratioFromNumber(x)), x === 0 ? 0 : x)).toBe(true);
    }), { seed: 5, numRuns: 2000 });
  });

  it('ratioToNumber rounds correctly', () => {
    expect(ratioToNumber({ num: 1n, den: 3n })).toBe(1 / 3);
    expect(ratioToNumber({ num: 2n, den: 3n })).toBe(2 / 3);
    expect(ratioToNumber({ num: 10n ** 30n, den: 7n })).toBe(1e30 / 7);
    expect(ratioToNumber({ num: (1n << 53n) + 1n, den: 1n })).toBe(2 ** 53); // tie → even
    expect(ratioToNumber({ num: (1n << 54n) + 3n, den: 2n })).toBe(2 ** 53 + 2); // 2^53 + 1.5 → up
  });

  it('adds, subtracts and compares exactly', () => {
    const third = { num: 1n, den: 3n };
    const sixth = { num: 1n, den: 6n };
    expect(ratioReduce(ratioAdd(third, sixth))).toEqual({ num: 1n, den: 2n });
    expect(ratioReduce(ratioSub(third, sixth))).toEqual({ num: 1n, den: 6n });
    expect(ratioCompare(third, sixth)).toBe(1);
    expect(ratioCompare({ num: 2n, den: 6n }, third)).toBe(0);
    expect(lcmOf([4n, 6n, 10n])).toBe(60n);
  });
});
