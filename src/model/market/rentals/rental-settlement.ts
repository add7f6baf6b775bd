// Books each closed accounting window of each rental once: the customer pays the window's price
// share ('RentalCharged'), the operator pays back the refund rule's amount ('RefundIssued'). Every
// amount is a whole micro-dollar moved through the Ledger, so the books balance by construction.
import type { Ledger } from '../../ledger/ledger.js';
import { MICRO_USD_UNIT } from '../../units.js';
import type { RefundRule } from './refund-rules.js';
import type { RentalBook } from './rental-book.js';
import { windowDowntimeUs, windowRefund } from './rental-kpis.js';

export interface RentalSettlement {
  readonly rentalId: string;
  readonly customerId: string;
  readonly windowIndex: number;
  readonly windowStartUs: number;
  readonly windowEndUs: number;
  readonly chargedMicroUsd: bigint;
  readonly refundMicroUsd: bigint;
}

export interface SettlementAccounts {
  readonly operatorAccount: string;
  readonly customerPrefix: string;
}

/**
 * Settles windows with endUs ≤ atUs not yet settled, in rental then window order. Call it after the
 * shares of those windows are fed: shares credited to a settled window change its KPIs, not the books.
 */
export function settleRentals(
  books: Iterable<RentalBook>, rule: RefundRule, ledger: Ledger, atUs: number, accounts: SettlementAccounts,
): RentalSettlement[] {
  const out: RentalSettlement[] = [];
  for (const book of books) {
    const customer = accounts.customerPrefix + book.spec.customerId;
    for (const w of book.windows) {
      if (w.settled || w.endUs > atUs) continue;
      const refund = windowRefund(rule, book, w, windowDowntimeUs(book, w, atUs));
      if (refund < 0n || refund > w.priceMicroUsd) {
        throw new RangeError(`refund rule '${rule.name}' must return 0n ≤ refund ≤ ${w.priceMicroUsd}n, got ${refund}n`);
      }
      if (w.priceMicroUsd > 0n) {
        ledger.transfer({ atUs, from: customer, to: accounts.operatorAccount, amount: w.priceMicroUsd, unit: MICRO_USD_UNIT, reason: 'RentalCharged' });
      }
      if (refund > 0n) {
        ledger.transfer({ atUs, from: accounts.operatorAccount, to: customer, amount: refund, unit: MICRO_USD_UNIT, reason: 'RefundIssued' });
      }
      w.settled = true;
      out.push({
        rentalId: book.spec.id, customerId: book.spec.customerId, windowIndex: w.index,
        windowStartUs: w.startUs, windowEndUs: w.endUs, chargedMicroUsd: w.priceMicroUsd, refundMicroUsd: refund,
      });
    }
  }
  return out;
}
