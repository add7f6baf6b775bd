// Settings of the mining broker with their defaults (every one an assumption or a stated
// convention, see DEFAULT_BROKER); resolveBrokerConfig fills the gaps and checks every value.
import { US_PER_HOUR } from '../../units.js';
import { checkBps, checkCount, checkId, checkNonNegative, checkNonNegativeBigint, checkPositiveUs, shown } from '../_check.js';
import type { BrokerEarnings } from './broker-earnings.js';
import { checkDeviceDraw, DEFAULT_DEVICE_DRAW, type DeviceDrawConfig } from './device-draw.js';

/**
 * Hourly slots; 1,000 devices at the start, 30 joining a day, a daily leave hazard of 3 % (a mean
 * stay of ~33 days; steady state 1,000) — assumptions [D]. Commission 3 %: the marketplace fee of
 * NiceHash and MRR (domain-facts §1.3 analogs; no source for mobile networks). One content credit
 * per sat — a stated convention, not a price.
 */
export const DEFAULT_BROKER = Object.freeze({
  slotUs: US_PER_HOUR,
  initialDevices: 1_000,
  arrivalsPerDay: 30,
  leaveHazardPerDay: 0.03,
  commissionBps: 300,
  creditsPerSat: 1n,
});

export const CREDIT_UNIT = 'credit';

export interface MiningBrokerConfig {
  readonly slotUs?: number;
  readonly initialDevices?: number;
  readonly arrivalsPerDay?: number;
  readonly leaveHazardPerDay?: number;
  readonly devices?: DeviceDrawConfig;
  readonly earnings?: BrokerEarnings;
  readonly commissionBps?: number;
  readonly creditsPerSat?: bigint;
  readonly priority?: number;
  readonly accounts?: {
    /** Where earnings come from; default 'pool:broker-payouts'. */
    readonly pool?: string;
    /** Default 'broker'. */
    readonly broker?: string;
    /** Partners are prefix + id; their credit issuers prefix + id + ':content'. Default 'partner:'. */
    readonly partnerPrefix?: string;
    /** Default 'consumer:'. */
    readonly consumerPrefix?: string;
  };
}

export interface ResolvedBrokerConfig {
  readonly slotUs: number;
  readonly initialDevices: number;
  readonly arrivalsPerDay: number;
  readonly hazardPerDay: number;
  readonly drawConfig: DeviceDrawConfig;
  readonly commissionBps: number;
  readonly creditsPerSat: bigint;
  readonly priority: number;
  readonly accounts: { readonly pool: string; readonly broker: string; readonly partnerPrefix: string; readonly consumerPrefix: string };
}

/** Everything but earnings, which EarningsAccrual checks. */
export function resolveBrokerConfig(config: MiningBrokerConfig = {}): ResolvedBrokerConfig {
  const drawConfig = config.devices ?? DEFAULT_DEVICE_DRAW;
  checkDeviceDraw(drawConfig);
  const priority = config.priority ?? 1;
  if (!Number.isSafeInteger(priority)) throw new RangeError(`priority must be an integer, got ${shown(priority)}`);
  return {
    slotUs: checkPositiveUs('slotUs', config.slotUs ?? DEFAULT_BROKER.slotUs),
    initialDevices: checkCount('initialDevices', config.initialDevices ?? DEFAULT_BROKER.initialDevices),
    arrivalsPerDay: checkNonNegative('arrivalsPerDay', config.arrivalsPerDay ?? DEFAULT_BROKER.arrivalsPerDay),
    hazardPerDay: checkNonNegative('leaveHazardPerDay', config.leaveHazardPerDay ?? DEFAULT_BROKER.leaveHazardPerDay),
    drawConfig,
    commissionBps: checkBps('commissionBps', config.commissionBps ?? DEFAULT_BROKER.commissionBps),
    creditsPerSat: checkNonNegativeBigint('creditsPerSat', config.creditsPerSat ?? DEFAULT_BROKER.creditsPerSat),
    priority,
    accounts: {
      pool: checkId('accounts.pool', config.accounts?.pool ?? 'pool:broker-payouts'),
      broker: checkId('accounts.broker', config.accounts?.broker ?? 'broker'),
      partnerPrefix: checkId('accounts.partnerPrefix', config.accounts?.partnerPrefix ?? 'partner:'),
      consumerPrefix: checkId('accounts.consumerPrefix', config.accounts?.consumerPrefix ?? 'consumer:'),
    },
  };
}
