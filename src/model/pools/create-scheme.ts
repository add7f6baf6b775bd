// One factory from a scheme's configuration to its implementation, for scenarios and sweeps.
import { createFpps } from './fpps.js';
import { createPplns } from './pplns.js';
import { createPps } from './pps.js';
import { createProp } from './prop.js';
import { createSolo } from './solo.js';
import type { PayoutScheme } from './types.js';

export type PayoutSchemeConfig =
  | { readonly scheme: 'PPS'; readonly feeBps: number; readonly startingReserveSat?: bigint }
  | { readonly scheme: 'FPPS'; readonly feeBps: number; readonly expectedFeesSat: bigint; readonly startingReserveSat?: bigint }
  | { readonly scheme: 'PROP'; readonly feeBps: number }
  | { readonly scheme: 'PPLNS'; readonly feeBps: number; readonly windowFactor?: number }
  | { readonly scheme: 'SOLO'; readonly feeBps: number };

export function createPayoutScheme(config: PayoutSchemeConfig): PayoutScheme {
  switch (config.scheme) {
    case 'PPS':
      return createPps(config);
    case 'FPPS':
      return createFpps(config);
    case 'PROP':
      return createProp(config);
    case 'PPLNS':
      return createPplns(config);
    case 'SOLO':
      return createSolo(config);
    default: {
      const unknown: { scheme?: unknown } = config;
      throw new RangeError(`config.scheme must be one of PPS, FPPS, PROP, PPLNS, SOLO, got ${String(unknown.scheme)}`);
    }
  }
}
