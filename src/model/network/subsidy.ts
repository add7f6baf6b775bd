// Block subsidy schedule, Bitcoin Core src/validation.cpp GetBlockSubsidy.
import { shown } from '../ledger/exact.js';
import { COIN, SUBSIDY_HALVING_INTERVAL } from './chain-params.js';

/** Halvings before a height: ⌊height / 210 000⌋. */
export function halvingsAt(height: number): number {
  if (!Number.isSafeInteger(height) || height < 0) throw new RangeError(`height must be an integer ≥ 0, got ${shown(height)}`);
  return Math.floor(height / SUBSIDY_HALVING_INTERVAL);
}

/** Subsidy in satoshi: (50 · COIN) >> halvings, and 0 from 64 halvings on (where >> would be undefined in C++). */
export function getBlockSubsidy(height: number): bigint {
  const halvings = halvingsAt(height);
  if (halvings >= 64) return 0n;
  return (50n * COIN) >> BigInt(halvings);
}
