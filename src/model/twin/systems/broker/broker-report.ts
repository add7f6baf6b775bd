// The broker's KPIs and its per-partner table, from the model's totals: bigint sat as numbers in the
// KPIs (they stay far below 2^53) and as decimal strings in the table, values rounded for display.
import type { BrokerKpis } from '../../../market/broker/index.js';
import { US_PER_DAY, US_PER_HOUR } from '../../../units.js';
import type { TableRow } from '../../system.js';
import type { BrokerSystemConfig } from './config.js';

/** What the system sums slot by slot: US$ at each slot's coin price, the net hashprice it was paid. */
export interface BrokerTotals {
  valueUsd: number;
  earningsUsd: number;
  commissionUsd: number;
  payoutUsd: number;
  netHashpriceSum: number;
  slotsClosed: number;
}

const round = (value: number, digits = 6): number => Number(value.toFixed(digits));
/** Small values (sat per device per day is ~1e-5 for a phone) keep 6 significant digits, not 6 decimals. */
const significant = (value: number): number => Number(value.toPrecision(6));
/**
 * Per million device-days: a phone's day of SHA-256d work is worth ~1e-5 sat, which a per-device-day
 * figure would show as 0 at the summary's four decimals.
 */
const DEVICE_DAYS_PER_UNIT = 1e6;
const perMillionDeviceDays = (amount: number, deviceUs: number): number =>
  (deviceUs > 0 ? (amount * DEVICE_DAYS_PER_UNIT) / (deviceUs / US_PER_DAY) : 0);

export function brokerKpis(k: BrokerKpis, t: BrokerTotals, deviceEventsUnlogged: number, horizonS: number): Record<string, number> {
  const hashes = k.partners.reduce((s, p) => s + p.hashes, 0);
  const usdPerDeviceDay = perMillionDeviceDays(t.valueUsd, k.enrolledDeviceUs) / DEVICE_DAYS_PER_UNIT;
  return {
    devices: k.enrolledDevices,
    devicesAtStart: k.devicesAtStart,
    devicesJoined: k.devicesJoined,
    devicesLeft: k.devicesLeft,
    miningDevicesAvg: round(k.miningDeviceUs / (horizonS * 1e6), 3),
    miningHoursPerDeviceDay: round(k.enrolledDeviceUs > 0 ? (24 * k.miningDeviceUs) / k.enrolledDeviceUs : 0, 4),
    effectiveHashrateMHsAvg: round(hashes / horizonS / 1e6, 3),
    // Mean over slots of what the broker was paid per TH/s·day: the chain's hashprice less the pool fee.
    netHashpriceSatPerTHsDay: round(t.slotsClosed > 0 ? t.netHashpriceSum / t.slotsClosed : 0, 4),
    earnedValueSat: significant(k.valueSat),
    earnedValueUsd: significant(t.valueUsd),
    earningsSat: Number(k.earningsSat),
    earningsUsd: round(t.earningsUsd, 2),
    commissionSat: Number(k.commissionSat),
    commissionUsd: round(t.commissionUsd, 2),
    partnerPayoutSat: Number(k.partnerPayoutSat),
    partnerPayoutUsd: round(t.payoutUsd, 2),
    unbookedSat: round(k.unbookedSat),
    consumerCredits: Number(k.consumerCredits),
    earningsSatPerMillionDeviceDays: significant(perMillionDeviceDays(k.valueSat, k.enrolledDeviceUs)),
    earningsUsdPerMillionDeviceDays: significant(perMillionDeviceDays(t.valueUsd, k.enrolledDeviceUs)),
    // How big a crowd would have to be for its work to be worth US$1 a day (0: it earned nothing).
    devicesToEarn1UsdPerDay: usdPerDeviceDay > 0 ? Math.round(1 / usdPerDeviceDay) : 0,
    deviceEventsUnlogged,
  };
}

export function partnerRows(k: BrokerKpis, config: BrokerSystemConfig): TableRow[] {
  return k.partners.map((p) => {
    const partner = config.partners.find((c) => c.id === p.partnerId)!;
    return {
      partner: p.partnerId,
      app: partner.app,
      devicesAtStart: p.devicesAtStart,
      devicesJoined: p.devicesJoined,
      devicesLeft: p.devicesLeft,
      devicesEnd: p.enrolledDevices,
      miningHours: round(p.miningDeviceUs / US_PER_HOUR, 3),
      miningHoursPerDeviceDay: round(p.enrolledDeviceUs > 0 ? (24 * p.miningDeviceUs) / p.enrolledDeviceUs : 0, 4),
      hashes: significant(p.hashes),
      earnedValueSat: significant(p.valueSat),
      payoutSat: p.payoutSat.toString(),
      consumerCredits: p.consumerCredits.toString(),
      satPerMillionDeviceDays: significant(perMillionDeviceDays(p.valueSat, p.enrolledDeviceUs)),
    };
  });
}
