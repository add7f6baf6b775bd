// The parts of a mining rig that fail, what each failure does, and what the hardware reports of it
// (domain-facts §3.4: "fans, control boards, chips, PSU" fail; treat them as separate components).
import { checkCount, checkPositive } from './_check.js';

/**
 * 'chips' is silent chip degradation: one per rig, the rig keeps hashing at 60–90 % of nominal while
 * its own API still reports nominal. The others fail outright.
 */
export type ComponentKind = 'hashboard' | 'chips' | 'fan' | 'psu' | 'controller';
export const COMPONENT_KINDS: readonly ComponentKind[] = Object.freeze(['hashboard', 'chips', 'fan', 'psu', 'controller']);

/** Spare parts are stocked per part; degraded chips are fixed by swapping the hashboard. */
export type PartKind = 'hashboard' | 'fan' | 'psu' | 'controller';
export const PART_KINDS: readonly PartKind[] = Object.freeze(['hashboard', 'fan', 'psu', 'controller']);
export const PART_FOR: Readonly<Record<ComponentKind, PartKind>> = Object.freeze({
  hashboard: 'hashboard',
  chips: 'hashboard',
  fan: 'fan',
  psu: 'psu',
  controller: 'controller',
});

/** The miner's own API reports every failure but silent chip degradation (it reports nominal). */
export function hardwareReports(kind: ComponentKind): boolean {
  return kind !== 'chips';
}

/** A failed PSU or controller stops the whole rig. */
export function stopsRig(kind: ComponentKind): boolean {
  return kind === 'psu' || kind === 'controller';
}

/** A rig model's make-up. */
export interface RigSpec {
  model: string;
  /** Nominal hashrate, H/s. */
  hashrateHs: number;
  hashboards: number;
  fans: number;
}

/**
 * Antminer S21 (air): 200 TH/s (domain-facts §3.1, Bitmain figures); 3 hashboards and 4 fans as on
 * Bitmain's S19/S21 air-cooled chassis [S, vendor product pages].
 */
export const DEFAULT_RIG_SPEC: Readonly<RigSpec> = Object.freeze({ model: 'Antminer S21', hashrateHs: 200e12, hashboards: 3, fans: 4 });

/** How many of each component a rig of this spec has. */
export function componentCount(spec: RigSpec, kind: ComponentKind): number {
  switch (kind) {
    case 'hashboard':
      return spec.hashboards;
    case 'fan':
      return spec.fans;
    default:
      return 1;
  }
}

export function checkRigSpec(spec: RigSpec, path = 'rig'): RigSpec {
  checkPositive(`${path}.hashrateHs`, spec.hashrateHs);
  if (checkCount(`${path}.hashboards`, spec.hashboards) === 0) throw new RangeError(`${path}.hashboards must be ≥ 1, got 0`);
  checkCount(`${path}.fans`, spec.fans);
  return spec;
}

/** Per component kind, a value (rate, repair time, probability …). */
export type PerComponent<T> = Record<ComponentKind, T>;
export type PerPart<T> = Record<PartKind, T>;
