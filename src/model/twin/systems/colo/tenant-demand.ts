// A retail pool manager's demand in one slot: present between arrival and departure, its base demand
// scaled by the day's peaks and a seeded slot-to-slot wobble, for hashrate and every resource alike.
import type { RandomStream } from '../../../../engine/index.js';
import { divRoundHalfEven } from '../../../ledger/exact.js';
import { BASIS_POINTS_PER_WHOLE as BPS_PER_WHOLE } from '../../../ledger/split.js';
import { RESOURCE_IDS, type ResourceId } from '../../../pricing/index.js';
import { US_PER_DAY, US_PER_HOUR } from '../../../units.js';
import type { ColoTenantConfig, DemandPeak } from './config.js';

export interface SlotDemand {
  readonly active: boolean;
  /** Demand as a share of base demand (0 when absent). */
  readonly factorBps: number;
  readonly hashrateGHs: bigint;
  readonly resources: Readonly<Partial<Record<ResourceId, bigint>>>;
}

function inWindow(peak: DemandPeak, hour: number): boolean {
  return peak.fromHour < peak.toHour ? hour >= peak.fromHour && hour < peak.toHour : hour >= peak.fromHour || hour < peak.toHour;
}

/** The profile's factor at a time of day: the highest peak whose window holds it, else the base. */
export function peakFactorBps(peaks: readonly DemandPeak[], atUs: number): number {
  const hour = (atUs % US_PER_DAY) / US_PER_HOUR;
  let factor: number | undefined;
  for (const peak of peaks) if (inWindow(peak, hour) && (factor === undefined || peak.demandBps > factor)) factor = peak.demandBps;
  return factor ?? BPS_PER_WHOLE;
}

export class TenantDemand {
  readonly config: ColoTenantConfig;
  private readonly rng: RandomStream;

  constructor(config: ColoTenantConfig, rng: RandomStream) {
    this.config = config;
    this.rng = rng;
  }

  isActive(slotStartUs: number): boolean {
    const { arrivalUs, departureUs } = this.config;
    return slotStartUs >= arrivalUs && (departureUs === undefined || slotStartUs < departureUs);
  }

  /**
   * Call once per slot, in order: the noise is drawn every slot, present or not, so a tenant's
   * arrival time never shifts its later draws (common random numbers across what-if runs).
   */
  demandAt(slotStartUs: number): SlotDemand {
    const wobble = this.rng.normal(0, 1);
    if (!this.isActive(slotStartUs)) return { active: false, factorBps: 0, hashrateGHs: 0n, resources: {} };
    const noisy = peakFactorBps(this.config.peaks, slotStartUs) * (1 + (this.config.noiseBps / BPS_PER_WHOLE) * wobble);
    const factorBps = Math.max(0, Math.round(noisy));
    const scale = (base: bigint) => divRoundHalfEven(base * BigInt(factorBps), BigInt(BPS_PER_WHOLE));
    const resources: Partial<Record<ResourceId, bigint>> = {};
    for (const r of RESOURCE_IDS) {
      const base = this.config.resources[r];
      if (base !== undefined) resources[r] = scale(base);
    }
    return { active: true, factorBps, hashrateGHs: scale(this.config.hashrateGHs), resources };
  }
}
