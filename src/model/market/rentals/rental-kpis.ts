// What a rental delivered against what was sold, measured from accepted shares (Ĥ = 2^32·Σd / W,
// domain-facts §2.1, §5), with downtime, failovers and the refund rule's verdict per closed window.
import { US_PER_S } from '../../units.js';
import { overlapUs } from '../_check.js';
import { hashesFromDifficulty, shortfallBps } from './delivery.js';
import type { RefundRule } from './refund-rules.js';
import type { RentalBook, RentalStatus, RentalWindow } from './rental-book.js';

export interface RentalWindowKpi {
  readonly index: number;
  readonly startUs: number;
  readonly endUs: number;
  readonly priceMicroUsd: bigint;
  readonly soldHashes: number;
  readonly deliveredHashes: number;
  /** (sold − delivered) / sold in %, 0 when over-delivered; over the elapsed part of an open window. */
  readonly shortfallPct: number;
  readonly downtimeUs: number;
  /** The window has ended (endUs ≤ atUs): its refund is final. */
  readonly closed: boolean;
  /** The rule's refund for a closed window; 0n while open. */
  readonly refundMicroUsd: bigint;
  readonly settled: boolean;
}

export interface RentalKpi {
  readonly rentalId: string;
  readonly customerId: string;
  readonly status: RentalStatus;
  readonly soldHs: number;
  readonly startUs: number;
  readonly endUs: number;
  readonly priceMicroUsd: bigint;
  /** Time of the period elapsed by atUs. */
  readonly elapsedUs: number;
  readonly soldHashes: number;
  readonly deliveredHashes: number;
  readonly deliveredAvgHs: number;
  readonly shortfallPct: number;
  readonly downtimeUs: number;
  readonly failovers: number;
  readonly failbacks: number;
  readonly missedFailovers: number;
  /** Price of the closed windows. */
  readonly chargedMicroUsd: bigint;
  readonly refundMicroUsd: bigint;
  readonly windows: readonly RentalWindowKpi[];
}

export interface RentalTotals {
  readonly rentals: number;
  readonly soldHashes: number;
  readonly deliveredHashes: number;
  readonly shortfallPct: number;
  readonly downtimeUs: number;
  readonly failovers: number;
  readonly failbacks: number;
  readonly missedFailovers: number;
  readonly chargedMicroUsd: bigint;
  readonly refundMicroUsd: bigint;
  /** Work of workers while mining for no rental (spares idle, failed-over owners). */
  readonly houseHashes: number;
}

export interface RentalKpis {
  readonly atUs: number;
  readonly rentals: readonly RentalKpi[];
  readonly totals: RentalTotals;
}

/** A window's downtime up to untilUs, the still-open impaired interval included. */
export function windowDowntimeUs(book: RentalBook, w: RentalWindow, untilUs: number): number {
  const openFromUs = book.impairedSinceUs;
  const endUs = Math.min(untilUs, book.spec.endUs);
  return w.downtimeUs + (openFromUs === null ? 0 : overlapUs(openFromUs, endUs, w.startUs, w.endUs));
}

/** The rule's refund for one window (defined whether or not it has closed). */
export function windowRefund(rule: RefundRule, book: RentalBook, w: RentalWindow, downtimeUs: number): bigint {
  return rule.refundMicroUsd({
    priceMicroUsd: w.priceMicroUsd,
    soldHs: book.spec.hashrateHs,
    durationUs: w.endUs - w.startUs,
    deliveredHashes: hashesFromDifficulty(w.sumDifficulty),
    downtimeUs,
  });
}

export function rentalKpi(book: RentalBook, rule: RefundRule, atUs: number): RentalKpi {
  const { spec } = book;
  const elapsedEndUs = Math.min(Math.max(atUs, spec.startUs), spec.endUs);
  const elapsedUs = elapsedEndUs - spec.startUs;
  const windows = book.windows.map((w): RentalWindowKpi => {
    const downtimeUs = windowDowntimeUs(book, w, elapsedEndUs);
    const closed = w.endUs <= atUs;
    const spanUs = Math.min(w.endUs, elapsedEndUs) - w.startUs;
    const deliveredHashes = hashesFromDifficulty(w.sumDifficulty);
    return {
      index: w.index, startUs: w.startUs, endUs: w.endUs, priceMicroUsd: w.priceMicroUsd,
      soldHashes: (spec.hashrateHs * Math.max(spanUs, 0)) / US_PER_S,
      deliveredHashes,
      shortfallPct: spanUs > 0 ? shortfallBps(spec.hashrateHs, spanUs, deliveredHashes) / 100 : 0,
      downtimeUs,
      closed,
      refundMicroUsd: closed ? windowRefund(rule, book, w, downtimeUs) : 0n,
      settled: w.settled,
    };
  });
  const deliveredHashes = windows.reduce((s, w) => s + w.deliveredHashes, 0);
  return {
    rentalId: spec.id, customerId: spec.customerId, status: book.status, soldHs: spec.hashrateHs,
    startUs: spec.startUs, endUs: spec.endUs, priceMicroUsd: spec.priceMicroUsd, elapsedUs,
    soldHashes: (spec.hashrateHs * elapsedUs) / US_PER_S,
    deliveredHashes,
    deliveredAvgHs: elapsedUs > 0 ? (deliveredHashes * US_PER_S) / elapsedUs : 0,
    shortfallPct: elapsedUs > 0 ? shortfallBps(spec.hashrateHs, elapsedUs, deliveredHashes) / 100 : 0,
    downtimeUs: windows.reduce((s, w) => s + w.downtimeUs, 0),
    failovers: book.failovers, failbacks: book.failbacks, missedFailovers: book.missedFailovers,
    chargedMicroUsd: windows.reduce((s, w) => (w.closed ? s + w.priceMicroUsd : s), 0n),
    refundMicroUsd: windows.reduce((s, w) => s + w.refundMicroUsd, 0n),
    windows,
  };
}

export function rentalTotals(rentals: readonly RentalKpi[], houseHashes: number): RentalTotals {
  const soldHashes = rentals.reduce((s, r) => s + r.soldHashes, 0);
  const deliveredHashes = rentals.reduce((s, r) => s + Math.min(r.deliveredHashes, r.soldHashes), 0);
  return {
    rentals: rentals.length,
    soldHashes,
    deliveredHashes: rentals.reduce((s, r) => s + r.deliveredHashes, 0),
    // Over-delivery on one rental does not hide a shortfall on another.
    shortfallPct: soldHashes > 0 ? (100 * (soldHashes - deliveredHashes)) / soldHashes : 0,
    downtimeUs: rentals.reduce((s, r) => s + r.downtimeUs, 0),
    failovers: rentals.reduce((s, r) => s + r.failovers, 0),
    failbacks: rentals.reduce((s, r) => s + r.failbacks, 0),
    missedFailovers: rentals.reduce((s, r) => s + r.missedFailovers, 0),
    chargedMicroUsd: rentals.reduce((s, r) => s + r.chargedMicroUsd, 0n),
    refundMicroUsd: rentals.reduce((s, r) => s + r.refundMicroUsd, 0n),
    houseHashes,
  };
}
