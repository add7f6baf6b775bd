// Settings of the mining broker with their defaults (every one an assumption or a stated
// convention, see DEFAULT_BROKER); resolveBrokerConfig fills the gaps and checks every value.
import { ratioFromNumber, type Ratio } from '../../ledger/ratio.js';
import { checkBps, checkCount, checkId, checkNonNegative, shown } from '../_check.js';
import { checkEarnings, DEFAULT_BROKER_EARNINGS, type BrokerEarnings } from './broker-earnings.js';
import { checkDeviceDraw, DEFAULT_DEVICE_DRAW, type DeviceDrawConfig } from './device-draw.js';

/**
 * Per partner: 1,000 devices at the start, 30 joining a day, a daily leave hazard of 3 % (a mean
 * stay of ~33 days; steady state 1,000) — assumptions [D]. Commission 3 %: the marketplace fee of
 * NiceHash and MRR (domain-facts §1.3 analogs; no source for mobile networks). One content credit
 * per sat of the partner's payout — a stated convention, not a price.
 */
export const DEFAULT_BROKER = Object.freeze({
  initialDevices: 1_000,
  arrivalsPerDay: 30,
  leaveHazardPerDay: 0.03,
  commissionBps: 300,
  consumerCredits: Object.freeze({ kind: 'per-sat', creditsPerSat: 1 }) as ConsumerCreditRule,
});

export const CREDIT_UNIT = 'credit';

/** One partner app and the devices that consent through it. */
export interface BrokerPartnerConfig {
  readonly id: string;
  readonly initialDevices?: number;
  readonly arrivalsPerDay?: number;
  /** Leaving is a Poisson process per device: this many leave per enrolled device per day. */
  readonly leaveHazardPerDay?: number;
  readonly devices?: DeviceDrawConfig;
}

/**
 * What a consumer gets for the mining its device does: content credits per sat of its share of the
 * partner's payout, or per hour its device mined (whatever the coin pays).
 */
export type ConsumerCreditRule =
  | { readonly kind: 'per-sat'; readonly creditsPerSat: number }
  | { readonly kind: 'per-mining-hour'; readonly creditsPerHour: number };

export interface MiningBrokerConfig {
  readonly partners?: readonly BrokerPartnerConfig[];
  readonly earnings?: BrokerEarnings;
  readonly commissionBps?: number;
  readonly consumerCredits?: ConsumerCreditRule;
  /** Engine priority of joins and leaves. */
  readonly priority?: number;
}

export interface ResolvedPartner {
  readonly id: string;
  readonly initialDevices: number;
  readonly arrivalsPerDay: number;
  readonly hazardPerDay: number;
  readonly drawConfig: DeviceDrawConfig;
}

export interface ResolvedBrokerConfig {
  readonly partners: readonly ResolvedPartner[];
  readonly earnings: BrokerEarnings;
  readonly commissionBps: number;
  /** The rule with its rate as an exact ratio (credits per sat, or per hour). */
  readonly credits: { readonly kind: ConsumerCreditRule['kind']; readonly rate: Ratio };
  readonly priority: number;
}

function resolvePartner(partner: BrokerPartnerConfig, i: number): ResolvedPartner {
  const drawConfig = partner.devices ?? DEFAULT_DEVICE_DRAW;
  checkDeviceDraw(drawConfig, `partners[${i}].devices`);
  return {
    id: checkId(`partners[${i}].id`, partner.id),
    initialDevices: checkCount(`partners[${i}].initialDevices`, partner.initialDevices ?? DEFAULT_BROKER.initialDevices),
    arrivalsPerDay: checkNonNegative(`partners[${i}].arrivalsPerDay`, partner.arrivalsPerDay ?? DEFAULT_BROKER.arrivalsPerDay),
    hazardPerDay: checkNonNegative(`partners[${i}].leaveHazardPerDay`, partner.leaveHazardPerDay ?? DEFAULT_BROKER.leaveHazardPerDay),
    drawConfig,
  };
}

function resolveCredits(rule: ConsumerCreditRule): ResolvedBrokerConfig['credits'] {
  if (rule.kind === 'per-sat') return { kind: rule.kind, rate: ratioFromNumber(checkNonNegative('consumerCredits.creditsPerSat', rule.creditsPerSat)) };
  if (rule.kind === 'per-mining-hour') return { kind: rule.kind, rate: ratioFromNumber(checkNonNegative('consumerCredits.creditsPerHour', rule.creditsPerHour)) };
  throw new RangeError(`consumerCredits must be { kind: 'per-sat', creditsPerSat } or { kind: 'per-mining-hour', creditsPerHour }, got ${shown(rule)}`);
}

export function resolveBrokerConfig(config: MiningBrokerConfig = {}): ResolvedBrokerConfig {
  const partners = (config.partners ?? [{ id: 'app-1' }]).map(resolvePartner);
  if (partners.length === 0) throw new RangeError('partners must hold at least one partner, got []');
  const seen = new Set<string>();
  partners.forEach((p, i) => {
    if (seen.has(p.id)) throw new RangeError(`partners[${i}].id must be unique, got "${p.id}" twice`);
    seen.add(p.id);
  });
  const earnings = config.earnings ?? DEFAULT_BROKER_EARNINGS;
  checkEarnings(earnings);
  const priority = config.priority ?? 1;
  if (!Number.isSafeInteger(priority)) throw new RangeError(`priority must be an integer, got ${shown(priority)}`);
  return {
    partners,
    earnings,
    commissionBps: checkBps('commissionBps', config.commissionBps ?? DEFAULT_BROKER.commissionBps),
    credits: resolveCredits(config.consumerCredits ?? DEFAULT_BROKER.consumerCredits),
    priority,
  };
}
