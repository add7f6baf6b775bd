// The operations KPIs: availability, hashrate lost, time to detect and to repair, staff use, and
// failures per component against their exposure (the dashboard of DESIGN.md system 3).
import type { PerComponent } from './components.js';
import type { MonitorChannel } from './detection.js';
import type { DetectionChannel } from './fault.js';

export interface FleetOpsKpis {
  atUs: number;
  elapsedUs: number;
  rigCount: number;
  /** Time-weighted fraction of rigs running (hashing at all); null before time has passed. */
  availability: number | null;
  /** Delivered / nominal hash over the run; null before time has passed. */
  hashrateAvailability: number | null;
  /** Nominal minus delivered hashrate, integrated: hash-seconds ((H/s)·s = hashes). */
  lostHashes: number;
  failures: number;
  failuresByKind: PerComponent<number>;
  /** Component-years in operation (components age only while their rig runs). */
  exposureYearsByKind: PerComponent<number>;
  /** The integrated, temperature-accelerated hazard: failures expected so far. */
  expectedFailuresByKind: PerComponent<number>;
  detectionsByChannel: Record<DetectionChannel, number>;
  /** Failure → alert, over faults found by monitoring (polling or shares). */
  meanTimeToDetectUs: number | null;
  meanTimeToDetectUsByChannel: Record<MonitorChannel, number | null>;
  /** Detection → back in service (queue, parts, hands-on or the repair centre), per repaired fault. */
  meanTimeToRepairUs: number | null;
  /** Failure → back in service, per repaired fault. */
  meanTimeToRestoreUs: number | null;
  faultsRepaired: number;
  /** Repair jobs completed (one job covers every fault found on the rig). */
  repairsDone: number;
  sentAway: number;
  partsWaits: number;
  falseAlarms: number;
  /** Technician time busy / on duty; null before anyone was on duty. */
  staffUtilisation: number | null;
  /** Technician-µs busy and on duty (to combine several crews). */
  busyTechUs: number;
  onDutyTechUs: number;
  handsOnUs: number;
  /** Repair jobs now waiting (for a technician or parts), under way, paused by a shift end, at the repair centre. */
  repairJobs: { queued: number; working: number; paused: number; away: number };
  openFaults: number;
  undetectedFaults: number;
  rigs: { healthy: number; faulty: number; inRepair: number };
}

/** A running mean of durations. */
export class MeanUs {
  private count = 0;
  private sumUs = 0;

  add(durationUs: number): void {
    this.count++;
    this.sumUs += durationUs;
  }

  get n(): number {
    return this.count;
  }

  get mean(): number | null {
    return this.count === 0 ? null : this.sumUs / this.count;
  }
}
