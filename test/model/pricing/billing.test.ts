// Pay-as-you-play billing: line amounts, conservation between invoices and the ledger, commitment
// shortfalls charged exactly when usage falls short, and the epochs commitments are counted in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Ledger } from '../../../src/model/ledger/ledger.js';
import { Biller } from '../../../src/model/pricing/billing.js';
import { commitmentShortfall, createCommitment } from '../../../src/model/pricing/commitment.js';
import { commitmentDurationUs, DEFAULT_COMMITMENT_EPOCHS, epochDurationUs, ETHASH_EPOCH, SHA256D_RETARGET_EPOCH } from '../../../src/model/pricing/epochs.js';
import { RESOURCE_IDS } from '../../../src/model/pricing/resources.js';
import { US_PER_DAY, US_PER_HOUR } from '../../../src/model/units.js';

const SLOT = 900_000_000; // 15 min
const UNIT = 'uUSD';

describe('mining epochs', () => {
  it('are explicit: Ethash 30,000 blocks ≈ 125 h, SHA-256d the 2,016-block retarget period = 14 d', () => {
    expect(epochDurationUs(ETHASH_EPOCH)).toBe(125 * US_PER_HOUR);
    expect(epochDurationUs(SHA256D_RETARGET_EPOCH)).toBe(14 * US_PER_DAY);
    expect(DEFAULT_COMMITMENT_EPOCHS).toBe(6);
    expect(commitmentDurationUs(6, ETHASH_EPOCH)).toBe(750 * US_PER_HOUR);
    expect(commitmentDurationUs(6)).toBe(84 * US_PER_DAY);
    expect(() => commitmentDurationUs(0)).toThrow(/epochs must be a whole number ≥ 1, got 0/);
  });

  it('set a commitment term, a whole number of 15-minute slots for both', () => {
    const c = createCommitment({ commitmentId: 'c', tenantId: 't', resource: 'storage-iops', quantity: 5_000n, priceMicroUsdPerLotSlot: 11_285n, startUs: 0, epoch: ETHASH_EPOCH });
    expect(c.endUs).toBe(750 * US_PER_HOUR);
    expect((c.endUs - c.startUs) / SLOT).toBe(3_000);
  });
});

describe('Biller', () => {
  it('bills usage × slot price per lot, summed exactly and rounded once per line', () => {
    const ledger = new Ledger();
    const biller = new Biller({ slotUs: SLOT });
    // 2,500 IOPS at 11,285 and 11,286 µUSD per 1,000 IOPS: 28,212.5 + 28,215 = 56,427.5 → 56,428 (half-to-even)
    biller.recordUsage({ tenantId: 'alice', resource: 'storage-iops', slotStartUs: 0, quantity: 2_500n, priceMicroUsdPerLotSlot: 11_285n });
    biller.recordUsage({ tenantId: 'alice', resource: 'storage-iops', slotStartUs: SLOT, quantity: 2_500n, priceMicroUsdPerLotSlot: 11_286n });
    biller.recordUsage({ tenantId: 'alice', resource: 'storage-throughput', slotStartUs: 0, quantity: 125n, priceMicroUsdPerLotSlot: 0n });
    biller.recordUsage({ tenantId: 'bob', resource: 'compute', slotStartUs: SLOT, quantity: 1_500n, priceMicroUsdPerLotSlot: 9_830n });
    const invoices = biller.closePeriod(2 * SLOT, ledger);
    expect(invoices.map((i) => i.tenantId)).toEqual(['alice', 'bob']);
    const [alice, bob] = invoices as [typeof invoices[0], typeof invoices[0]];
    expect(alice.lines.map((l) => [l.resource, l.reason, l.quantitySlots, l.slotCount, l.amountMicroUsd])).toEqual([
      ['storage-iops', 'usage', 5_000n, 2, 56_428n],
      ['storage-throughput', 'usage', 125n, 1, 0n],
    ]);
    expect(alice.totalMicroUsd).toBe(56_428n);
    expect(bob.totalMicroUsd).toBe(14_745n); // 1.5 CU · 9,830
    expect(ledger.entries().map((e) => [e.from, e.to, e.amount, e.reason])).toEqual([
      ['tenant:alice', 'colo', 56_428n, 'usage:storage-iops'],
      ['tenant:bob', 'colo', 14_745n, 'usage:compute'],
    ]);
    expect(ledger.sum(UNIT)).toBe(0n);
    expect(biller.currentPeriodStartUs).toBe(2 * SLOT);
  });

  it('conserves money: Σ invoice lines = Σ ledger transfers, books sum to zero, per tenant too', () => {
    const usage = fc.array(fc.record({
      tenant: fc.constantFrom('a', 'b', 'c'),
      resource: fc.constantFrom(...RESOURCE_IDS),
      slot: fc.integer({ min: 0, max: 7 }),
      // Small ones too, so lines of 0 and 1 µUSD (the booking edge cases) come up often.
      quantity: fc.oneof(fc.bigInt({ min: 0n, max: 2_000n }), fc.bigInt({ min: 0n, max: 10n ** 7n })),
      price: fc.oneof(fc.bigInt({ min: 0n, max: 3n }), fc.bigInt({ min: 0n, max: 10n ** 6n })),
    }), { maxLength: 60 });
    const periodEnds = fc.uniqueArray(fc.integer({ min: 1, max: 8 }), { maxLength: 4 }).map((xs) => [...xs.sort((x, y) => x - y).filter((x) => x < 8), 8]);
    fc.assert(fc.property(usage, periodEnds, (records, ends) => {
      const ledger = new Ledger();
      const biller = new Biller({ slotUs: SLOT });
      const invoiced = new Map<string, bigint>();
      let start = 0;
      for (const end of ends) {
        for (const r of records.filter((x) => x.slot >= start && x.slot < end)) {
          biller.recordUsage({ tenantId: r.tenant, resource: r.resource, slotStartUs: r.slot * SLOT, quantity: r.quantity, priceMicroUsdPerLotSlot: r.price });
        }
        for (const invoice of biller.closePeriod(end * SLOT, ledger)) {
          expect(invoice.totalMicroUsd).toBe(invoice.lines.reduce((s, l) => s + l.amountMicroUsd, 0n));
          invoiced.set(invoice.tenantId, (invoiced.get(invoice.tenantId) ?? 0n) + invoice.totalMicroUsd);
        }
        start = end;
      }
      const totalInvoiced = [...invoiced.values()].reduce((s, x) => s + x, 0n);
      expect(ledger.entries().reduce((s, e) => s + e.amount, 0n)).toBe(totalInvoiced);
      expect(ledger.sum(UNIT)).toBe(0n);
      expect(ledger.balance('colo', UNIT)).toBe(totalInvoiced);
      for (const [tenant, amount] of invoiced) expect(ledger.balance(`tenant:${tenant}`, UNIT)).toBe(-amount);
    }), { seed: 3301, numRuns: 300 });
  });

  it('charges a commitment shortfall exactly when usage is under the commitment, once, at the term end', () => {
    const epoch = { name: 'test-epoch', blocks: 4, blockIntervalUs: SLOT }; // 4 slots per epoch
    fc.assert(fc.property(
      fc.bigInt({ min: 1n, max: 10_000n }),
      fc.array(fc.bigInt({ min: 0n, max: 20_000n }), { minLength: 12, maxLength: 12 }),
      fc.bigInt({ min: 1n, max: 100_000n }),
      (committed, perSlot, rate) => {
        const ledger = new Ledger();
        const biller = new Biller({ slotUs: SLOT });
        // Term: 2 epochs × 4 slots = slots 0..7; slots 8..11 fall after it and do not count.
        biller.addCommitment(createCommitment({ commitmentId: 'c1', tenantId: 't', resource: 'storage-capacity', quantity: committed, priceMicroUsdPerLotSlot: rate, startUs: 0, epochs: 2, epoch }));
        const shortfallLines: bigint[] = [];
        for (let slot = 0; slot < 12; slot++) {
          biller.recordUsage({ tenantId: 't', resource: 'storage-capacity', slotStartUs: slot * SLOT, quantity: perSlot[slot]!, priceMicroUsdPerLotSlot: 1n });
          for (const inv of biller.closePeriod((slot + 1) * SLOT, ledger)) {
            for (const line of inv.lines) if (line.reason === 'commitment-shortfall') {
              expect(slot).toBe(7); // the close that reaches the term's end
              shortfallLines.push(line.amountMicroUsd);
            }
          }
        }
        const used = perSlot.slice(0, 8).reduce((s, q) => s + q, 0n);
        const owed = 8n * committed - used;
        if (owed > 0n) {
          expect(shortfallLines).toEqual([(owed * rate + 999n) / 1_000n]); // ⌈shortfall · rate / lot⌉
          expect(shortfallLines[0]! > 0n).toBe(true);
        } else {
          expect(shortfallLines).toEqual([]);
        }
        expect(ledger.sum(UNIT)).toBe(0n);
      },
    ), { seed: 3302, numRuns: 300 });
  });

  it('describes the shortfall line and books it tenant → colo', () => {
    const ledger = new Ledger();
    const biller = new Biller({ slotUs: SLOT, coloAccount: 'colo:partner' });
    const c = createCommitment({ commitmentId: 'c7', tenantId: 'pool-x', resource: 'compute', quantity: 2_000n, priceMicroUsdPerLotSlot: 9_830n, startUs: 0, epochs: 1, epoch: { name: 'e', blocks: 2, blockIntervalUs: SLOT } });
    biller.addCommitment(c);
    biller.recordUsage({ tenantId: 'pool-x', resource: 'compute', slotStartUs: 0, quantity: 1_000n, priceMicroUsdPerLotSlot: 9_000n });
    const [invoice] = biller.closePeriod(2 * SLOT, ledger);
    const shortfall = invoice!.lines.find((l) => l.reason === 'commitment-shortfall')!;
    expect(shortfall.quantitySlots).toBe(3_000n); // 2 slots · 2,000 mCU − 1,000 used
    expect(shortfall.amountMicroUsd).toBe(29_490n); // 3 CU·slots · 9,830
    expect(shortfall.note).toMatch(/commitment c7: used 1000 of 4000 committed mCU·slots/);
    expect(ledger.balance('colo:partner', UNIT)).toBe(9_000n + 29_490n);
    expect(commitmentShortfall(c, 4_000n, SLOT).amountMicroUsd).toBe(0n);
  });

  it('rejects usage off the slot grid or in a closed period, and periods that skip recorded slots', () => {
    const ledger = new Ledger();
    const biller = new Biller({ slotUs: SLOT });
    expect(() => biller.recordUsage({ tenantId: 't', resource: 'compute', slotStartUs: 5, quantity: 1n, priceMicroUsdPerLotSlot: 1n })).toThrow(/slotStartUs must be a multiple of slotUs = 900000000, got 5/);
    biller.recordUsage({ tenantId: 't', resource: 'compute', slotStartUs: SLOT, quantity: 1n, priceMicroUsdPerLotSlot: 1n });
    expect(() => biller.closePeriod(SLOT, ledger)).toThrow(/periodEndUs must cover every recorded slot \(to 1800000000\), got 900000000/);
    biller.closePeriod(2 * SLOT, ledger);
    expect(() => biller.recordUsage({ tenantId: 't', resource: 'compute', slotStartUs: 0, quantity: 1n, priceMicroUsdPerLotSlot: 1n })).toThrow(/slotStartUs must be ≥ the open period's start/);
    expect(() => biller.recordUsage({ tenantId: 't', resource: 'gpu' as never, slotStartUs: 2 * SLOT, quantity: 1n, priceMicroUsdPerLotSlot: 1n })).toThrow(/resource must be one of/);
  });
});
