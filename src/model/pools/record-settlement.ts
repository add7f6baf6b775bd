// Writes a settlement into the double-entry ledger: coinbase → pool wallet, pool wallet → miners,
// pool wallet → operator fee account. What is retained simply stays in the pool wallet.
import type { Ledger, LedgerEntry } from '../ledger/ledger.js';
import { SAT_UNIT } from '../units.js';
import type { Settlement } from './types.js';

export interface SettlementAccounts {
  readonly atUs: number;
  /** Wallet the pool receives blocks into and pays from (and, for PPS/FPPS, holds the reserve). */
  readonly poolAccount: string;
  /** Where the explicit pool fee goes. */
  readonly feeAccount: string;
  /** Miner id → its account name. */
  readonly minerAccount: (minerId: string) => string;
  /** Source of block rewards (default 'network:coinbase'; it goes negative, which balances the books). */
  readonly sourceAccount?: string;
  /** Prefixed to every entry's reason, e.g. 'block 840000'. */
  readonly context?: string;
}

export function recordSettlement(ledger: Ledger, settlement: Settlement, accounts: SettlementAccounts): LedgerEntry[] {
  const { atUs, poolAccount } = accounts;
  const why = (reason: string) => (accounts.context === undefined ? reason : `${accounts.context}: ${reason}`);
  const entries: LedgerEntry[] = [];
  if (settlement.inflowSat > 0n) {
    entries.push(ledger.transfer({ atUs, from: accounts.sourceAccount ?? 'network:coinbase', to: poolAccount, amount: settlement.inflowSat, unit: SAT_UNIT, reason: why('block reward') }));
  }
  for (const p of settlement.payouts) {
    entries.push(ledger.transfer({ atUs, from: poolAccount, to: accounts.minerAccount(p.minerId), amount: p.amountSat, unit: SAT_UNIT, reason: why(p.reason) }));
  }
  if (settlement.poolFeeSat > 0n) {
    entries.push(ledger.transfer({ atUs, from: poolAccount, to: accounts.feeAccount, amount: settlement.poolFeeSat, unit: SAT_UNIT, reason: why('pool fee') }));
  }
  return entries;
}
