// Exact amounts as text: micro-dollars (bigint) → "$1,234.57", rounded half-to-even at the shown
// digit, never through a float, so a total printed in node and in a browser is the same characters.
import { divRoundHalfEven } from '../model/ledger/exact.js';

const MICRO_DIGITS = 6;

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** µUSD → "$1,234.57" (or "−$0.05"): `decimals` from 0 to 6 digits after the point. */
export function formatMicroUsd(amountMicroUsd: bigint, decimals = 2): string {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MICRO_DIGITS) {
    throw new RangeError(`decimals must be a whole number from 0 to ${MICRO_DIGITS}, got ${decimals}`);
  }
  const scaled = divRoundHalfEven(amountMicroUsd, 10n ** BigInt(MICRO_DIGITS - decimals));
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(decimals + 1, '0');
  const whole = groupThousands(digits.slice(0, digits.length - decimals));
  const text = decimals > 0 ? `${whole}.${digits.slice(digits.length - decimals)}` : whole;
  return `${negative ? '−' : ''}$${text}`;
}
