// One fleet group (one container) under operations: its FleetOps (failures, detection, crew), each
// rig's hashrate and power as the twin sees them — the rig's faults times its own thermal state, a
// rig with a failed fan running hotter (site/thermal.ts) — the rig temperatures fed to the failure
// clocks, and the pool's share verdicts fed to detection.
import type { Recorder } from '../../../../engine/index.js';
import { findModel, type RigModel } from '../../../hardware/index.js';
import { createFleetOps, DEFAULT_RIG_SPEC, type FleetOps, type RigStatus } from '../../../ops/index.js';
import { TimeWeighted } from '../../../ops/time-weighted.js';
import { rigState } from '../../../site/index.js';
import type { GroupRigs, GroupRuntime } from '../../group-runtime.js';
import type { TwinSystemContext } from '../../system.js';
import { REFERENCE_INTAKE_C, type OperationsConfig } from './config.js';
import { FractionHistory } from './fraction-history.js';
import { drawnWindows, estimatorWindows, ShareJudge, type ShareRules } from './share-judge.js';

/** A rig's thermal state: fractions of nominal hashrate and power, and its temperature (NaN without weather). */
interface RigThermal {
  readonly hashrateFraction: number;
  readonly powerFraction: number;
  readonly tempC: number;
}

/** Told after any change to a rig's faults, service or status (the rentals system listens). */
export type RigListener = (rig: number, atUs: number) => void;

function sameFractions(a: RigThermal, b: RigThermal): boolean {
  return a.hashrateFraction === b.hashrateFraction && a.powerFraction === b.powerFraction;
}

export class OpsGroup implements GroupRigs {
  readonly fleet: FleetOps;
  readonly group: GroupRuntime;
  /** Each rig's delivered hashrate fraction where the site lets it run (0 while curtailed). */
  readonly history: FractionHistory;
  readonly judge: ShareJudge | undefined;
  private readonly model: RigModel | undefined;
  private readonly hash: Float64Array;
  private readonly power: Float64Array;
  /** FleetOps' view of each rig, cached at its changes: hot loops read these, not the rig's parts. */
  private readonly effective: Float64Array;
  private readonly boards: Float64Array;
  private readonly fanFailed: Uint8Array;
  private readonly status: RigStatus[];
  /** Whether the site let the rig run this slot (not curtailed, container not shut down). */
  private readonly siteRuns: Uint8Array;
  /** Rigs hashing at all (FleetOps.isRunning), one flag each and their time-weighted count. */
  private readonly runningFlags: Uint8Array;
  private readonly runningRigs: TimeWeighted;
  private readonly listeners: RigListener[] = [];
  private withFans: RigThermal = { hashrateFraction: 1, powerFraction: 1, tempC: NaN };
  private withFailedFan: RigThermal = this.withFans;
  private runningIntegralAtSlotStartUs = 0;
  /** The site's decision for the last slot, to skip recomputing rigs when only the weather moved. */
  private lastRunningCount = -1;

  constructor(ctx: TwinSystemContext, group: GroupRuntime, config: OperationsConfig) {
    const id = group.config.id;
    const count = group.config.count;
    const atUs = ctx.sim.nowUs;
    this.group = group;
    this.model = group.config.modelId === undefined ? undefined : findModel(group.config.modelId);
    const spec = this.model?.components ?? DEFAULT_RIG_SPEC;
    const log: Pick<Recorder, 'log'> = { log: (at, type, data) => ctx.recorder.log(at, type, { group: id, ...(data as object) }) };
    this.fleet = createFleetOps(ctx.sim, ctx.root.stream(`system/ops/${id}`), {
      ...config.fleetOps,
      rigCount: count,
      rig: { model: this.model?.name ?? id, hashrateHs: group.config.hashrateHs, hashboards: spec.hashboards, fans: spec.fans },
      failure: {
        ...config.fleetOps.failure,
        refTempC: config.referenceRigTempC ?? REFERENCE_INTAKE_C + (this.model?.thermal.ratedDeltaC ?? 0),
      },
    }, { recorder: log, onRigChanged: (rig, at) => this.rigChanged(rig, at) });
    this.hash = new Float64Array(count);
    this.power = new Float64Array(count);
    this.effective = new Float64Array(count);
    this.boards = new Float64Array(count);
    this.fanFailed = new Uint8Array(count);
    this.status = Array.from({ length: count }, (_, rig) => this.fleet.status(rig));
    this.siteRuns = new Uint8Array(count).fill(1);
    this.runningFlags = new Uint8Array(count);
    this.runningRigs = new TimeWeighted(atUs, 0);
    const { monitoring } = ctx.config;
    const rules: ShareRules = {
      windowUs: monitoring.windowUs, deadAfterUs: monitoring.deadAfterUs,
      degradedBelowPct: monitoring.degradedBelowPct, confirmDegradedUs: config.confirmDegradedUs,
    };
    this.history = new FractionHistory(count, atUs, 1, Math.max(rules.windowUs, rules.deadAfterUs));
    for (let rig = 0; rig < count; rig++) {
      this.cacheRig(rig);
      this.refresh(rig, atUs);
    }
    if (config.fleetOps.detection?.shares !== false) {
      const source = ctx.config.resolution === 'exact'
        ? estimatorWindows((rig) => group.workers[rig].health.estimator, rules.deadAfterUs)
        : drawnWindows(Array.from({ length: count }, (_, rig) => ctx.root.stream(`system/ops/${id}/rig-${rig}/shares`)), this.history, rules, group);
      this.judge = new ShareJudge(this.fleet, source, rules, atUs);
    }
    group.rigs = this;
  }

  get id(): string {
    return this.group.config.id;
  }

  // ---- GroupRigs: what the twin reads ----

  hashrateFraction(rig: number): number {
    return this.hash[rig];
  }

  powerFraction(rig: number): number {
    return this.power[rig];
  }

  onRigChanged(listener: RigListener): void {
    this.listeners.push(listener);
  }

  /** Whether the site lets the rig run this slot. */
  siteLetsRun(rig: number): boolean {
    return this.siteRuns[rig] === 1;
  }

  /** What the rig's own API reports now, as a fraction of nominal: blind to silent chip degradation. */
  reportedFraction(rig: number): number {
    return this.siteRuns[rig] === 1 ? this.boards[rig] * this.thermalOf(rig).hashrateFraction : 0;
  }

  /** Rig-µs running (hashing at all) since the last call, and the µs it covered: the slot's availability. */
  takeRunningRigUs(atUs: number): number {
    const integral = this.runningRigs.integralTo(atUs);
    const slotRigUs = integral - this.runningIntegralAtSlotStartUs;
    this.runningIntegralAtSlotStartUs = integral;
    return slotRigUs;
  }

  // ---- slot edges ----

  /** After the site has decided the slot: which rigs run, their temperatures and thermal states. */
  startSlot(atUs: number): void {
    const g = this.group;
    const t = g.thermal;
    const before = [this.withFans, this.withFailedFan];
    this.withFans = { hashrateFraction: t.hashrateFraction, powerFraction: t.powerFraction, tempC: t.rigTempC };
    this.withFailedFan = this.model !== undefined && Number.isFinite(t.intakeC)
      ? rigState({ intakeC: t.intakeC, model: this.model, fanOk: false })
      : this.withFans;
    const unchanged = g.runningCount === this.lastRunningCount
      && sameFractions(before[0], this.withFans) && sameFractions(before[1], this.withFailedFan);
    this.lastRunningCount = g.runningCount;
    for (let rig = 0; rig < g.config.count; rig++) {
      // Rigs off (on the bench, a dead PSU) age no parts; they get their temperature when they change.
      if (this.effective[rig] > 0) this.feedTemperature(rig, atUs);
      if (unchanged) continue;
      const runs = rig < g.runningCount && t.status !== 'shutdown';
      if (runs && this.siteRuns[rig] === 0) this.judge?.reset(rig, atUs);
      this.siteRuns[rig] = runs ? 1 : 0;
      this.refresh(rig, atUs);
    }
  }

  /** Judges every rig the site let run and that is in service, from its shares. */
  judgeShares(atUs: number): void {
    const judge = this.judge;
    if (judge === undefined) return;
    const expectedHs = this.group.workerHashrateHs * this.withFans.hashrateFraction;
    for (let rig = 0; rig < this.group.config.count; rig++) {
      if (this.siteRuns[rig] === 1 && this.status[rig] !== 'inRepair') judge.judge(rig, atUs, expectedHs);
    }
  }

  // ---- internals ----

  private thermalOf(rig: number): RigThermal {
    return this.fanFailed[rig] === 1 ? this.withFailedFan : this.withFans;
  }

  private cacheRig(rig: number): void {
    this.effective[rig] = this.fleet.effectiveHashrateFraction(rig);
    this.boards[rig] = this.fleet.reportedHashrateFraction(rig);
    this.fanFailed[rig] = this.fleet.coolingFraction(rig) < 1 ? 1 : 0;
  }

  private feedTemperature(rig: number, atUs: number): void {
    const tempC = this.thermalOf(rig).tempC;
    if (Number.isFinite(tempC)) this.fleet.setTemperature(rig, tempC, atUs);
  }

  private rigChanged(rig: number, atUs: number): void {
    this.cacheRig(rig);
    this.feedTemperature(rig, atUs);
    this.refresh(rig, atUs);
    const status = this.fleet.status(rig);
    if (this.status[rig] === 'inRepair' && status !== 'inRepair') this.judge?.reset(rig, atUs);
    this.status[rig] = status;
    for (const listener of this.listeners) listener(rig, atUs);
  }

  /** Brings the rig's hashrate and power up to date; the site meters the time before a power change first. */
  private refresh(rig: number, atUs: number): void {
    const thermal = this.thermalOf(rig);
    const hash = this.effective[rig] * thermal.hashrateFraction;
    // A rig draws power for its working boards (a failed board draws nothing), degraded chips included.
    const power = this.boards[rig] * thermal.powerFraction;
    const running = rig < this.group.runningCount;
    if (running && power !== this.power[rig]) this.group.onPowerChanging(atUs);
    this.hash[rig] = hash;
    this.power[rig] = power;
    this.history.set(rig, atUs, running ? hash : 0);
    const hashing = this.effective[rig] > 0 ? 1 : 0;
    if (hashing !== this.runningFlags[rig]) {
      this.runningFlags[rig] = hashing;
      this.runningRigs.add(hashing === 1 ? 1 : -1, atUs);
    }
  }
}
