// Exact rationals on bigint (positive denominators), and exact conversion of IEEE-754 doubles to
// and from them — so difficulty-weighted scores and per-share values never drift by float rounding.
import { bitLength, divFloor, gcd, shown } from './exact.js';

/** num / den with den > 0n. Not necessarily reduced: operations keep denominators that divide
 *  each other as they are, so a stream of shares at one network difficulty never pays for a gcd. */
export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

export const RATIO_ZERO: Ratio = { num: 0n, den: 1n };

export function ratio(num: bigint, den: bigint): Ratio {
  if (den <= 0n) throw new RangeError(`den must be > 0n, got ${shown(den)}`);
  return { num, den };
}

// One scratch buffer to read a double's bits: module-local, no state survives a call.
const scratch = new DataView(new ArrayBuffer(8));

/**
 * The exact value of a finite double as mantissa / 2^k, reduced (den is the least power of two).
 * Integers (including 1e14, 2^60) come back with den = 1n.
 */
export function ratioFromNumber(x: number): Ratio {
  if (!Number.isFinite(x)) throw new RangeError(`x must be a finite number, got ${shown(x)}`);
  if (Number.isInteger(x)) return { num: BigInt(x), den: 1n };
  scratch.setFloat64(0, x);
  const hi = scratch.getUint32(0);
  const lo = scratch.getUint32(4);
  const biasedExponent = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exponent: number;
  if (biasedExponent === 0) {
    exponent = -1074; // subnormal
  } else {
    mantissa |= 1n << 52n;
    exponent = biasedExponent - 1075;
  }
  // Non-integer ⇒ exponent < 0; strip the trailing zero bits so den is minimal.
  while ((mantissa & 1n) === 0n && exponent < 0) {
    mantissa >>= 1n;
    exponent += 1;
  }
  const num = hi >>> 31 === 1 ? -mantissa : mantissa;
  return { num, den: 1n << BigInt(-exponent) };
}

/**
 * num / den as the nearest double (ties to even): the quotient is taken to ≥ 65 bits with a sticky
 * bit for any remainder, so Number() rounds once and correctly. Results in the subnormal range
 * may round twice.
 */
export function ratioToNumber(r: Ratio): number {
  if (r.den <= 0n) throw new RangeError(`den must be > 0n, got ${shown(r.den)}`);
  if (r.num === 0n) return 0;
  const negative = r.num < 0n;
  let a = negative ? -r.num : r.num;
  let b = r.den;
  const k = bitLength(b) - bitLength(a) + 65;
  if (k >= 0) a <<= BigInt(k);
  else b <<= BigInt(-k);
  let q = a / b;
  if (a % b !== 0n) q |= 1n;
  let value = Number(q);
  // Scale by 2^-k in steps that stay inside the double exponent range.
  let e = -k;
  while (e > 1000) {
    value *= 2 ** 1000;
    e -= 1000;
  }
  while (e < -1000) {
    value *= 2 ** -1000;
    e += 1000;
  }
  value *= 2 ** e;
  return negative ? -value : value;
}

/** Numerators of a and b over a common denominator (the lcm when neither divides the other). */
function align(a: Ratio, b: Ratio): [bigint, bigint, bigint] {
  if (a.den === b.den) return [a.num, b.num, a.den];
  if (a.den % b.den === 0n) return [a.num, b.num * (a.den / b.den), a.den];
  if (b.den % a.den === 0n) return [a.num * (b.den / a.den), b.num, b.den];
  const lcm = (a.den / gcd(a.den, b.den)) * b.den;
  return [a.num * (lcm / a.den), b.num * (lcm / b.den), lcm];
}

export function ratioAdd(a: Ratio, b: Ratio): Ratio {
  if (a.num === 0n) return b;
  if (b.num === 0n) return a;
  const [an, bn, den] = align(a, b);
  return { num: an + bn, den };
}

export function ratioSub(a: Ratio, b: Ratio): Ratio {
  if (b.num === 0n) return a;
  const [an, bn, den] = align(a, b);
  return { num: an - bn, den };
}

export function ratioMul(a: Ratio, b: Ratio): Ratio {
  return { num: a.num * b.num, den: a.den * b.den };
}

export function ratioDiv(a: Ratio, b: Ratio): Ratio {
  if (b.num === 0n) throw new RangeError('divisor must be ≠ 0, got 0');
  return b.num < 0n ? { num: -a.num * b.den, den: a.den * -b.num } : { num: a.num * b.den, den: a.den * b.num };
}

/** −1, 0 or 1 as a <, =, > b. */
export function ratioCompare(a: Ratio, b: Ratio): -1 | 0 | 1 {
  const [an, bn] = a.den === b.den ? [a.num, b.num] : [a.num * b.den, b.num * a.den];
  return an < bn ? -1 : an > bn ? 1 : 0;
}

/** ⌊r⌋. */
export function ratioFloor(r: Ratio): bigint {
  return divFloor(r.num, r.den);
}

/** The same ratio in lowest terms (costs a gcd; for output and for keeping denominators small). */
export function ratioReduce(r: Ratio): Ratio {
  if (r.num === 0n) return RATIO_ZERO;
  const g = gcd(r.num, r.den);
  return g === 1n ? r : { num: r.num / g, den: r.den / g };
}

/** r's numerator over the given denominator, which must be a multiple of r.den. */
export function ratioNumeratorOver(r: Ratio, den: bigint): bigint {
  if (den % r.den !== 0n) throw new RangeError(`den must be a multiple of ${shown(r.den)}, got ${shown(den)}`);
  return r.num * (den / r.den);
}

/** Least common multiple of positive denominators. */
export function lcmOf(dens: Iterable<bigint>): bigint {
  let lcm = 1n;
  for (const d of dens) {
    if (d <= 0n) throw new RangeError(`denominators must be > 0n, got ${shown(d)}`);
    if (lcm % d !== 0n) lcm = (lcm / gcd(lcm, d)) * d;
  }
  return lcm;
}
