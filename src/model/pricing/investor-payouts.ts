// Investors owning shares of an owner's earnings (a retail pool manager's rewards, a fleet
// operator's mining income): paid in sat at an interval, gross or net of the owner's US$ costs, with
// losses carried forward — one largest-remainder split per payout, so every satoshi is accounted for.
import type { Ledger } from '../ledger/ledger.js';
import { splitByWeights } from '../ledger/split.js';
import { microUsdToSat, satToMicroUsd, SAT_UNIT } from '../units.js';
import { BPS_PER_WHOLE, checkAtUs, checkBps, checkName, checkNonNegativeBigint } from './_check.js';
import { shown } from '../checks.js';

/** 'gross': shares of the income; 'net': shares of the income less the owner's costs (converted to sat). */
export type InvestorBasis = 'gross' | 'net';

export interface InvestorHolding {
  readonly id: string;
  /** Share of the owner's distributable earnings, in basis points; all holdings sum to ≤ 10 000. */
  readonly shareBps: number;
  /** What the investor paid in (for profit and return); 0n when not tracked. */
  readonly investedMicroUsd: bigint;
}

export interface InvestorsConfig {
  readonly basis: InvestorBasis;
  readonly payoutIntervalUs: number;
  readonly holdings: readonly InvestorHolding[];
}

export function investorAccount(investorId: string): string {
  return `investor:${investorId}`;
}

export interface InvestorTotals {
  readonly id: string;
  readonly shareBps: number;
  readonly investedMicroUsd: bigint;
  paidSat: bigint;
  /** Each payout valued at the coin price it was paid at. */
  paidMicroUsd: bigint;
  payouts: number;
}

export interface InvestorPayout {
  readonly atUs: number;
  readonly incomeSat: bigint;
  readonly costSat: bigint;
  /** What was split this time: income − costs − the loss carried in, when positive. */
  readonly distributableSat: bigint;
  /** One per holding, in holding order; the owner keeps distributable − Σ these. */
  readonly paidSat: readonly bigint[];
  readonly carriedLossSat: bigint;
}

/**
 * Rules: income and costs accumulate between payouts; at a payout the costs are converted to sat at
 * that moment's coin price (half-to-even, units.ts microUsdToSat). Distributable = income − costs −
 * the loss carried in (net basis; gross ignores costs). A negative result is carried to the next
 * payout and nobody is paid — investors are never asked to pay back. A positive one is split by
 * [share₁ … shareₙ, the owner's rest] with largest remainder, so Σ parts = distributable exactly.
 */
export class InvestorBook {
  readonly ownerAccount: string;
  readonly basis: InvestorBasis;
  readonly totals: readonly InvestorTotals[];
  private readonly ownerBps: number;
  private incomeSat = 0n;
  private costMicroUsd = 0n;
  private lossSat = 0n;
  private incomeAllSat = 0n;
  private costAllMicroUsd = 0n;

  constructor(ownerAccount: string, config: InvestorsConfig) {
    this.ownerAccount = checkName('ownerAccount', ownerAccount);
    if (config.basis !== 'gross' && config.basis !== 'net') throw new RangeError(`basis must be 'gross' or 'net', got ${shown(config.basis)}`);
    this.basis = config.basis;
    const seen = new Set<string>();
    let sharesBps = 0;
    this.totals = config.holdings.map((h, i) => {
      checkName(`holdings[${i}].id`, h.id);
      if (seen.has(h.id)) throw new RangeError(`holdings[${i}].id must be unique, got ${shown(h.id)} twice`);
      seen.add(h.id);
      sharesBps += Number(checkBps(`holdings[${i}].shareBps`, h.shareBps));
      checkNonNegativeBigint(`holdings[${i}].investedMicroUsd`, h.investedMicroUsd);
      return { id: h.id, shareBps: h.shareBps, investedMicroUsd: h.investedMicroUsd, paidSat: 0n, paidMicroUsd: 0n, payouts: 0 };
    });
    if (sharesBps > BPS_PER_WHOLE) throw new RangeError(`holdings' shareBps must sum to ≤ ${BPS_PER_WHOLE}, got ${sharesBps}`);
    this.ownerBps = BPS_PER_WHOLE - sharesBps;
  }

  /** Sat the owner received (its account must hold them when the payout comes). */
  addIncomeSat(amountSat: bigint): void {
    this.incomeSat += checkNonNegativeBigint('amountSat', amountSat);
    this.incomeAllSat += amountSat;
  }

  /** US$ the owner paid for what earned the income (colo invoices, the energy bill). */
  addCostMicroUsd(amountMicroUsd: bigint): void {
    this.costMicroUsd += checkNonNegativeBigint('amountMicroUsd', amountMicroUsd);
    this.costAllMicroUsd += amountMicroUsd;
  }

  /** All income recorded over the run. */
  get incomeTotalSat(): bigint {
    return this.incomeAllSat;
  }

  /** All costs recorded over the run. */
  get costTotalMicroUsd(): bigint {
    return this.costAllMicroUsd;
  }

  /** The loss carried to the next payout (sat). */
  get carriedLossSat(): bigint {
    return this.lossSat;
  }

  payOut(ledger: Ledger, atUs: number, priceMicroUsdPerBtc: bigint): InvestorPayout {
    checkAtUs('atUs', atUs);
    if (typeof priceMicroUsdPerBtc !== 'bigint' || priceMicroUsdPerBtc <= 0n) throw new RangeError(`priceMicroUsdPerBtc must be a bigint > 0n, got ${shown(priceMicroUsdPerBtc)}`);
    const incomeSat = this.incomeSat;
    const costSat = this.basis === 'net' ? microUsdToSat(this.costMicroUsd, priceMicroUsdPerBtc) : 0n;
    this.incomeSat = 0n;
    this.costMicroUsd = 0n;
    const result = incomeSat - costSat - this.lossSat;
    if (result <= 0n || this.totals.length === 0) {
      this.lossSat = result < 0n ? -result : 0n;
      return { atUs, incomeSat, costSat, distributableSat: result > 0n ? result : 0n, paidSat: this.totals.map(() => 0n), carriedLossSat: this.lossSat };
    }
    this.lossSat = 0n;
    const parts = splitByWeights(result, [...this.totals.map((t) => BigInt(t.shareBps)), BigInt(this.ownerBps)]);
    const paidSat = this.totals.map((t, i) => {
      const amount = parts[i]!;
      if (amount > 0n) {
        ledger.transfer({ atUs, from: this.ownerAccount, to: investorAccount(t.id), amount, unit: SAT_UNIT, reason: `investor payout (${this.basis})` });
        t.paidSat += amount;
        t.paidMicroUsd += satToMicroUsd(amount, priceMicroUsdPerBtc);
        t.payouts += 1;
      }
      return amount;
    });
    return { atUs, incomeSat, costSat, distributableSat: result, paidSat, carriedLossSat: 0n };
  }
}
