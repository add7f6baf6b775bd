// Two ways to notice a fault, comparable in one scenario: (a) polling the miner's own API, which
// sees lost boards, fans, PSU and controller but reports nominal through silent chip degradation;
// (b) the pool's share-based verdict (model/shares HealthTracker: 'degraded' or 'dead'), which sees
// delivered hashrate, not parts (domain-facts §1.3, §5).
import type { EventHandle, Simulation } from '../../engine/index.js';
import type { WorkerHealth } from '../shares/index.js';
import { US_PER_MIN } from '../units.js';
import { checkCount, checkPositive, checkUs } from './_check.js';
import { hardwareReports } from './components.js';
import type { Fault } from './fault.js';

export interface DetectionConfig {
  /** Hardware polling period; null turns polling off. */
  pollUs: number | null;
  /** Whether share verdicts raise alerts (the caller feeds them; they are ignored when false). */
  shares: boolean;
}

/**
 * Once a minute: farm managers poll the miners' API on the order of a minute (an assumption [D];
 * no published poll period was found).
 */
export const DEFAULT_POLL_US = US_PER_MIN;

export type MonitorChannel = 'polling' | 'shares';
export type VerdictOutcome = 'detected' | 'falseAlarm' | 'ignored';

/** Detected faults of one rig at one instant; each fault's time to detect is atUs − failedAtUs. */
export interface Alert {
  atUs: number;
  rig: number;
  channel: MonitorChannel;
  faults: readonly Fault[];
}

export type DetectedHandler = (rig: number, faults: readonly Fault[], channel: MonitorChannel, atUs: number) => void;

/** Polls of rig i are staggered by i/N of a period, so a fleet is not polled in one burst. */
export function pollPhaseUs(rig: number, rigCount: number, pollUs: number): number {
  return Math.floor((rig * pollUs) / rigCount);
}

/** The first poll strictly after afterUs, polls falling at phaseUs + k·pollUs. */
export function nextPollAtUs(afterUs: number, pollUs: number, phaseUs: number): number {
  return phaseUs + (Math.floor((afterUs - phaseUs) / pollUs) + 1) * pollUs;
}

export function isAlarm(verdict: WorkerHealth): boolean {
  return verdict === 'degraded' || verdict === 'dead';
}

export class Monitor {
  private readonly pendingPolls = new Map<number, EventHandle>();
  private readonly lastVerdict: WorkerHealth[];

  constructor(
    private readonly sim: Simulation,
    readonly config: DetectionConfig,
    private readonly rigCount: number,
    private readonly onDetected: DetectedHandler,
  ) {
    checkDetectionConfig(config);
    checkCount('rigCount', rigCount);
    this.lastVerdict = new Array<WorkerHealth>(rigCount).fill('alive');
  }

  /** A new fault: the next poll of its rig finds it if the hardware reports it. */
  watch(fault: Fault): void {
    const pollUs = this.config.pollUs;
    if (pollUs === null || !hardwareReports(fault.kind)) return;
    const atUs = nextPollAtUs(fault.failedAtUs, pollUs, pollPhaseUs(fault.rig, this.rigCount, pollUs));
    const handle = this.sim.scheduleAt(atUs, () => {
      this.pendingPolls.delete(fault.id);
      if (fault.detectedAtUs === undefined && fault.repairedAtUs === undefined) this.onDetected(fault.rig, [fault], 'polling', atUs);
    });
    this.pendingPolls.set(fault.id, handle);
  }

  /** The fault was found another way or repaired: its poll is no longer needed. */
  forget(fault: Fault): void {
    const handle = this.pendingPolls.get(fault.id);
    if (handle === undefined) return;
    this.sim.cancel(handle);
    this.pendingPolls.delete(fault.id);
  }

  /**
   * The pool's verdict on a rig in service, with the rig's open faults. An alarm finds every
   * undetected fault (the technician diagnoses on site what the shares only show as lost hashrate);
   * an alarm newly raised on a rig with no fault at all is a false alarm.
   */
  verdict(rig: number, verdict: WorkerHealth, atUs: number, openFaults: readonly Fault[]): VerdictOutcome {
    const previous = this.lastVerdict[rig];
    this.lastVerdict[rig] = verdict;
    if (!this.config.shares || !isAlarm(verdict)) return 'ignored';
    const undetected = openFaults.filter((f) => f.detectedAtUs === undefined);
    if (undetected.length > 0) {
      this.onDetected(rig, undetected, 'shares', atUs);
      return 'detected';
    }
    return openFaults.length === 0 && !isAlarm(previous) ? 'falseAlarm' : 'ignored';
  }
}

export function checkDetectionConfig(config: DetectionConfig, path = 'detection'): DetectionConfig {
  if (config.pollUs !== null) checkPositive(`${path}.pollUs`, checkUs(`${path}.pollUs`, config.pollUs));
  if (typeof config.shares !== 'boolean') throw new RangeError(`${path}.shares must be a boolean, got ${String(config.shares)}`);
  return config;
}
