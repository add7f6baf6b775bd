// What the iaas system runs (DESIGN.md system 4): the operator's local nodes, the tenants' demand and
// prices, the third-party offers it bursts to, and the crowd worker nodes. Unit-explicit (µs, H/s,
// µUSD, bps); the scenario section builds it (src/scenario/sections/iaas.ts).
import type { BurstOffer, LocalNode, PlacementRule, TenantDemandConfig } from '../../../market/tenants/index.js';

/** A local node and where it came from (a fleet group leased out, or catalogue rigs), for the report. */
export interface IaasNodeConfig extends LocalNode {
  readonly source: string;
}

export interface IaasCrowdConfig {
  /** The pool the crowd's work is credited to; its payouts are what the crowd shares. */
  readonly poolId: string;
  readonly initialNodes: number;
  readonly joinsPerDay: number;
  readonly meanStayUs: number;
  readonly medianHashrateHs: number;
  /** sigma of the lognormal spread of node hashrates around the median. */
  readonly hashrateSigma: number;
  /** The operator's cut of each reward before the crowd's split. */
  readonly operatorFeeBps: number;
}

export interface IaasConfig {
  readonly nodes: readonly IaasNodeConfig[];
  readonly burstOffers: readonly BurstOffer[];
  readonly minBilledUs: number;
  readonly placement: PlacementRule;
  readonly utilisationHalfLifeUs: number;
  readonly arrivalsPerDay: number;
  /** 24 hourly multipliers of the arrival rate (normalised by the market). */
  readonly dailyProfile: readonly number[];
  readonly demand: TenantDemandConfig;
  /**
   * What tenants pay, µUSD per TH/s·day (sha256d) and per MH/s·day (ethash). sha256d undefined: the
   * network's hashprice at the start at the starting coin price, less the renter edge.
   */
  readonly prices: { readonly sha256d?: bigint; readonly ethash: bigint };
  readonly crowd?: IaasCrowdConfig;
}
