// Mobile/crowd mining broker (DESIGN.md system 5): consent windows, churn, earnings at a hashprice or
// from a payout callback, commission, partner payouts and consumer content credits.
export { consentedUs, windowPhaseUs, type ConsentWindow } from './consent-windows.js';
export { DEFAULT_DEVICE_DRAW, drawDevice, pickWeighted, type DeviceDrawConfig, type DeviceSpec, type Weighted } from './device-draw.js';
export { DEFAULT_BROKER_EARNINGS, VALUE_PER_SAT, slotValues, valueToSat, type BrokerEarnings, type EarningsSlot, type SlotValues } from './broker-earnings.js';
export { BrokerBooks, type Booking, type DeviceAccrual } from './broker-books.js';
export {
  resolveBrokerConfig, DEFAULT_BROKER, CREDIT_UNIT,
  type BrokerPartnerConfig, type ConsumerCreditRule, type MiningBrokerConfig, type ResolvedBrokerConfig, type ResolvedPartner,
} from './broker-config.js';
export {
  BROKER_ACCOUNTS, createMiningBroker,
  type MiningBroker, type BrokerEvent, type BrokerEventType, type BrokerKpis, type BrokerSlotKpi,
  type BrokerPartnerKpi, type BrokerSettlement, type DeviceReport,
} from './mining-broker.js';
