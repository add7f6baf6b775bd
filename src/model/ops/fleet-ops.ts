// Operations of a fleet of N rigs of one model on a Simulation: components fail (failures.ts),
// monitoring finds them (detection.ts), the crew repairs them (maintenance.ts); the twin reads each
// rig's hashrate fraction and feeds in temperatures and share verdicts.
import type { RandomStream, Recorder, Simulation } from '../../engine/index.js';
import type { WorkerHealth } from '../shares/index.js';
import { checkFinite, shown } from './_check.js';
import { accelerationFactor } from './acceleration.js';
import { COMPONENT_KINDS, hardwareReports, type PerComponent } from './components.js';
import { resolveFleetOpsConfig, type FleetOpsConfig, type FleetOpsOptions } from './config.js';
import { Monitor, type Alert, type MonitorChannel, type VerdictOutcome } from './detection.js';
import type { DetectionChannel, Fault, RepairRoute } from './fault.js';
import { RigHardware, US_PER_YEAR, type Component } from './failures.js';
import { MeanUs, type FleetOpsKpis } from './kpis.js';
import { Maintenance, type MaintenanceSite } from './maintenance.js';
import { TimeWeighted } from './time-weighted.js';

/** healthy: no open fault; faulty: an open fault, in service (maybe still hashing); inRepair: out of service. */
export type RigStatus = 'healthy' | 'faulty' | 'inRepair';

export interface FleetOpsHooks {
  /** After any change to a rig's hashrate, running state, cooling or status. */
  onRigChanged?: (rig: number, atUs: number) => void;
  onAlert?: (alert: Alert) => void;
  /** Logs ComponentFailed, FailureDetected, RepairQueued, RepairStarted, RigSentAway, RigRepaired … (only log is used). */
  recorder?: Pick<Recorder, 'log'>;
}

export interface FleetOps {
  readonly config: FleetOpsConfig;
  readonly rigCount: number;
  /** Delivered / nominal hashrate of the rig, in [0, 1]. */
  effectiveHashrateFraction(rig: number): number;
  /** What the rig's own API reports / nominal: blind to silent chip degradation. */
  reportedHashrateFraction(rig: number): number;
  /** Hashing at all (in service, PSU and controller up, a board working). */
  isRunning(rig: number): boolean;
  /** Working fans / fans: below 1 the rig runs hotter (the thermal model's input). */
  coolingFraction(rig: number): number;
  temperatureC(rig: number): number;
  status(rig: number): RigStatus;
  openFaults(rig: number): readonly Fault[];
  counts(): Readonly<Record<RigStatus, number>>;
  /** The thermal model's input (atUs = sim.nowUs); rescales the rig's failure clocks. */
  setTemperature(rig: number, tempC: number, atUs: number): void;
  /**
   * The pool's share-based verdict on a rig (HealthTracker status, atUs = sim.nowUs); raises alerts
   * when detection.shares is on. Reset the rig's tracker when onRigChanged reports it repaired, or a
   * stale verdict counts as a false alarm.
   */
  shareVerdict(rig: number, verdict: WorkerHealth, atUs: number): VerdictOutcome;
  kpis(): FleetOpsKpis;
}

interface RigOps {
  hardware: RigHardware;
  status: RigStatus;
  open: Fault[];
  /** The faults the repair under way will fix. */
  covered: Fault[];
  effective: number;
  running: boolean;
  routeStream: RandomStream;
  repairStream: RandomStream;
}

/**
 * Rig i draws from streams.child(`rig-${i}`) (its components from `…/hashboard-0` etc.), so adding a
 * rig leaves the others' luck unchanged and two scenarios with one seed share their failures.
 */
export function createFleetOps(sim: Simulation, streams: RandomStream, config: FleetOpsOptions, hooks: FleetOpsHooks = {}): FleetOps {
  return new FleetOpsModel(sim, streams, resolveFleetOpsConfig(config), hooks);
}

class FleetOpsModel implements FleetOps, MaintenanceSite {
  readonly rigCount: number;
  private readonly rigs: RigOps[] = [];
  private readonly monitor: Monitor;
  private readonly maintenance: Maintenance;
  private readonly statusCounts: Record<RigStatus, number>;
  private readonly startedAtUs: number;
  private readonly running: TimeWeighted;
  private readonly delivered: TimeWeighted;
  private readonly failuresByKind: PerComponent<number> = { hashboard: 0, chips: 0, fan: 0, psu: 0, controller: 0 };
  private readonly detectionsByChannel: Record<DetectionChannel, number> = { polling: 0, shares: 0, onSite: 0 };
  private readonly ttd = new MeanUs();
  private readonly ttdByChannel: Record<MonitorChannel, MeanUs> = { polling: new MeanUs(), shares: new MeanUs() };
  private readonly ttr = new MeanUs();
  private readonly restore = new MeanUs();
  private faultSeq = 0;
  /** The last temperature reported and its acceleration: rigs in one container share it, so it is computed once. */
  private lastTempC = NaN;
  private lastAcceleration = 1;
  private faultsRepaired = 0;
  private falseAlarms = 0;

  constructor(
    private readonly sim: Simulation,
    streams: RandomStream,
    readonly config: FleetOpsConfig,
    private readonly hooks: FleetOpsHooks,
  ) {
    const atUs = sim.nowUs;
    this.rigCount = config.rigCount;
    this.startedAtUs = atUs;
    this.statusCounts = { healthy: config.rigCount, faulty: 0, inRepair: 0 };
    this.monitor = new Monitor(sim, config.detection, config.rigCount, (rig, faults, channel, at) => this.detected(rig, faults, channel, at));
    this.maintenance = new Maintenance(sim, config.maintenance, this, hooks.recorder);
    for (let rig = 0; rig < config.rigCount; rig++) {
      const stream = streams.child(`rig-${rig}`);
      const hardware = new RigHardware(sim, stream, config.rig, config.failure, (component, at) => this.failed(rig, component, at));
      this.rigs.push({
        hardware, status: 'healthy', open: [], covered: [], effective: 0, running: false,
        routeStream: stream.child('route'), repairStream: stream.child('repair'),
      });
    }
    this.running = new TimeWeighted(atUs);
    this.delivered = new TimeWeighted(atUs);
    for (let rig = 0; rig < config.rigCount; rig++) {
      this.rigs[rig].hardware.setInService(true, atUs);
      this.refresh(rig, atUs, false);
    }
  }

  // ---- what the twin reads ----

  effectiveHashrateFraction(rig: number): number {
    return this.rig(rig).effective;
  }

  reportedHashrateFraction(rig: number): number {
    return this.rig(rig).hardware.reportedFraction();
  }

  isRunning(rig: number): boolean {
    return this.rig(rig).running;
  }

  coolingFraction(rig: number): number {
    return this.rig(rig).hardware.coolingFraction();
  }

  temperatureC(rig: number): number {
    return this.rig(rig).hardware.tempC;
  }

  status(rig: number): RigStatus {
    return this.rig(rig).status;
  }

  openFaults(rig: number): readonly Fault[] {
    return this.rig(rig).open;
  }

  counts(): Readonly<Record<RigStatus, number>> {
    return { ...this.statusCounts };
  }

  // ---- what the twin feeds in ----

  setTemperature(rig: number, tempC: number, atUs: number): void {
    this.checkNow(atUs);
    if (tempC !== this.lastTempC) {
      checkFinite('tempC', tempC);
      this.lastTempC = tempC;
      this.lastAcceleration = accelerationFactor(tempC, this.config.failure.refTempC, this.config.failure.factorPer10C);
    }
    this.rig(rig).hardware.setTemperature(tempC, atUs, this.lastAcceleration);
  }

  shareVerdict(rig: number, verdict: WorkerHealth, atUs: number): VerdictOutcome {
    this.checkNow(atUs);
    if (verdict !== 'alive' && verdict !== 'degraded' && verdict !== 'dead') {
      throw new RangeError(`verdict must be 'alive', 'degraded' or 'dead', got ${shown(verdict)}`);
    }
    const state = this.rig(rig);
    // Out of service the rig sends no shares by design; the pool's verdict says nothing new.
    if (state.status === 'inRepair') return 'ignored';
    const outcome = this.monitor.verdict(rig, verdict, atUs, state.open);
    if (outcome === 'falseAlarm') {
      this.falseAlarms++;
      this.hooks.recorder?.log(atUs, 'FalseAlarmRaised', { rig, verdict });
    }
    return outcome;
  }

  kpis(): FleetOpsKpis {
    const atUs = this.sim.nowUs;
    const elapsedUs = atUs - this.startedAtUs;
    const rigUs = this.rigCount * elapsedUs;
    const deliveredRigUs = this.delivered.integralTo(atUs);
    const exposureYearsByKind = { ...this.failuresByKind };
    const expectedFailuresByKind = { ...this.failuresByKind };
    let openFaults = 0;
    let undetectedFaults = 0;
    for (const kind of COMPONENT_KINDS) {
      exposureYearsByKind[kind] = 0;
      expectedFailuresByKind[kind] = 0;
    }
    for (const state of this.rigs) {
      for (const kind of COMPONENT_KINDS) {
        exposureYearsByKind[kind] += state.hardware.exposureUs(kind, atUs) / US_PER_YEAR;
        expectedFailuresByKind[kind] += state.hardware.cumulativeHazard(kind, atUs);
      }
      openFaults += state.open.length;
      undetectedFaults += state.open.filter((f) => f.detectedAtUs === undefined).length;
    }
    const crew = this.maintenance.stats();
    return {
      atUs,
      elapsedUs,
      rigCount: this.rigCount,
      availability: rigUs > 0 ? this.running.integralTo(atUs) / rigUs : null,
      hashrateAvailability: rigUs > 0 ? deliveredRigUs / rigUs : null,
      lostHashes: ((rigUs - deliveredRigUs) * this.config.rig.hashrateHs) / 1e6,
      failures: COMPONENT_KINDS.reduce((sum, kind) => sum + this.failuresByKind[kind], 0),
      failuresByKind: { ...this.failuresByKind },
      exposureYearsByKind,
      expectedFailuresByKind,
      detectionsByChannel: { ...this.detectionsByChannel },
      meanTimeToDetectUs: this.ttd.mean,
      meanTimeToDetectUsByChannel: { polling: this.ttdByChannel.polling.mean, shares: this.ttdByChannel.shares.mean },
      meanTimeToRepairUs: this.ttr.mean,
      meanTimeToRestoreUs: this.restore.mean,
      faultsRepaired: this.faultsRepaired,
      repairsDone: crew.jobsDone,
      sentAway: crew.sentAway,
      partsWaits: crew.partsWaits,
      falseAlarms: this.falseAlarms,
      staffUtilisation: crew.staffUtilisation,
      busyTechUs: crew.busyTechUs,
      onDutyTechUs: crew.onDutyTechUs,
      handsOnUs: crew.handsOnUs,
      repairJobs: { queued: crew.queued, working: crew.working, paused: crew.paused, away: crew.away },
      openFaults,
      undetectedFaults,
      rigs: this.counts(),
    };
  }

  // ---- MaintenanceSite ----

  diagnose(rig: number): readonly Fault[] {
    return this.rigs[rig].open.filter((f) => f.detectedAtUs !== undefined || hardwareReports(f.kind));
  }

  hashrateLostFraction(rig: number): number {
    return 1 - this.rigs[rig].effective;
  }

  repairStream(rig: number): RandomStream {
    return this.rigs[rig].repairStream;
  }

  repairStarted(rig: number, faults: readonly Fault[], route: RepairRoute, atUs: number): void {
    const state = this.rigs[rig];
    // The repair centre bench-tests the whole rig, so it also finds what no monitor reported.
    state.covered = route === 'sendAway' ? [...state.open] : [...faults];
    for (const fault of state.covered) {
      if (fault.detectedAtUs === undefined) this.markDetected(fault, 'onSite', atUs);
    }
    this.setStatus(state, 'inRepair');
    state.hardware.setInService(false, atUs);
    this.hooks.recorder?.log(atUs, 'RepairStarted', { rig, route, kinds: state.covered.map((f) => f.kind) });
    this.refresh(rig, atUs);
  }

  repaired(rig: number, route: RepairRoute, atUs: number): void {
    const state = this.rigs[rig];
    for (const fault of state.covered) {
      state.hardware.replace(fault.component, atUs);
      fault.repairedAtUs = atUs;
      this.ttr.add(atUs - fault.detectedAtUs!);
      this.restore.add(atUs - fault.failedAtUs);
      state.open.splice(state.open.indexOf(fault), 1);
    }
    this.faultsRepaired += state.covered.length;
    const kinds = state.covered.map((f) => f.kind);
    state.covered = [];
    this.setStatus(state, state.open.length > 0 ? 'faulty' : 'healthy');
    state.hardware.setInService(true, atUs);
    this.hooks.recorder?.log(atUs, 'RigRepaired', { rig, route, kinds });
    this.refresh(rig, atUs);
    if (state.open.some((f) => f.detectedAtUs !== undefined)) this.maintenance.request(rig, atUs);
  }

  // ---- events ----

  private failed(rig: number, component: Component, atUs: number): void {
    const state = this.rigs[rig];
    const sendAway = state.routeStream.bernoulli(this.config.maintenance.sendAwayProbability[component.kind]);
    const fault: Fault = {
      id: this.faultSeq++, rig, component, kind: component.kind, index: component.index, failedAtUs: atUs,
      route: sendAway ? 'sendAway' : 'onSite', detectedAtUs: undefined, channel: undefined, repairedAtUs: undefined,
    };
    state.open.push(fault);
    this.failuresByKind[fault.kind]++;
    if (state.status === 'healthy') this.setStatus(state, 'faulty');
    this.hooks.recorder?.log(atUs, 'ComponentFailed', { rig, kind: fault.kind, index: fault.index });
    this.monitor.watch(fault);
    this.refresh(rig, atUs);
  }

  private detected(rig: number, faults: readonly Fault[], channel: MonitorChannel, atUs: number): void {
    for (const fault of faults) {
      this.markDetected(fault, channel, atUs);
      this.ttd.add(atUs - fault.failedAtUs);
      this.ttdByChannel[channel].add(atUs - fault.failedAtUs);
    }
    this.hooks.onAlert?.({ atUs, rig, channel, faults: [...faults] });
    if (this.rigs[rig].status !== 'inRepair') this.maintenance.request(rig, atUs);
  }

  private markDetected(fault: Fault, channel: DetectionChannel, atUs: number): void {
    fault.detectedAtUs = atUs;
    fault.channel = channel;
    this.monitor.forget(fault);
    this.detectionsByChannel[channel]++;
    this.hooks.recorder?.log(atUs, 'FailureDetected', {
      rig: fault.rig, kind: fault.kind, index: fault.index, channel, timeToDetectUs: atUs - fault.failedAtUs,
    });
  }

  private setStatus(state: RigOps, status: RigStatus): void {
    this.statusCounts[state.status]--;
    this.statusCounts[status]++;
    state.status = status;
  }

  /** Brings the rig's cached hashrate and running state (and the fleet integrals) up to date. */
  private refresh(rig: number, atUs: number, notify = true): void {
    const state = this.rigs[rig];
    const effective = state.hardware.effectiveFraction();
    const running = effective > 0;
    if (effective !== state.effective) this.delivered.add(effective - state.effective, atUs);
    if (running !== state.running) this.running.add(running ? 1 : -1, atUs);
    state.effective = effective;
    state.running = running;
    if (notify) this.hooks.onRigChanged?.(rig, atUs);
  }

  private rig(rig: number): RigOps {
    const state = this.rigs[rig];
    if (!Number.isInteger(rig) || state === undefined) throw new RangeError(`rig must be an integer in [0, ${this.rigCount}), got ${shown(rig)}`);
    return state;
  }

  private checkNow(atUs: number): void {
    if (atUs !== this.sim.nowUs) throw new RangeError(`atUs must be the simulation's now (${this.sim.nowUs}), got ${shown(atUs)}`);
  }
}
