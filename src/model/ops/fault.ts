// A fault: one failed component of one rig, from failure through detection to repair.
import type { Component } from './failures.js';
import type { ComponentKind } from './components.js';

/** On site with a spare part, or the rig shipped to a repair centre for weeks (domain-facts §3.4). */
export type RepairRoute = 'onSite' | 'sendAway';
/** Who found it: hardware polling, the pool's share verdict, or the technician at the rig. */
export type DetectionChannel = 'polling' | 'shares' | 'onSite';

export interface Fault {
  /** Sequence number over the fleet, in failure order. */
  readonly id: number;
  readonly rig: number;
  readonly component: Component;
  readonly kind: ComponentKind;
  readonly index: number;
  readonly failedAtUs: number;
  /** Drawn at failure: whether this fault needs the repair centre. */
  readonly route: RepairRoute;
  detectedAtUs: number | undefined;
  channel: DetectionChannel | undefined;
  repairedAtUs: number | undefined;
}
