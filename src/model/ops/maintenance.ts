// The maintenance crew: rigs with detected faults wait in a queue (FIFO, or most hashrate lost
// first) for a technician on shift and the spare parts; a repair is hands-on work on site, or a rig
// shipped to a repair centre for weeks (domain-facts §3.4). Work left at a shift's end waits for the next.
import type { EventHandle, RandomStream, Recorder, Simulation } from '../../engine/index.js';
import { checkFraction, checkNonNegative, checkPositive, checkUs, shown } from './_check.js';
import { COMPONENT_KINDS, PART_FOR, type PartKind, type PerComponent, type PerPart } from './components.js';
import type { Fault, RepairRoute } from './fault.js';
import { ShiftCalendar, type Shift } from './shifts.js';
import { SparesInventory, type SpareSpec } from './spares.js';
import { TimeWeighted } from './time-weighted.js';

export type QueueDiscipline = 'fifo' | 'priority';

/** A lognormal duration given by its median and the σ of its logarithm. */
export interface LognormalSpec {
  medianUs: number;
  sigma: number;
}

export interface SendAwaySpec {
  /** Technician time to pull and pack the rig. */
  handlingUs: number;
  /** Door to door at the repair centre. */
  lead: LognormalSpec;
}

export interface MaintenanceConfig {
  shifts: readonly Shift[];
  /** Local week time at sim time 0 (0 = Monday 00:00 local). */
  weekOffsetUs: number;
  discipline: QueueDiscipline;
  /** Hands-on time to fix one fault of each kind on site. */
  repairUs: PerComponent<LognormalSpec>;
  /** Chance a fault of each kind needs the repair centre (drawn by the fleet at failure). */
  sendAwayProbability: PerComponent<number>;
  sendAway: SendAwaySpec;
  spares: PerPart<SpareSpec>;
}

/** What maintenance asks of the fleet it serves. */
export interface MaintenanceSite {
  /** The faults a technician would fix on this rig now; empty if nothing is left to do. */
  diagnose(rig: number): readonly Fault[];
  /** The key of the 'priority' discipline: 1 − delivered/nominal hashrate. */
  hashrateLostFraction(rig: number): number;
  /** The stream repair and shipping times of this rig are drawn from. */
  repairStream(rig: number): RandomStream;
  /** Work began: the rig goes out of service (on the bench, or packed for the repair centre). */
  repairStarted(rig: number, faults: readonly Fault[], route: RepairRoute, atUs: number): void;
  /** The rig is back in service. */
  repaired(rig: number, route: RepairRoute, atUs: number): void;
}

export interface MaintenanceStats {
  jobsDone: number;
  sentAway: number;
  /** Jobs that found a part out of stock and waited for a restock. */
  partsWaits: number;
  handsOnUs: number;
  busyTechUs: number;
  onDutyTechUs: number;
  /** busyTechUs / onDutyTechUs; null before anyone was on duty. */
  staffUtilisation: number | null;
  queued: number;
  working: number;
  paused: number;
  away: number;
}

/** Work that ends at the instant a shift ends is finished, not paused with nothing left to do. */
const PRIORITY_WORK_DONE = -1;

/** One rig's repair: it covers every fault diagnosed on the rig when work begins. */
interface Job {
  rig: number;
  /** Request order, the FIFO key and the priority tie-break. */
  seq: number;
  route: RepairRoute;
  remainingWorkUs: number;
  workStartedAtUs: number;
  handle: EventHandle | undefined;
  waitedForParts: boolean;
}

export class Maintenance {
  readonly calendar: ShiftCalendar;
  readonly spares: SparesInventory;
  private readonly jobs = new Map<number, Job>();
  private readonly queue: Job[] = [];
  private readonly paused: Job[] = [];
  private readonly working: Job[] = [];
  private readonly onDuty: TimeWeighted;
  private readonly busy: TimeWeighted;
  private seq = 0;
  private jobsDone = 0;
  private sentAway = 0;
  private partsWaits = 0;
  private handsOnUs = 0;
  private away = 0;

  constructor(
    private readonly sim: Simulation,
    readonly config: MaintenanceConfig,
    private readonly site: MaintenanceSite,
    private readonly recorder?: Pick<Recorder, 'log'>,
  ) {
    checkMaintenanceConfig(config);
    this.calendar = new ShiftCalendar(config.shifts, config.weekOffsetUs, 'maintenance.shifts');
    this.spares = new SparesInventory(sim, config.spares, (part, atUs) => this.restocked(part, atUs));
    this.onDuty = new TimeWeighted(sim.nowUs, this.calendar.staffAt(sim.nowUs));
    this.busy = new TimeWeighted(sim.nowUs, 0);
    this.scheduleShiftChange();
  }

  get staffOnDuty(): number {
    return this.onDuty.value;
  }

  get busyTechs(): number {
    return this.busy.value;
  }

  /** Whether the rig has a repair queued, under way or at the repair centre. */
  hasJob(rig: number): boolean {
    return this.jobs.has(rig);
  }

  /** A rig has detected faults; queues a job unless one is already open (it will cover them). */
  request(rig: number, atUs: number): void {
    if (this.jobs.has(rig)) return;
    const job: Job = {
      rig, seq: this.seq++, route: 'onSite',
      remainingWorkUs: 0, workStartedAtUs: 0, handle: undefined, waitedForParts: false,
    };
    this.jobs.set(rig, job);
    this.queue.push(job);
    this.recorder?.log(atUs, 'RepairQueued', { rig });
    this.dispatch();
  }

  stats(): MaintenanceStats {
    const atUs = this.sim.nowUs;
    const busyTechUs = this.busy.integralTo(atUs);
    const onDutyTechUs = this.onDuty.integralTo(atUs);
    return {
      jobsDone: this.jobsDone,
      sentAway: this.sentAway,
      partsWaits: this.partsWaits,
      handsOnUs: this.handsOnUs,
      busyTechUs,
      onDutyTechUs,
      staffUtilisation: onDutyTechUs > 0 ? busyTechUs / onDutyTechUs : null,
      queued: this.queue.length,
      working: this.working.length,
      paused: this.paused.length,
      away: this.away,
    };
  }

  /** Starts work while a technician is free and a job can start (paused work first). */
  private dispatch(): void {
    while (this.busy.value < this.onDuty.value) {
      const resumed = this.paused.shift();
      if (resumed !== undefined) {
        this.recorder?.log(this.sim.nowUs, 'RepairResumed', { rig: resumed.rig });
        this.startWork(resumed);
        continue;
      }
      if (!this.startNextQueued()) break;
    }
  }

  private startNextQueued(): boolean {
    const atUs = this.sim.nowUs;
    for (const job of this.ordered()) {
      const faults = this.site.diagnose(job.rig);
      if (faults.length === 0) {
        this.remove(this.queue, job);
        this.jobs.delete(job.rig);
        continue;
      }
      const route: RepairRoute = faults.some((f) => f.route === 'sendAway') ? 'sendAway' : 'onSite';
      const parts: PartKind[] = route === 'onSite' ? faults.map((f) => PART_FOR[f.kind]) : [];
      if (!this.spares.has(parts)) {
        if (!job.waitedForParts) {
          job.waitedForParts = true;
          this.partsWaits++;
          this.recorder?.log(atUs, 'RepairWaitedForParts', { rig: job.rig, parts });
        }
        continue;
      }
      this.spares.take(parts);
      this.remove(this.queue, job);
      job.route = route;
      job.remainingWorkUs = route === 'onSite' ? this.handsOnDraw(job.rig, faults) : this.config.sendAway.handlingUs;
      this.site.repairStarted(job.rig, faults, route, atUs);
      this.startWork(job);
      return true;
    }
    return false;
  }

  /** Queued jobs in the order the discipline serves them (ties: first requested first). */
  private ordered(): Job[] {
    if (this.config.discipline === 'fifo') return [...this.queue];
    const lost = new Map(this.queue.map((job) => [job, this.site.hashrateLostFraction(job.rig)]));
    return [...this.queue].sort((a, b) => lost.get(b)! - lost.get(a)! || a.seq - b.seq);
  }

  private handsOnDraw(rig: number, faults: readonly Fault[]): number {
    const stream = this.site.repairStream(rig);
    let totalUs = 0;
    for (const fault of faults) totalUs += lognormalUs(stream, this.config.repairUs[fault.kind]);
    return totalUs;
  }

  private startWork(job: Job): void {
    job.workStartedAtUs = this.sim.nowUs;
    this.busy.add(1, this.sim.nowUs);
    this.working.push(job);
    job.handle = this.sim.schedule(job.remainingWorkUs, () => this.workDone(job), PRIORITY_WORK_DONE);
  }

  private stopWork(job: Job): void {
    const workedUs = this.sim.nowUs - job.workStartedAtUs;
    job.remainingWorkUs -= workedUs;
    this.handsOnUs += workedUs;
    this.busy.add(-1, this.sim.nowUs);
    this.remove(this.working, job);
    if (job.handle !== undefined) this.sim.cancel(job.handle);
    job.handle = undefined;
  }

  private workDone(job: Job): void {
    job.handle = undefined;
    this.stopWork(job);
    const atUs = this.sim.nowUs;
    if (job.route === 'onSite') {
      this.finish(job, atUs);
    } else {
      this.away++;
      this.sentAway++;
      const leadUs = lognormalUs(this.site.repairStream(job.rig), this.config.sendAway.lead);
      this.recorder?.log(atUs, 'RigSentAway', { rig: job.rig, leadUs });
      this.sim.schedule(leadUs, () => {
        this.away--;
        this.finish(job, this.sim.nowUs);
      });
    }
    this.dispatch();
  }

  private finish(job: Job, atUs: number): void {
    this.jobs.delete(job.rig);
    this.jobsDone++;
    this.site.repaired(job.rig, job.route, atUs);
  }

  private restocked(part: PartKind, atUs: number): void {
    this.recorder?.log(atUs, 'SpareRestocked', { part, inStock: this.spares.available(part) });
    this.dispatch();
  }

  private scheduleShiftChange(): void {
    const nextUs = this.calendar.nextChangeAfterUs(this.sim.nowUs);
    if (nextUs === Infinity) return;
    this.sim.scheduleAt(nextUs, () => {
      const atUs = this.sim.nowUs;
      this.onDuty.set(this.calendar.staffAt(atUs), atUs);
      // The shift ends for the most recently started work first; it resumes before new jobs.
      while (this.busy.value > this.onDuty.value) {
        const job = this.working[this.working.length - 1];
        this.stopWork(job);
        this.paused.push(job);
        this.recorder?.log(atUs, 'RepairPaused', { rig: job.rig, remainingWorkUs: job.remainingWorkUs });
      }
      this.dispatch();
      this.scheduleShiftChange();
    });
  }

  private remove(list: Job[], job: Job): void {
    const i = list.indexOf(job);
    if (i >= 0) list.splice(i, 1);
  }
}

/** A lognormal duration in whole µs (≥ 1), median medianUs. */
export function lognormalUs(stream: RandomStream, spec: LognormalSpec): number {
  return Math.max(1, Math.round(stream.lognormal(Math.log(spec.medianUs), spec.sigma)));
}

export function checkLognormal(spec: LognormalSpec, path: string): LognormalSpec {
  checkPositive(`${path}.medianUs`, spec.medianUs);
  checkNonNegative(`${path}.sigma`, spec.sigma);
  return spec;
}

export function checkMaintenanceConfig(config: MaintenanceConfig, path = 'maintenance'): MaintenanceConfig {
  if (config.discipline !== 'fifo' && config.discipline !== 'priority') {
    throw new RangeError(`${path}.discipline must be 'fifo' or 'priority', got ${shown(config.discipline)}`);
  }
  checkUs(`${path}.weekOffsetUs`, config.weekOffsetUs);
  for (const kind of COMPONENT_KINDS) {
    checkLognormal(config.repairUs[kind], `${path}.repairUs.${kind}`);
    checkFraction(`${path}.sendAwayProbability.${kind}`, config.sendAwayProbability[kind]);
  }
  checkUs(`${path}.sendAway.handlingUs`, config.sendAway.handlingUs);
  checkLognormal(config.sendAway.lead, `${path}.sendAway.lead`);
  return config;
}
