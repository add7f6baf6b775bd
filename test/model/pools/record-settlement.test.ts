// Recording settlements in the ledger: the entries an integrator gets for a PPLNS block and a PPS share.
import { describe, expect, it } from 'vitest';
import { Ledger } from '../../../src/model/ledger/ledger.js';
import { createPplns } from '../../../src/model/pools/pplns.js';
import { createPps } from '../../../src/model/pools/pps.js';
import { recordSettlement } from '../../../src/model/pools/record-settlement.js';

const accounts = { poolAccount: 'pool:wallet', feeAccount: 'pool:fee', minerAccount: (id: string) => `miner:${id}` };
const ctx = { networkDifficulty: 2, subsidySat: 1_000_000n };

describe('recordSettlement', () => {
  it('books a PPLNS block: coinbase → wallet → miners and fee; the young-pool remainder stays', () => {
    const ledger = new Ledger();
    const pplns = createPplns({ feeBps: 100 });
    pplns.onShare({ minerId: 'a', difficulty: 1, atUs: 10 }, ctx);
    const s = pplns.onBlock({ finderMinerId: 'a', atUs: 20, rewardSat: 1_000_000n, feesSat: 0n }, ctx);
    const entries = recordSettlement(ledger, s, { ...accounts, atUs: 20, context: 'block 7' });
    expect(entries.map((e) => [e.from, e.to, e.amount, e.reason])).toEqual([
      ['network:coinbase', 'pool:wallet', 1_000_000n, 'block 7: block reward'],
      ['pool:wallet', 'miner:a', 247_500n, 'block 7: pplns:block'],
      ['pool:wallet', 'pool:fee', 10_000n, 'block 7: pool fee'],
    ]);
    expect(ledger.balance('pool:wallet', 'sat')).toBe(742_500n);
    expect(ledger.sum('sat')).toBe(0n);
  });

  it('books a PPS share as a payment out of the reserve', () => {
    const ledger = new Ledger();
    const pps = createPps({ feeBps: 0 });
    recordSettlement(ledger, pps.onShare({ minerId: 'a', difficulty: 1, atUs: 0 }, ctx), { ...accounts, atUs: 0 });
    expect(ledger.balance('pool:wallet', 'sat')).toBe(-500_000n);
    expect(ledger.balance('pool:wallet', 'sat')).toBe(pps.reserveSat);
  });
});
