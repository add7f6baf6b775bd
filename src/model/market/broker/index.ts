// Mobile/crowd mining broker (DESIGN.md system 5): consent windows, churn, earnings at a hashprice or
// from a payout callback, commission, partner payouts and consumer content credits.
export { consentedUs, windowPhaseUs, type ConsentWindow } from './consent-windows.js';
export { DEFAULT_DEVICE_DRAW, drawDevice, pickWeighted, type DeviceDrawConfig, type DeviceSpec, type Weighted } from './device-draw.js';
export { DEFAULT_BROKER_EARNINGS, EarningsAccrual, type BrokerEarnings, type EarningsSlot } from './broker-earnings.js';
export { splitSlotEarnings, type DeviceWork, type SlotPayout } from './broker-payouts.js';
export { resolveBrokerConfig, DEFAULT_BROKER, CREDIT_UNIT, type MiningBrokerConfig, type ResolvedBrokerConfig } from './broker-config.js';
export {
  createMiningBroker,
  type MiningBroker, type BrokerEvent, type BrokerEventType, type BrokerKpis, type BrokerSlotKpi,
  type BrokerPartnerKpi, type BrokerSettlement,
} from './mining-broker.js';
