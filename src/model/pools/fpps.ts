// FPPS ("full pay per share"; domain-facts §2.6, SpiderPool and Pega Pool fee pages): PPS on
// subsidy plus an expected fee per block, B = S + F̄; the operator also carries the fee variance.
import { shown } from '../ledger/exact.js';
import { PerShareScheme, type PerShareOptions } from './per-share.js';

export interface FppsOptions extends PerShareOptions {
  /** F̄: expected fees per block, satoshi. ctx.expectedFeesSat, when given, takes precedence. */
  readonly expectedFeesSat: bigint;
}

export function createFpps(options: FppsOptions): PerShareScheme {
  if (typeof options.expectedFeesSat !== 'bigint' || options.expectedFeesSat < 0n) {
    throw new RangeError(`expectedFeesSat must be a bigint ≥ 0n, got ${shown(options.expectedFeesSat)}`);
  }
  return new PerShareScheme('FPPS', options, (ctx) => ctx.subsidySat + (ctx.expectedFeesSat ?? options.expectedFeesSat));
}
