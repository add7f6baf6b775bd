// Energy drawn and what it costs, exactly: power metered to the milliwatt, time in whole µs, prices in
// µUSD/kWh. The exact cost is an integer over one fixed denominator, so it adds over any split of
// time; money is rounded once, half-to-even, and a running account rounds its total (never its parts).
import { divRoundHalfEven, shown } from '../ledger/exact.js';
import { decimalToScaled } from '../units.js';
import { checkUs } from './_check.js';
import type { Tariff } from './tariff.js';

/** 1 kWh in mW·µs: 10^6 mW × 3.6·10^9 µs. The exact cost in µUSD is a cost numerator / this. */
export const MW_US_PER_KWH = 3_600_000_000_000_000n;
const MW_US_PER_WH = 3_600_000_000_000;

/** A constant draw of powerW over [fromUs, toUs). */
export interface Draw {
  readonly powerW: number;
  readonly fromUs: number;
  readonly toUs: number;
}

/** Power in whole milliwatts: the printed decimal of powerW rounded half-to-even (3320.5 W → 3320500n). */
export function powerWToMw(powerW: number): bigint {
  if (typeof powerW !== 'number' || !(powerW >= 0) || powerW === Infinity) {
    throw new RangeError(`powerW must be a finite number ≥ 0, got ${shown(powerW)}`);
  }
  return decimalToScaled(powerW, 3);
}

function checkDraw(draw: Draw): bigint {
  checkUs('fromUs', draw.fromUs);
  if (checkUs('toUs', draw.toUs) < draw.fromUs) throw new RangeError(`toUs must be ≥ fromUs (${draw.fromUs}), got ${draw.toUs}`);
  return powerWToMw(draw.powerW);
}

/** Energy of a draw in mW·µs, exact. */
export function energyMwUs(draw: Draw): bigint {
  return checkDraw(draw) * BigInt(draw.toUs - draw.fromUs);
}

/** Energy of a draw in Wh, as a float — for display and plots only. */
export function energyWh(draw: Draw): number {
  return Number(energyMwUs(draw)) / MW_US_PER_WH;
}

/**
 * Exact cost numerator: Σ over the draw of mW × µs × (µUSD/kWh). The cost in µUSD is this divided by
 * MW_US_PER_KWH; for any fromUs ≤ b ≤ toUs, numerator(from..to) = numerator(from..b) + numerator(b..to).
 */
export function energyCostNumerator(tariff: Tariff, draw: Draw): bigint {
  return checkDraw(draw) * tariff.priceIntegral(draw.fromUs, draw.toUs);
}

/** Cost of one draw in µUSD, rounded half-to-even once from the exact numerator. */
export function energyCostMicroUsd(tariff: Tariff, draw: Draw): bigint {
  return divRoundHalfEven(energyCostNumerator(tariff, draw), MW_US_PER_KWH);
}

/** A running energy bill. Invariant: chargedMicroUsd = round½even(costNumerator / MW_US_PER_KWH). */
export interface EnergyAccount {
  readonly energyMwUs: bigint;
  readonly costNumerator: bigint;
  readonly chargedMicroUsd: bigint;
}

export const EMPTY_ENERGY_ACCOUNT: EnergyAccount = Object.freeze({ energyMwUs: 0n, costNumerator: 0n, chargedMicroUsd: 0n });

/**
 * Adds a draw to an account and returns the charge for it: the rounded new total minus what was
 * already charged. Charges therefore sum to the rounded exact total, however the time is split,
 * and never drift more than ½ µUSD from the exact cost.
 */
export function chargeDraw(account: EnergyAccount, tariff: Tariff, draw: Draw): { account: EnergyAccount; chargeMicroUsd: bigint } {
  const costNumerator = account.costNumerator + energyCostNumerator(tariff, draw);
  const chargedMicroUsd = divRoundHalfEven(costNumerator, MW_US_PER_KWH);
  const next = Object.freeze({ energyMwUs: account.energyMwUs + energyMwUs(draw), costNumerator, chargedMicroUsd });
  return { account: next, chargeMicroUsd: chargedMicroUsd - account.chargedMicroUsd };
}
