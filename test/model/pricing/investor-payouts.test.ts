// Investors' payouts: every satoshi of each payout accounted for, costs netted at the payout's coin
// price, losses carried forward and never charged to investors, and gross shares that ignore costs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Ledger } from '../../../src/model/ledger/ledger.js';
import { investorAccount, InvestorBook, type InvestorsConfig } from '../../../src/model/pricing/investor-payouts.js';

const PRICE = 100_000_000_000n; // $100,000 per BTC in µUSD: 1 sat = 1,000 µUSD

function fund(ledger: Ledger, owner: string, sat: bigint, atUs = 0): void {
  if (sat > 0n) ledger.transfer({ atUs, from: 'network:coinbase', to: owner, amount: sat, unit: 'sat', reason: 'income' });
}

const config = (basis: 'gross' | 'net', shares: number[]): InvestorsConfig => ({
  basis, payoutIntervalUs: 1, holdings: shares.map((shareBps, i) => ({ id: `i${i}`, shareBps, investedMicroUsd: 0n })),
});

describe('InvestorBook', () => {
  it('pays shares of the net: income less costs converted at the payout price', () => {
    const ledger = new Ledger();
    const book = new InvestorBook('retail:a', config('net', [4_000, 1_000]));
    fund(ledger, 'retail:a', 100_000n);
    book.addIncomeSat(100_000n);
    book.addCostMicroUsd(30_000_000n); // $30 = 30,000 sat at $100k
    const payout = book.payOut(ledger, 10, PRICE);
    expect(payout.costSat).toBe(30_000n);
    expect(payout.distributableSat).toBe(70_000n);
    expect(payout.paidSat).toEqual([28_000n, 7_000n]);
    expect(ledger.balance(investorAccount('i0'), 'sat')).toBe(28_000n);
    expect(ledger.balance('retail:a', 'sat')).toBe(65_000n);
    expect(book.totals[0]!.paidMicroUsd).toBe(28_000_000n);
  });

  it('carries a loss forward and pays nobody until it is made up', () => {
    const ledger = new Ledger();
    const book = new InvestorBook('owner', config('net', [5_000]));
    fund(ledger, 'owner', 10_000n);
    book.addIncomeSat(10_000n);
    book.addCostMicroUsd(25_000_000n); // 25,000 sat
    expect(book.payOut(ledger, 1, PRICE)).toMatchObject({ distributableSat: 0n, paidSat: [0n], carriedLossSat: 15_000n });
    fund(ledger, 'owner', 20_000n, 2);
    book.addIncomeSat(20_000n);
    expect(book.payOut(ledger, 2, PRICE)).toMatchObject({ distributableSat: 5_000n, paidSat: [2_500n], carriedLossSat: 0n });
    expect(ledger.balance(investorAccount('i0'), 'sat')).toBe(2_500n);
  });

  it('gross shares ignore costs', () => {
    const ledger = new Ledger();
    const book = new InvestorBook('owner', config('gross', [2_500]));
    fund(ledger, 'owner', 1_001n);
    book.addIncomeSat(1_001n);
    book.addCostMicroUsd(10n ** 12n);
    expect(book.payOut(ledger, 1, PRICE).paidSat).toEqual([250n]);
  });

  it('accounts for every satoshi over any sequence of payouts, shares, costs and prices', () => {
    const step = fc.record({ incomeSat: fc.bigInt({ min: 0n, max: 10n ** 10n }), costMicroUsd: fc.bigInt({ min: 0n, max: 10n ** 10n }), priceUsd: fc.integer({ min: 1_000, max: 500_000 }) });
    const input = fc.record({
      basis: fc.constantFrom('gross' as const, 'net' as const),
      shares: fc.array(fc.integer({ min: 0, max: 2_500 }), { minLength: 1, maxLength: 4 }),
      steps: fc.array(step, { minLength: 1, maxLength: 12 }),
    });
    fc.assert(fc.property(input, ({ basis, shares, steps }) => {
      const ledger = new Ledger();
      const book = new InvestorBook('owner', config(basis, shares));
      let income = 0n;
      let paid = 0n;
      steps.forEach((s, k) => {
        fund(ledger, 'owner', s.incomeSat, k);
        book.addIncomeSat(s.incomeSat);
        book.addCostMicroUsd(s.costMicroUsd);
        income += s.incomeSat;
        const payout = book.payOut(ledger, k, BigInt(s.priceUsd) * 1_000_000n);
        const paidNow = payout.paidSat.reduce((a, b) => a + b, 0n);
        // Investors get at most their shares of what was distributable, each within one sat of exact.
        payout.paidSat.forEach((p, i) => {
          const exact = payout.distributableSat * BigInt(shares[i]!);
          expect(p * 10_000n - exact > -10_000n && p * 10_000n - exact < 10_000n).toBe(true);
        });
        expect(paidNow <= payout.distributableSat).toBe(true);
        paid += paidNow;
      });
      const investors = book.totals.reduce((s, t) => s + ledger.balance(investorAccount(t.id), 'sat'), 0n);
      expect(investors).toBe(paid);
      expect(ledger.balance('owner', 'sat')).toBe(income - paid);
      expect(ledger.balance('owner', 'sat') >= 0n).toBe(true);
      expect(ledger.sum('sat')).toBe(0n);
    }), { seed: 5101, numRuns: 300 });
  });

  it('rejects shares over 100 % and repeated investors, naming them', () => {
    expect(() => new InvestorBook('o', config('net', [6_000, 5_000]))).toThrow(/shareBps must sum to ≤ 10000, got 11000/);
    expect(() => new InvestorBook('o', { basis: 'net', payoutIntervalUs: 1, holdings: [{ id: 'a', shareBps: 1, investedMicroUsd: 0n }, { id: 'a', shareBps: 1, investedMicroUsd: 0n }] }))
      .toThrow(/holdings\[1\].id must be unique, got "a" twice/);
  });
});
