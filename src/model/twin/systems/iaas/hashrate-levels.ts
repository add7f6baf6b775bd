// The IaaS's hashrate by algorithm over time, from the tenant events: what tenants hold on local nodes,
// what bursts carry and what nobody could serve (demand is their sum, the demand rounded to the
// market's quantum), time-averaged over each slot for the series and integrated for the KPIs.
import type { Algorithm } from '../../../hardware/index.js';
import { HASHRATE_UNIT_HS, type TenantEvent } from '../../../market/tenants/index.js';
import { TimeWeighted } from '../../../ops/time-weighted.js';
import { US_PER_HOUR } from '../../../units.js';

export const LEVEL_KINDS = ['demand', 'local', 'burst', 'unserved'] as const;
export type LevelKind = (typeof LEVEL_KINDS)[number];

/** Series and KPI suffix per algorithm: its price unit (market/tenants/hashrate-units.ts). */
export const UNIT_SUFFIX: Readonly<Record<Algorithm, string>> = Object.freeze({ sha256d: 'THs', ethash: 'MHs' });

/** Per-slot averages in the algorithm's unit (TH/s or MH/s), one value per kind. */
export type SlotLevels = Record<LevelKind, number>;

interface Held {
  readonly algorithm: Algorithm;
  local: number;
  burst: number;
  unserved: number;
}

export class HashrateLevels {
  private readonly weighted = new Map<Algorithm, Record<LevelKind, TimeWeighted>>();
  private readonly slotStartIntegral = new Map<Algorithm, Record<LevelKind, number>>();
  private readonly held = new Map<string, Held>();
  private readonly peaks = new Map<Algorithm, SlotLevels>();

  constructor(readonly algorithms: readonly Algorithm[], startUs: number) {
    for (const alg of algorithms) {
      this.weighted.set(alg, { demand: new TimeWeighted(startUs), local: new TimeWeighted(startUs), burst: new TimeWeighted(startUs), unserved: new TimeWeighted(startUs) });
      this.slotStartIntegral.set(alg, { demand: 0, local: 0, burst: 0, unserved: 0 });
      this.peaks.set(alg, { demand: 0, local: 0, burst: 0, unserved: 0 });
    }
  }

  private move(alg: Algorithm, kind: 'local' | 'burst' | 'unserved', deltaHs: number, atUs: number): void {
    const w = this.weighted.get(alg);
    if (w === undefined) throw new RangeError(`algorithm must be one of ${this.algorithms.join(', ')}, got ${alg}`);
    w[kind].add(deltaHs, atUs);
    w.demand.add(deltaHs, atUs);
  }

  onEvent(e: TenantEvent): void {
    switch (e.type) {
      case 'TenantArrived':
        this.held.set(e.tenantId, { algorithm: e.algorithm, local: 0, burst: 0, unserved: 0 });
        break;
      case 'TenantPlaced':
      case 'BurstStarted':
      case 'BurstUnavailable': {
        const held = this.held.get(e.tenantId)!;
        const kind = e.type === 'TenantPlaced' ? 'local' : e.type === 'BurstStarted' ? 'burst' : 'unserved';
        const hs = e.type === 'TenantPlaced' ? e.parts!.reduce((s, p) => s + p.hashrateHs, 0) : e.hashrateHs!;
        held[kind] += hs;
        this.move(held.algorithm, kind, hs, e.atUs);
        break;
      }
      case 'TenantLeft': {
        const held = this.held.get(e.tenantId)!;
        this.held.delete(e.tenantId);
        for (const kind of ['local', 'burst', 'unserved'] as const) if (held[kind] !== 0) this.move(held.algorithm, kind, -held[kind], e.atUs);
        break;
      }
      case 'BurstEnded':
        break;
    }
  }

  /** Closes the slot [startUs, endUs): each algorithm's averages over it, in its unit. */
  closeSlot(startUs: number, endUs: number): Map<Algorithm, SlotLevels> {
    const out = new Map<Algorithm, SlotLevels>();
    for (const alg of this.algorithms) {
      const w = this.weighted.get(alg)!;
      const start = this.slotStartIntegral.get(alg)!;
      const peak = this.peaks.get(alg)!;
      const levels = { demand: 0, local: 0, burst: 0, unserved: 0 };
      for (const kind of LEVEL_KINDS) {
        const integral = w[kind].integralTo(endUs);
        levels[kind] = (integral - start[kind]) / (endUs - startUs) / HASHRATE_UNIT_HS[alg];
        start[kind] = integral;
        if (levels[kind] > peak[kind]) peak[kind] = levels[kind];
      }
      out.set(alg, levels);
    }
    return out;
  }

  /** Highest slot average of each kind so far, in the algorithm's unit. */
  peak(alg: Algorithm): SlotLevels {
    return { ...this.peaks.get(alg)! };
  }

  /** ∫ level dt up to atUs, in unit·hours (TH/s·h or MH/s·h). */
  unitHours(alg: Algorithm, kind: LevelKind, atUs: number): number {
    return this.weighted.get(alg)![kind].integralTo(atUs) / HASHRATE_UNIT_HS[alg] / US_PER_HOUR;
  }
}
