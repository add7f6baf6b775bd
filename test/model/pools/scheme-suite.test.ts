// One property suite for every payout scheme (as pure-rand runs one suite over every generator):
// conservation per event, determinism, no zero or negative payouts, ledger books balance.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Ledger } from '../../../src/model/ledger/ledger.js';
import { createPayoutScheme, type PayoutSchemeConfig } from '../../../src/model/pools/create-scheme.js';
import { recordSettlement } from '../../../src/model/pools/record-settlement.js';
import { splitPoolFee } from '../../../src/model/pools/settlement.js';
import type { PayoutScheme } from '../../../src/model/pools/types.js';
import { applyEvent, paidIn, poolEventsArb } from '../helpers/pool-events.js';

const configs: PayoutSchemeConfig[] = [
  { scheme: 'PPS', feeBps: 250 },
  { scheme: 'PPS', feeBps: 0, startingReserveSat: 10n ** 10n },
  { scheme: 'FPPS', feeBps: 400, expectedFeesSat: 3_000_000n },
  { scheme: 'PROP', feeBps: 100 },
  { scheme: 'PPLNS', feeBps: 150 },
  { scheme: 'PPLNS', feeBps: 0, windowFactor: 0.37 },
  { scheme: 'PPLNS', feeBps: 200, windowFactor: 5 },
  { scheme: 'SOLO', feeBps: 0 },
  { scheme: 'SOLO', feeBps: 10_000 },
];

const label = (c: PayoutSchemeConfig) => `${c.scheme} ${JSON.stringify(c, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))}`;

describe.each(configs.map((c) => [label(c), c] as const))('%s', (_name, config) => {
  it('conserves every event: inflow = payouts + pool fee + retained', () => {
    fc.assert(fc.property(poolEventsArb, (events) => {
      const scheme = createPayoutScheme(config);
      for (const event of events) {
        const s = applyEvent(scheme, event);
        const inflow = event.kind === 'block' ? event.block.rewardSat : 0n;
        expect(s.inflowSat).toBe(inflow);
        expect(paidIn(s) + s.poolFeeSat + s.retainedSat).toBe(inflow);
        expect(s.payouts.every((p) => p.amountSat > 0n && p.minerId.length > 0 && p.reason.length > 0)).toBe(true);
        expect(s.poolFeeSat >= 0n).toBe(true);
      }
    }), { seed: 101, numRuns: 150 });
  });

  it('is deterministic: the same events give the same settlements', () => {
    fc.assert(fc.property(poolEventsArb, (events) => {
      const a = createPayoutScheme(config);
      const b = createPayoutScheme(config);
      expect(events.map((e) => applyEvent(a, e))).toEqual(events.map((e) => applyEvent(b, e)));
      expect(a.totals()).toEqual(b.totals());
    }), { seed: 102, numRuns: 60 });
  });

  it('keeps totals equal to the sum of its settlements', () => {
    fc.assert(fc.property(poolEventsArb, (events) => {
      const scheme = createPayoutScheme(config);
      const settlements = events.map((e) => applyEvent(scheme, e));
      const t = scheme.totals();
      expect(t.shares + t.blocks).toBe(events.length);
      expect(t.inflowSat).toBe(settlements.reduce((s, x) => s + x.inflowSat, 0n));
      expect(t.paidSat).toBe(settlements.reduce((s, x) => s + paidIn(x), 0n));
      expect(t.inflowSat).toBe(t.paidSat + t.poolFeeSat + t.retainedSat);
    }), { seed: 103, numRuns: 60 });
  });

  it('records into a ledger whose books balance, with the pool wallet holding what was retained', () => {
    fc.assert(fc.property(poolEventsArb, (events) => {
      const scheme = createPayoutScheme(config);
      const ledger = new Ledger();
      for (const e of events) {
        const atUs = e.kind === 'share' ? e.share.atUs : e.block.atUs;
        recordSettlement(ledger, applyEvent(scheme, e), { atUs, poolAccount: 'pool:wallet', feeAccount: 'pool:fee', minerAccount: (id) => `miner:${id}` });
      }
      const t = scheme.totals();
      expect(ledger.sum('sat')).toBe(0n);
      expect(ledger.balance('pool:wallet', 'sat')).toBe(t.retainedSat);
      expect(ledger.balance('pool:fee', 'sat')).toBe(t.poolFeeSat);
      expect(ledger.balance('network:coinbase', 'sat')).toBe(-t.inflowSat);
    }), { seed: 104, numRuns: 40 });
  });

  if (config.scheme === 'PROP' || config.scheme === 'PPLNS' || config.scheme === 'SOLO') {
    it('never pays miners more than the block rewards minus the pool fee, and takes exactly the fee split', () => {
      fc.assert(fc.property(poolEventsArb, (events) => {
        const scheme = createPayoutScheme(config);
        let paid = 0n;
        let rewardsLessFee = 0n;
        for (const e of events) {
          const s = applyEvent(scheme, e);
          paid += paidIn(s);
          if (e.kind === 'block') {
            const { feeSat, minersSat } = splitPoolFee(e.block.rewardSat, config.feeBps);
            expect(s.poolFeeSat).toBe(feeSat);
            expect(s.retainedSat >= 0n).toBe(true);
            rewardsLessFee += minersSat;
          } else {
            expect(s).toEqual({ inflowSat: 0n, payouts: [], poolFeeSat: 0n, retainedSat: 0n });
          }
          expect(paid <= rewardsLessFee).toBe(true);
        }
      }), { seed: 105, numRuns: 150 });
    });
  }

  it('rejects malformed inputs with the argument named', () => {
    const scheme: PayoutScheme = createPayoutScheme(config);
    const ctx = { networkDifficulty: 1000, subsidySat: 312_500_000n };
    expect(() => scheme.onShare({ minerId: 'a', difficulty: 0, atUs: 0 }, ctx)).toThrow(/share.difficulty must be a finite number > 0, got 0/);
    expect(() => scheme.onShare({ minerId: '', difficulty: 1, atUs: 0 }, ctx)).toThrow(/share.minerId/);
    expect(() => scheme.onShare({ minerId: 'a', difficulty: 1, atUs: 0 }, { ...ctx, networkDifficulty: Number.NaN })).toThrow(/ctx.networkDifficulty/);
    expect(() => scheme.onBlock({ finderMinerId: 'a', atUs: 0, rewardSat: -1n, feesSat: 0n }, ctx)).toThrow(/block.rewardSat must be a bigint ≥ 0n, got -1n/);
    expect(() => scheme.onBlock({ finderMinerId: 'a', atUs: 0, rewardSat: 5n, feesSat: 6n }, ctx)).toThrow(/block.feesSat/);
  });
});

describe('createPayoutScheme', () => {
  it('rejects bad fees and unknown schemes', () => {
    expect(() => createPayoutScheme({ scheme: 'PROP', feeBps: 10_001 })).toThrow(/feeBps must be an integer in \[0, 10000\], got 10001/);
    expect(() => createPayoutScheme({ scheme: 'PPLNS', feeBps: 0, windowFactor: 0 })).toThrow(/windowFactor/);
    expect(() => createPayoutScheme({ scheme: 'PPLNS', feeBps: 0, windowFactor: 1e-50 })).toThrow(/windowFactor must be ≥ 2\^-128/);
    expect(() => createPayoutScheme({ scheme: 'FPPS', feeBps: 0, expectedFeesSat: -1n })).toThrow(/expectedFeesSat/);
    expect(() => createPayoutScheme({ scheme: 'PPLNT', feeBps: 0 } as unknown as PayoutSchemeConfig)).toThrow(/config.scheme must be one of/);
  });
});
