// Monthly list prices ↔ prices per billing slot. A month is 30 days (2,880 fifteen-minute slots):
// a whole number of slots for every slot length dividing a day. AWS prorates per second of a
// month (domain-facts §3.8); its calculator's 730 h month is one `monthUs` argument away.
import { divRoundHalfEven } from '../ledger/exact.js';
import { US_PER_DAY, US_PER_MIN } from '../units.js';
import { checkNonNegativeBigint, checkPositiveUs } from './_check.js';

/** Billing slot: 15 minutes, as NiceHash business orders reprice (domain-facts §1.1, §5). */
export const DEFAULT_SLOT_US = 15 * US_PER_MIN;
/** Billing month: 30 days. */
export const DEFAULT_MONTH_US = 30 * US_PER_DAY;

/**
 * Price per lot per slot = monthly price · slotUs / monthUs, rounded half-to-even to whole µUSD.
 * Rounding rule: each slot is off by at most ½ µUSD, so the N = monthUs / slotUs slots of a month
 * sum to the monthly price within N/2 µUSD (1,440 µUSD = $0.00144 per lot-month at 15 minutes).
 */
export function perSlotFromMonthlyMicroUsd(priceMicroUsdPerLotMonth: bigint, slotUs = DEFAULT_SLOT_US, monthUs = DEFAULT_MONTH_US): bigint {
  checkNonNegativeBigint('priceMicroUsdPerLotMonth', priceMicroUsdPerLotMonth);
  checkPositiveUs('slotUs', slotUs);
  checkPositiveUs('monthUs', monthUs);
  return divRoundHalfEven(priceMicroUsdPerLotMonth * BigInt(slotUs), BigInt(monthUs));
}

/** Slots in a month when the slot divides it (30 d / 15 min = 2,880); throws otherwise. */
export function slotsPerMonth(slotUs = DEFAULT_SLOT_US, monthUs = DEFAULT_MONTH_US): number {
  checkPositiveUs('slotUs', slotUs);
  checkPositiveUs('monthUs', monthUs);
  if (monthUs % slotUs !== 0) throw new RangeError(`slotUs must divide monthUs = ${monthUs}, got ${slotUs}`);
  return monthUs / slotUs;
}

/** The most the slots of a month can sum away from the monthly price: ⌊N/2⌋ µUSD. */
export function maxMonthlyRoundingMicroUsd(slotUs = DEFAULT_SLOT_US, monthUs = DEFAULT_MONTH_US): bigint {
  return BigInt(Math.floor(slotsPerMonth(slotUs, monthUs) / 2));
}
