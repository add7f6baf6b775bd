// The double-entry ledger: books balance in every unit, distribute conserves, errors name arguments.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Ledger } from '../../../src/model/ledger/ledger.js';

const accounts = ['network:coinbase', 'pool:wallet', 'pool:fee', 'miner:a', 'miner:b', 'colo:rent'];
const transferArb = fc.record({
  from: fc.constantFrom(...accounts),
  to: fc.constantFrom(...accounts),
  amount: fc.bigInt({ min: 1n, max: 2n ** 70n }),
  unit: fc.constantFrom('sat', 'uUSD'),
  dtUs: fc.integer({ min: 0, max: 1_000_000 }),
}).filter((t) => t.from !== t.to);

describe('Ledger', () => {
  it('keeps every unit summing to zero over random transfer sequences', () => {
    fc.assert(fc.property(fc.array(transferArb, { maxLength: 60 }), (transfers) => {
      const ledger = new Ledger();
      let atUs = 0;
      for (const t of transfers) {
        atUs += t.dtUs;
        ledger.transfer({ atUs, from: t.from, to: t.to, amount: t.amount, unit: t.unit, reason: 'test' });
      }
      for (const unit of ['sat', 'uUSD']) expect(ledger.sum(unit)).toBe(0n);
      expect(ledger.entries()).toHaveLength(transfers.length);
      // Balances are the credits minus the debits of the journal.
      for (const unit of ledger.units()) {
        for (const [account, balance] of ledger.balances().get(unit)!) {
          const net = ledger.entries().filter((e) => e.unit === unit).reduce((s, e) => s + (e.to === account ? e.amount : 0n) - (e.from === account ? e.amount : 0n), 0n);
          expect(balance).toBe(net);
        }
      }
    }), { seed: 42, numRuns: 200 });
  });

  it('distribute conserves the amount to the unit', () => {
    const recipients = fc.array(fc.record({ account: fc.constantFrom('miner:a', 'miner:b', 'miner:c', 'pool:wallet'), weight: fc.bigInt({ min: 0n, max: 2n ** 40n }) }), { minLength: 1, maxLength: 10 })
      .filter((rs) => rs.some((r) => r.weight > 0n));
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 2n ** 80n }), recipients, (amount, rs) => {
      const ledger = new Ledger();
      ledger.transfer({ atUs: 0, from: 'network:coinbase', to: 'pool:wallet', amount: amount + 1n, unit: 'sat', reason: 'block' });
      const before = ledger.balance('pool:wallet', 'sat');
      const entries = ledger.distribute({ atUs: 1, from: 'pool:wallet', unit: 'sat', reason: 'payout', amount, recipients: rs });
      const moved = entries.reduce((s, e) => s + e.amount, 0n);
      const selfPart = amount - moved; // what the pool "paid" itself stays put
      expect(ledger.balance('pool:wallet', 'sat')).toBe(before - amount + selfPart);
      expect(entries.every((e) => e.amount > 0n && e.to !== 'pool:wallet')).toBe(true);
      expect(ledger.sum('sat')).toBe(0n);
    }), { seed: 43, numRuns: 300 });
  });

  it('serialises amounts as decimal strings with sorted balances', () => {
    const ledger = new Ledger();
    ledger.transfer({ atUs: 5, from: 'network:coinbase', to: 'pool:wallet', amount: 2n ** 70n, unit: 'sat', reason: 'block 1' });
    ledger.transfer({ atUs: 5, from: 'pool:wallet', to: 'miner:b', amount: 3n, unit: 'sat', reason: 'payout' });
    const json = JSON.parse(JSON.stringify(ledger)) as ReturnType<Ledger['toJSON']>;
    expect(json.entries[0]!.amount).toBe('1180591620717411303424');
    expect(Object.keys(json.balances['sat']!)).toEqual(['miner:b', 'network:coinbase', 'pool:wallet']);
    expect(json.balances['sat']!['network:coinbase']).toBe('-1180591620717411303424');
    expect(json.entryCount).toBe(2);
  });

  it('can keep balances only', () => {
    const ledger = new Ledger({ keepEntries: false });
    ledger.transfer({ atUs: 0, from: 'x', to: 'y', amount: 1n, unit: 'sat', reason: 'r' });
    expect(ledger.entries()).toHaveLength(0);
    expect(ledger.entryCount).toBe(1);
    expect(ledger.balance('y', 'sat')).toBe(1n);
  });

  it('rejects programmer mistakes with the argument and value', () => {
    const ledger = new Ledger();
    const ok = { atUs: 10, from: 'a', to: 'b', amount: 1n, unit: 'sat', reason: 'r' };
    expect(() => ledger.transfer({ ...ok, amount: 0n })).toThrow(/amount must be a bigint > 0n, got 0n/);
    expect(() => ledger.transfer({ ...ok, to: 'a' })).toThrow(/to must differ from from/);
    expect(() => ledger.transfer({ ...ok, unit: '' })).toThrow(/unit must be a non-empty string/);
    expect(() => ledger.transfer({ ...ok, atUs: -1 })).toThrow(/atUs must be an integer ≥ 0, got -1/);
    ledger.transfer(ok);
    expect(() => ledger.transfer({ ...ok, atUs: 9 })).toThrow(/atUs must be ≥ the last entry's 10, got 9/);
  });
});
