// Exact integer arithmetic on bigint for money and ratios: division with a named rounding rule,
// gcd and bit length. Every rounding in the model goes through one of these, so it is explicit.

/** Renders a received value for an error message: bigints get their `n`, strings their quotes. */
export function shown(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`;
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function checkDivisor(d: bigint): void {
  if (d === 0n) throw new RangeError('divisor must be ≠ 0n, got 0n');
}

/** ⌊n / d⌋ (towards −∞; bigint `/` truncates towards zero). */
export function divFloor(n: bigint, d: bigint): bigint {
  checkDivisor(d);
  const q = n / d;
  return n % d !== 0n && (n < 0n) !== (d < 0n) ? q - 1n : q;
}

/** ⌈n / d⌉. */
export function divCeil(n: bigint, d: bigint): bigint {
  return -divFloor(-n, d);
}

/** n / d rounded to nearest, ties to even ("banker's rounding": no bias over many roundings). */
export function divRoundHalfEven(n: bigint, d: bigint): bigint {
  checkDivisor(d);
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const q = divFloor(n, d);
  const twiceRemainder = 2n * (n - q * d);
  if (twiceRemainder > d || (twiceRemainder === d && (q & 1n) === 1n)) return q + 1n;
  return q;
}

/** Greatest common divisor of |a| and |b| (gcd(0, 0) = 0). */
export function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** Number of bits of |n| (0 for 0n) — arith_uint256::bits() for non-negative n. */
export function bitLength(n: bigint): number {
  if (n < 0n) n = -n;
  if (n === 0n) return 0;
  const hex = n.toString(16);
  // All hex digits but the first are worth 4 bits; the first is worth its own bit length.
  return (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0]!, 16)));
}
