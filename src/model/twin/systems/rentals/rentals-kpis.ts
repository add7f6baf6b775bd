// The rentals dashboard: sold against delivered hashrate (from accepted shares), downtime, failovers
// and money, for the scheduler that acted and, alongside, for the one that only watched (the other
// monitoring mode), so a planner compares share-based and hardware-report monitoring in one run.
import type { RentalKpi, RentalKpis, RentalTotals } from '../../../market/rentals/index.js';
import { HS_PER_THS, microUsdToUsd, S_PER_DAY, US_PER_HOUR, US_PER_S } from '../../../units.js';
import { round } from '../../result.js';
import type { TableRow } from '../../system.js';

const ths = (hashes: number, seconds: number): number => (seconds > 0 ? round(hashes / seconds / HS_PER_THS, 4) : 0);
const pctOf = (part: number, whole: number): number => (whole > 0 ? round((100 * part) / whole, 4) : 0);
const usd = (amountMicroUsd: bigint): number => round(microUsdToUsd(amountMicroUsd), 2);

/** The figures a planner compares between the two monitoring modes; TH/s are averages over the run. */
function comparable(totals: RentalTotals, horizonS: number): Record<string, number> {
  return {
    deliveredTHs: ths(totals.deliveredHashes, horizonS),
    deliveredPct: pctOf(totals.deliveredHashes, totals.soldHashes),
    shortfallPct: round(totals.shortfallPct, 4),
    downtimeHours: round(totals.downtimeUs / US_PER_HOUR, 4),
    failovers: totals.failovers,
    failbacks: totals.failbacks,
    missedFailovers: totals.missedFailovers,
    refundsUsd: usd(totals.refundMicroUsd),
    revenueUsd: usd(totals.chargedMicroUsd - totals.refundMicroUsd),
  };
}

/**
 * Flat KPIs (prefixed `rentals.` by the run): the acting scheduler's, then the watching one's under
 * `<its mode>.`. shortfallPct counts each rental's shortfall without letting another's over-delivery
 * hide it.
 */
export function rentalsKpis(acting: RentalKpis, watching: RentalKpis, watchingMode: string, horizonUs: number): Record<string, number> {
  const horizonS = horizonUs / US_PER_S;
  const t = acting.totals;
  const out: Record<string, number> = {
    rentals: t.rentals,
    soldTHs: ths(t.soldHashes, horizonS),
    soldTHsDays: round(t.soldHashes / HS_PER_THS / S_PER_DAY, 4),
    deliveredTHsDays: round(t.deliveredHashes / HS_PER_THS / S_PER_DAY, 4),
    ...comparable(t, horizonS),
    chargedUsd: usd(t.chargedMicroUsd),
    houseTHsDays: round(t.houseHashes / HS_PER_THS / S_PER_DAY, 4),
  };
  for (const [name, value] of Object.entries(comparable(watching.totals, horizonS))) out[`${watchingMode}.${name}`] = value;
  return out;
}

/** One row per rental: what was sold and delivered, downtime, failovers and money, and the other mode's verdict. */
export function rentalRows(acting: RentalKpis, watching: RentalKpis, watchingMode: string): TableRow[] {
  const watched = new Map<string, RentalKpi>(watching.rentals.map((r) => [r.rentalId, r]));
  return acting.rentals.map((r) => {
    const w = watched.get(r.rentalId)!;
    const elapsedS = r.elapsedUs / US_PER_S;
    return {
      rental: r.rentalId,
      customer: r.customerId,
      startDay: round(r.startUs / US_PER_S / S_PER_DAY, 4),
      days: round((r.endUs - r.startUs) / US_PER_S / S_PER_DAY, 4),
      soldTHs: round(r.soldHs / HS_PER_THS, 4),
      deliveredTHs: ths(r.deliveredHashes, elapsedS),
      deliveredPct: pctOf(r.deliveredHashes, r.soldHashes),
      downtimeHours: round(r.downtimeUs / US_PER_HOUR, 4),
      failovers: r.failovers,
      failbacks: r.failbacks,
      missedFailovers: r.missedFailovers,
      priceUsd: usd(r.priceMicroUsd),
      chargedUsd: usd(r.chargedMicroUsd),
      refundUsd: usd(r.refundMicroUsd),
      [`${watchingMode}DeliveredPct`]: pctOf(w.deliveredHashes, w.soldHashes),
      [`${watchingMode}Failovers`]: w.failovers,
      [`${watchingMode}DowntimeHours`]: round(w.downtimeUs / US_PER_HOUR, 4),
      [`${watchingMode}RefundUsd`]: usd(w.refundMicroUsd),
    };
  });
}
