// Units of the model: time in integer microseconds, coin in satoshi, fiat in micro-dollars ('uUSD'),
// and the conversions between them, each with its rounding rule stated.
import { divRoundHalfEven, shown } from './ledger/exact.js';

export const US_PER_MS = 1_000;
export const US_PER_S = 1_000_000;
export const US_PER_MIN = 60 * US_PER_S;
export const US_PER_HOUR = 60 * US_PER_MIN;
export const US_PER_DAY = 24 * US_PER_HOUR;
export const S_PER_DAY = 86_400;

/** Bitcoin Core's COIN (src/consensus/amount.h). */
export const SAT_PER_BTC = 100_000_000n;
export const MICRO_USD_PER_USD = 1_000_000n;
export const SAT_UNIT = 'sat';
export const MICRO_USD_UNIT = 'uUSD';

export const HS_PER_THS = 1e12;
export const HS_PER_PHS = 1e15;
export const HS_PER_EHS = 1e18;

/** Seconds → integer µs, rounded to nearest (Math.round: ties towards +∞). For durations only. */
export function secondsToUs(seconds: number): number {
  const us = Math.round(seconds * US_PER_S);
  if (!Number.isSafeInteger(us)) throw new RangeError(`seconds must give a safe integer of µs, got ${shown(seconds)}`);
  return us;
}

export function usToSeconds(us: number): number {
  return us / US_PER_S;
}

const DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/**
 * A decimal number as an integer count of 10^-decimals, rounded half-to-even. A string is read
 * exactly ("0.0000025" at 6 decimals → 2n); a number is read as its shortest round-trip decimal
 * (what String(x) prints), so 0.1 means 0.1 and not 0.1000000000000000055….
 */
export function decimalToScaled(value: number | string, decimals: number): bigint {
  if (!Number.isSafeInteger(decimals) || decimals < 0) throw new RangeError(`decimals must be an integer ≥ 0, got ${shown(decimals)}`);
  if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError(`value must be finite, got ${shown(value)}`);
  const text = typeof value === 'number' ? String(value) : value.trim();
  const m = DECIMAL.exec(text);
  if (m === null || (m[2] === '' && (m[3] ?? '') === '')) throw new RangeError(`value must be a decimal number, got ${shown(value)}`);
  const [, sign, intDigits = '', fracDigits = '', exp = '0'] = m;
  // A huge exponent would make 10n ** shift unboundedly large; no real amount needs one.
  if (Math.abs(Number(exp)) > 1000) throw new RangeError(`value exponent must be within ±1000, got ${shown(value)}`);
  const digits = BigInt((intDigits + fracDigits) || '0');
  // value = digits · 10^(exp − fracDigits.length); scaled = that · 10^decimals.
  const shift = Number(exp) - fracDigits.length + decimals;
  const magnitude = shift >= 0 ? digits * 10n ** BigInt(shift) : divRoundHalfEven(digits, 10n ** BigInt(-shift));
  return sign === '-' ? -magnitude : magnitude;
}

/** US dollars → micro-dollars, half-to-even on the printed decimal (see decimalToScaled). */
export function usdToMicroUsd(usd: number | string): bigint {
  return decimalToScaled(usd, 6);
}

/** BTC → satoshi, half-to-even on the printed decimal (see decimalToScaled). */
export function btcToSat(btc: number | string): bigint {
  return decimalToScaled(btc, 8);
}

/** Micro-dollars → dollars as a float, for display and plots only. */
export function microUsdToUsd(amountMicroUsd: bigint): number {
  return Number(amountMicroUsd) / 1e6;
}

/** Satoshi → BTC as a float, for display and plots only. */
export function satToBtc(amountSat: bigint): number {
  return Number(amountSat) / 1e8;
}

/** Value of amountSat at a BTC price, in micro-dollars, rounded half-to-even. */
export function satToMicroUsd(amountSat: bigint, priceMicroUsdPerBtc: bigint): bigint {
  if (priceMicroUsdPerBtc < 0n) throw new RangeError(`priceMicroUsdPerBtc must be ≥ 0n, got ${shown(priceMicroUsdPerBtc)}`);
  return divRoundHalfEven(amountSat * priceMicroUsdPerBtc, SAT_PER_BTC);
}

/** Satoshi bought by amountMicroUsd at a BTC price (> 0n), rounded half-to-even. */
export function microUsdToSat(amountMicroUsd: bigint, priceMicroUsdPerBtc: bigint): bigint {
  if (priceMicroUsdPerBtc <= 0n) throw new RangeError(`priceMicroUsdPerBtc must be > 0n, got ${shown(priceMicroUsdPerBtc)}`);
  return divRoundHalfEven(amountMicroUsd * SAT_PER_BTC, priceMicroUsdPerBtc);
}
