// One rental's books: its accounting windows (price share, credited share difficulty, downtime),
// its worker slots and its counters. The window price shares are an exact split of the price.
import { splitByWeights } from '../../ledger/split.js';
import { checkId, checkNonNegativeBigint, checkPositive, checkUs, overlapUs, shown } from '../_check.js';

export interface RentalSpec {
  readonly id: string;
  readonly customerId: string;
  /** Hashrate sold, H/s. */
  readonly hashrateHs: number;
  readonly startUs: number;
  readonly endUs: number;
  /** Price of the whole period. */
  readonly priceMicroUsd: bigint;
  /** Workers to run it on; default: the scheduler picks free primaries (best fit). */
  readonly workerIds?: readonly string[];
}

export interface RentalWindow {
  readonly index: number;
  readonly startUs: number;
  readonly endUs: number;
  readonly priceMicroUsd: bigint;
  /** Σ difficulty of the accepted shares credited here (fractions of spread batches included). */
  sumDifficulty: number;
  downtimeUs: number;
  settled: boolean;
}

/** A place in the rental held by its owner worker, or by a replacement after a failover. */
export interface RentalSlot {
  readonly ownerId: string;
  currentId: string;
  /** A failover was needed but no replacement was free (reported once per episode). */
  missed: boolean;
}

export type RentalStatus = 'pending' | 'active' | 'ended';

export interface RentalBook {
  readonly spec: RentalSpec;
  readonly windows: RentalWindow[];
  readonly slots: RentalSlot[];
  status: RentalStatus;
  failovers: number;
  failbacks: number;
  missedFailovers: number;
  /** Set while the rental is impaired (see rental-scheduler.ts). */
  impairedSinceUs: number | null;
}

export function checkRentalSpec(spec: RentalSpec, nowUs: number): void {
  checkId('id', spec.id);
  checkId('customerId', spec.customerId);
  checkPositive('hashrateHs', spec.hashrateHs);
  checkUs('startUs', spec.startUs);
  checkUs('endUs', spec.endUs);
  if (spec.startUs < nowUs) throw new RangeError(`startUs must be ≥ nowUs (${nowUs}), got ${spec.startUs}`);
  if (spec.endUs <= spec.startUs) throw new RangeError(`endUs must be > startUs (${spec.startUs}), got ${spec.endUs}`);
  checkNonNegativeBigint('priceMicroUsd', spec.priceMicroUsd);
  if (spec.workerIds !== undefined && (!Array.isArray(spec.workerIds) || spec.workerIds.length === 0)) {
    throw new RangeError(`workerIds must be a non-empty array when given, got ${shown(spec.workerIds)}`);
  }
}

/** Windows of windowUs from the start (the last one shorter), or one window when windowUs is null. */
export function createRentalBook(spec: RentalSpec, windowUs: number | null): RentalBook {
  const bounds: number[] = [spec.startUs];
  if (windowUs !== null) for (let t = spec.startUs + windowUs; t < spec.endUs; t += windowUs) bounds.push(t);
  bounds.push(spec.endUs);
  const lengths = bounds.slice(1).map((end, i) => BigInt(end - bounds[i]!));
  const prices = splitByWeights(spec.priceMicroUsd, lengths);
  const windows = prices.map((priceMicroUsd, index) => ({
    index, startUs: bounds[index]!, endUs: bounds[index + 1]!, priceMicroUsd, sumDifficulty: 0, downtimeUs: 0, settled: false,
  }));
  return { spec, windows, slots: [], status: 'pending', failovers: 0, failbacks: 0, missedFailovers: 0, impairedSinceUs: null };
}

/**
 * Credits sumDifficulty of work done over [fromUs, toUs] (a point when equal) to the windows it
 * overlaps, in proportion; returns the part that fell outside the rental period.
 */
export function creditWork(book: RentalBook, fromUs: number, toUs: number, sumDifficulty: number): number {
  const windows = book.windows;
  const first = firstWindowEndingAfter(windows, fromUs);
  if (toUs === fromUs) {
    const w = windows[first];
    if (w === undefined || w.startUs > toUs) return sumDifficulty;
    w.sumDifficulty += sumDifficulty;
    return 0;
  }
  let outside = sumDifficulty;
  // Windows are in time order: only those from the first ending after fromUs can overlap.
  for (let i = first; i < windows.length && windows[i].startUs < toUs; i++) {
    const w = windows[i];
    const inUs = overlapUs(fromUs, toUs, w.startUs, w.endUs);
    if (inUs > 0) {
      const part = (sumDifficulty * inUs) / (toUs - fromUs);
      w.sumDifficulty += part;
      outside -= part;
    }
  }
  return outside;
}

/** Index of the first window with endUs > atUs (windows.length if none): a binary search, windows being in order. */
function firstWindowEndingAfter(windows: readonly RentalWindow[], atUs: number): number {
  let lo = 0;
  let hi = windows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (windows[mid].endUs > atUs) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Adds the impaired interval [fromUs, toUs) to the windows' downtime. */
export function addDowntime(book: RentalBook, fromUs: number, toUs: number): void {
  for (const w of book.windows) w.downtimeUs += overlapUs(fromUs, toUs, w.startUs, w.endUs);
}
