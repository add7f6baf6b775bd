// GetBlockSubsidy check values (Bitcoin Core src/validation.cpp).
import { describe, expect, it } from 'vitest';
import { getBlockSubsidy, halvingsAt } from '../../../src/model/network/subsidy.js';

describe('getBlockSubsidy', () => {
  it('halves every 210 000 blocks', () => {
    expect(getBlockSubsidy(0)).toBe(5_000_000_000n);
    expect(getBlockSubsidy(209_999)).toBe(5_000_000_000n);
    expect(getBlockSubsidy(210_000)).toBe(2_500_000_000n);
    expect(getBlockSubsidy(840_000)).toBe(312_500_000n);
    expect(getBlockSubsidy(1_049_999)).toBe(312_500_000n);
    expect(getBlockSubsidy(1_050_000)).toBe(156_250_000n);
  });

  it('is zero from 64 halvings on, and already 0 sat after 33', () => {
    expect(getBlockSubsidy(33 * 210_000)).toBe(0n); // 5e9 >> 33 = 0
    expect(getBlockSubsidy(32 * 210_000)).toBe(1n);
    expect(getBlockSubsidy(64 * 210_000)).toBe(0n);
    expect(getBlockSubsidy(10_000 * 210_000)).toBe(0n);
    expect(halvingsAt(64 * 210_000)).toBe(64);
  });

  it('sums to just under 21 million BTC', () => {
    let total = 0n;
    for (let h = 0; h < 64; h++) total += getBlockSubsidy(h * 210_000) * 210_000n;
    expect(total).toBe(2_099_999_997_690_000n);
  });

  it('rejects bad heights', () => {
    expect(() => getBlockSubsidy(-1)).toThrow(/height must be an integer ≥ 0, got -1/);
    expect(() => getBlockSubsidy(1.5)).toThrow(RangeError);
  });
});
