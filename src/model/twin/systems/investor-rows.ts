// One table row per investor, shared by every system with investors (colo's retail managers, the
// fleet operator's investors): what each was paid, in sat and in US$ at the price of each payout.
import type { InvestorBook } from '../../pricing/index.js';
import { US_PER_DAY } from '../../units.js';
import type { TableRow } from '../system.js';

const usd = (microUsd: bigint) => Number(microUsd) / 1e6;
const round = (x: number, digits = 2) => Number(x.toFixed(digits));

export function investorRows(owner: string, book: InvestorBook, horizonUs: number): TableRow[] {
  const years = horizonUs / (365 * US_PER_DAY);
  return book.totals.map((t) => {
    const paidUsd = usd(t.paidMicroUsd);
    const investedUsd = usd(t.investedMicroUsd);
    return {
      investor: t.id,
      owner,
      basis: book.basis,
      sharePct: t.shareBps / 100,
      payouts: t.payouts,
      paidSat: t.paidSat.toString(),
      paidUsd: round(paidUsd),
      investedUsd: round(investedUsd),
      // Payouts so far less the stake: negative until the investment is paid back.
      profitUsd: round(paidUsd - investedUsd),
      annualisedReturnPct: investedUsd > 0 && years > 0 ? round((100 * paidUsd) / investedUsd / years) : null,
    };
  });
}
