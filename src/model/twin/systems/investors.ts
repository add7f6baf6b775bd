// Investors owning shares of the fleet operator's earnings (DESIGN.md system 3, "profit per investor,
// payouts by accounting rules"): the operator's sat income — the fleet's pool payouts, or with the
// colo its wholesale share — gross or net of the energy bill, paid out at an interval.
import { InvestorBook, type InvestorsConfig } from '../../pricing/index.js';
import { MICRO_USD_UNIT, SAT_UNIT } from '../../units.js';
import { minerAccount } from '../pool-runtime.js';
import { OPERATOR_ACCOUNT, POWER_UTILITY_ACCOUNT } from '../site-runtime.js';
import type { TableRow, TwinSystem, TwinSystemContext } from '../system.js';
import { PRIORITY_PAY_INVESTORS, priceMicroUsdPerBtcBefore, scheduleEvery } from './after-payouts.js';
import { investorRows } from './investor-rows.js';

export const INVESTORS = 'investors';

export function createInvestorsSystem(ctx: TwinSystemContext): TwinSystem | undefined {
  const config = ctx.config.systems.investors;
  return config === undefined ? undefined : new InvestorsSystem(ctx, config);
}

class InvestorsSystem implements TwinSystem {
  readonly name = INVESTORS;
  private readonly ctx: TwinSystemContext;
  private readonly book: InvestorBook;
  /** Without the colo the fleet's pool payouts are the operator's income; with it, the colo pays the operator its wholesale share. */
  private readonly sweepsMinerAccounts: boolean;
  private operatorSatSeen = 0n;
  private energyBilledSeen = 0n;

  constructor(ctx: TwinSystemContext, config: InvestorsConfig) {
    this.ctx = ctx;
    this.book = new InvestorBook(OPERATOR_ACCOUNT, config);
    this.sweepsMinerAccounts = ctx.config.systems.colo === undefined;
    scheduleEvery(ctx, config.payoutIntervalUs, PRIORITY_PAY_INVESTORS, (atUs) => this.payOut(atUs));
  }

  finish(horizonUs: number): void {
    this.payOut(horizonUs);
  }

  kpis(): Record<string, number> {
    const paidSat = this.book.totals.reduce((s, t) => s + t.paidSat, 0n);
    const paidMicroUsd = this.book.totals.reduce((s, t) => s + t.paidMicroUsd, 0n);
    const income = this.book.incomeTotalSat;
    return {
      investors: this.book.totals.length,
      operatorIncomeSat: Number(income),
      energyCostUsd: Number((Number(this.book.costTotalMicroUsd) / 1e6).toFixed(2)),
      paidSat: Number(paidSat),
      paidUsd: Number((Number(paidMicroUsd) / 1e6).toFixed(2)),
      paidPctOfIncome: income > 0n ? Number(((100 * Number(paidSat)) / Number(income)).toFixed(4)) : 0,
      carriedLossSat: Number(this.book.carriedLossSat),
    };
  }

  tables(): Record<string, TableRow[]> {
    return { holders: investorRows(OPERATOR_ACCOUNT, this.book, this.ctx.config.horizonUs) };
  }

  private payOut(atUs: number): void {
    const { ledger } = this.ctx;
    if (this.sweepsMinerAccounts) {
      for (const g of this.ctx.groups) {
        const cash = ledger.balance(minerAccount(g.config.id), SAT_UNIT);
        if (cash > 0n) ledger.transfer({ atUs, from: minerAccount(g.config.id), to: OPERATOR_ACCOUNT, amount: cash, unit: SAT_UNIT, reason: 'fleet earnings to the operator' });
      }
    }
    // The operator's sat are debited only by these payouts, so what is new since the last one is income.
    const operatorSat = ledger.balance(OPERATOR_ACCOUNT, SAT_UNIT);
    this.book.addIncomeSat(operatorSat - this.operatorSatSeen);
    const energyBilled = ledger.balance(POWER_UTILITY_ACCOUNT, MICRO_USD_UNIT);
    this.book.addCostMicroUsd(energyBilled - this.energyBilledSeen);
    this.energyBilledSeen = energyBilled;
    const payout = this.book.payOut(ledger, atUs, priceMicroUsdPerBtcBefore(this.ctx, atUs));
    this.operatorSatSeen = ledger.balance(OPERATOR_ACCOUNT, SAT_UNIT);
    const paidSat = payout.paidSat.reduce((a, b) => a + b, 0n);
    if (paidSat > 0n) this.ctx.recorder.log(atUs, 'InvestorsPaid', { owner: OPERATOR_ACCOUNT, paidSat: String(paidSat), distributableSat: String(payout.distributableSat) });
  }
}
