// Hex ↔ bytes with validation that names the argument; no node built-ins (runs in browsers and workers).
import { HashInputError, shown } from './errors.js';

const HEX_DIGITS = '0123456789abcdef';

/** Parses hex (an optional 0x prefix allowed) into bytes; `expectedBytes` pins the length when given. */
export function hexToBytes(hex: string, argument: string, expectedBytes?: number): Uint8Array {
  if (typeof hex !== 'string') throw new HashInputError(argument, `must be a hex string, got ${shown(hex)}`);
  const digits = hex.startsWith('0x') || hex.startsWith('0X') ? hex.slice(2) : hex;
  if (digits.length % 2 !== 0) {
    throw new HashInputError(argument, `must have an even number of hex digits, got ${digits.length}`);
  }
  if (!/^[0-9a-fA-F]*$/.test(digits)) {
    throw new HashInputError(argument, `must be hex digits 0-9a-f, got ${shown(hex)}`);
  }
  if (expectedBytes !== undefined && digits.length !== expectedBytes * 2) {
    throw new HashInputError(argument, `must be ${expectedBytes * 2} hex digits (${expectedBytes} bytes), got ${digits.length}`);
  }
  const bytes = new Uint8Array(digits.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(digits.substr(i * 2, 2), 16);
  return bytes;
}

export function bytesToHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    out += HEX_DIGITS[b >>> 4] + HEX_DIGITS[b & 15];
  }
  return out;
}

/** Bitcoin prints hashes byte-reversed ("display order"). */
export function reversed(bytes: Uint8Array): Uint8Array {
  return bytes.slice().reverse();
}
