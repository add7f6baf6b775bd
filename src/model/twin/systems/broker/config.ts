// What the broker system runs (DESIGN.md system 5): partner apps and their devices, the fee of the
// pool the devices mine through, the broker's commission, the consumers' credit rule and the payout
// interval. Unit-explicit (µs, H/s, bps); the scenario section builds it (src/scenario/sections/broker.ts).
import type { BrokerPartnerConfig, ConsumerCreditRule } from '../../../market/broker/index.js';

export interface BrokerPartnerSystemConfig extends BrokerPartnerConfig {
  /** The partner's app, as the report names it. */
  readonly app: string;
}

export interface BrokerSystemConfig {
  /** Where the device hashrate came from, for the report: a catalogue model id or 'measured'. */
  readonly hashrateSource: string;
  readonly partners: readonly BrokerPartnerSystemConfig[];
  /** Fee of the FPPS pool the devices mine through, taken off the chain's hashprice. */
  readonly poolFeeBps: number;
  readonly commissionBps: number;
  readonly consumerCredits: ConsumerCreditRule;
  /** Partners are paid (and consumers credited) at the first slot edge at or after each multiple. */
  readonly payoutIntervalUs: number;
}
