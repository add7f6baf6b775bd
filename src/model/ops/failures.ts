// One rig's hardware: each component fails after an exponential time at its annual rate, scaled by
// the temperature acceleration (acceleration.ts), and the rig's hashrate and cooling follow from
// which components have failed. Components age only while the rig is powered and hashing.
import type { EventHandle, RandomStream, Simulation } from '../../engine/index.js';
import { US_PER_DAY } from '../units.js';
import { accelerationFactor } from './acceleration.js';
import { checkFinite, checkFraction, checkNonNegative, checkPositive } from './_check.js';
import { COMPONENT_KINDS, componentCount, stopsRig, type ComponentKind, type PerComponent, type RigSpec } from './components.js';

/** A Julian year, the unit of ratePerYear. */
export const US_PER_YEAR = 365.25 * US_PER_DAY;
/** How far ahead a rig's wake-up may be scheduled (see RigHardware). */
const WAKE_LOOKAHEAD_US = 7 * US_PER_DAY;

export interface FailureConfig {
  /** Failures per component-year in operation at refTempC (a hazard rate; ≈ the annual failure fraction when small). */
  ratePerYear: PerComponent<number>;
  /** The temperature the rates hold at, in whatever the thermal model passes to setTemperature (intake air by default). */
  refTempC: number;
  /** Rate multiplier per +10 °C; 2 is the 10-degree rule, 1 turns acceleration off. */
  factorPer10C: number;
  /** Silent chip degradation leaves the rig at a uniform fraction of nominal in [min, max]. */
  degradedFraction: { min: number; max: number };
}

/** A component as the rest of the model sees it. */
export interface Component {
  readonly kind: ComponentKind;
  /** 0-based among the rig's components of this kind. */
  readonly index: number;
  readonly failed: boolean;
  /** Hashrate fraction left by a degraded chip set; 1 when working (and for every other kind). */
  readonly degradedFraction: number;
}

export type ComponentFailedHandler = (component: Component, atUs: number) => void;

class ComponentClock implements Component {
  failed = false;
  degradedFraction = 1;
  /** The Exp(1) amount of integrated hazard this part has left before it fails. */
  hazardLeft: number;
  ticking = false;
  tickingSinceUs = 0;
  /** The rig's accelerated age when this part last started ticking. */
  startAgeUs = 0;
  /** The rig's accelerated age at which the hazard left runs out (Infinity when idle or rate 0). */
  dueAgeUs = Infinity;
  exposureUs = 0;
  hazardUsed = 0;

  constructor(
    readonly kind: ComponentKind,
    readonly index: number,
    readonly stream: RandomStream,
    /** Base rate at refTempC, per µs. */
    readonly ratePerUs: number,
  ) {
    this.hazardLeft = stream.exponential(1);
  }
}

/**
 * Failure times are drawn as an Exp(1) budget of integrated hazard per part, spent at the current
 * rate while the part runs. All parts of a rig share its temperature, so the rig keeps one
 * accelerated age, ∫ acceleration dt, and a part fails when it has run for hazardLeft / base rate of
 * that age: a temperature report costs O(1), however many parts.
 *
 * A rate change rescales the time left instead of drawing anew (the brief's "re-draw"): by
 * memorylessness the two have the same law, and rescaling keeps common random numbers, so a hotter
 * what-if fails the same parts earlier rather than different parts at random.
 *
 * One wake-up event per rig, at the earliest due time but never more than a week ahead: the engine
 * cancels lazily (a cancelled entry stays queued until its time), so cancelling a years-ahead event
 * on every temperature report would pile up millions of dead entries; a week-ahead one surfaces soon.
 */
export class RigHardware {
  readonly components: readonly Component[];
  private readonly clocks: ComponentClock[];
  private inService = false;
  private powered = false;
  private currentTempC: number;
  private acceleration = 1;
  /** Accelerated age (reference-temperature µs) at ageUpdatedAtUs. */
  private ageUs = 0;
  private ageUpdatedAtUs: number;
  /** Min of the ticking parts' dueAgeUs, kept as parts start and stop. */
  private nextDueAgeUs = Infinity;
  private wakeAtUs = Infinity;
  private wakeHandle: EventHandle | undefined;

  constructor(
    private readonly sim: Simulation,
    stream: RandomStream,
    readonly spec: RigSpec,
    private readonly config: FailureConfig,
    private readonly onFailed: ComponentFailedHandler,
  ) {
    this.clocks = [];
    for (const kind of COMPONENT_KINDS) {
      const ratePerUs = config.ratePerYear[kind] / US_PER_YEAR;
      for (let index = 0; index < componentCount(spec, kind); index++) {
        this.clocks.push(new ComponentClock(kind, index, stream.child(`${kind}-${index}`), ratePerUs));
      }
    }
    this.components = this.clocks;
    this.currentTempC = config.refTempC;
    this.ageUpdatedAtUs = sim.nowUs;
  }

  get tempC(): number {
    return this.currentTempC;
  }

  /** Powered and hashing: in service, PSU and controller working. */
  get isPowered(): boolean {
    return this.powered;
  }

  /** The current rate of a kind at this rig's temperature, per year. */
  ratePerYear(kind: ComponentKind): number {
    return this.config.ratePerYear[kind] * this.acceleration;
  }

  /** Puts the rig in service (true) or takes it out for repair (false, powered off). */
  setInService(inService: boolean, atUs: number): void {
    this.inService = inService;
    this.updatePower(atUs);
  }

  /** acceleration may be passed in when the caller has it for this tempC (a fleet at one temperature computes it once). */
  setTemperature(tempC: number, atUs: number, acceleration?: number): void {
    checkFinite('tempC', tempC);
    if (tempC === this.currentTempC) return;
    this.advanceAge(atUs);
    this.currentTempC = tempC;
    this.acceleration = acceleration ?? accelerationFactor(tempC, this.config.refTempC, this.config.factorPer10C);
    this.planWake(atUs);
  }

  /** Fits a new part in place of a failed one: fresh hazard budget, aging once the rig runs. */
  replace(component: Component, atUs: number): void {
    const clock = this.clocks.find((c) => c === component);
    if (clock === undefined) throw new RangeError(`component must belong to this rig, got ${component.kind}-${component.index}`);
    if (!clock.failed) return;
    clock.failed = false;
    clock.degradedFraction = 1;
    clock.hazardLeft = clock.stream.exponential(1);
    this.updatePower(atUs);
  }

  /** Delivered hashrate / nominal: working boards' share, times a chip degradation; 0 when down. */
  effectiveFraction(): number {
    if (!this.powered) return 0;
    let degraded = 1;
    for (const clock of this.clocks) if (clock.kind === 'chips') degraded *= clock.degradedFraction;
    return this.reportedFraction() * degraded;
  }

  /** What the miner's API reports: working boards at nominal, blind to chip degradation; 0 when down. */
  reportedFraction(): number {
    if (!this.powered) return 0;
    return this.working('hashboard') / this.spec.hashboards;
  }

  /** Working fans / fans (1 for a fanless rig): the thermal model's input for a rig running hotter. */
  coolingFraction(): number {
    return this.spec.fans === 0 ? 1 : this.working('fan') / this.spec.fans;
  }

  /** Component-µs in operation of a kind up to atUs. */
  exposureUs(kind: ComponentKind, atUs: number): number {
    let total = 0;
    for (const clock of this.clocks) {
      if (clock.kind === kind) total += clock.exposureUs + (clock.ticking ? atUs - clock.tickingSinceUs : 0);
    }
    return total;
  }

  /** Expected failures of a kind so far: the integrated (accelerated) hazard up to atUs. */
  cumulativeHazard(kind: ComponentKind, atUs: number): number {
    const ageUs = this.ageUs + this.acceleration * (atUs - this.ageUpdatedAtUs);
    let total = 0;
    for (const clock of this.clocks) {
      if (clock.kind === kind) total += clock.hazardUsed + (clock.ticking ? clock.ratePerUs * (ageUs - clock.startAgeUs) : 0);
    }
    return total;
  }

  private working(kind: ComponentKind): number {
    let count = 0;
    for (const clock of this.clocks) if (clock.kind === kind && !clock.failed) count++;
    return count;
  }

  private advanceAge(atUs: number): void {
    this.ageUs += this.acceleration * (atUs - this.ageUpdatedAtUs);
    this.ageUpdatedAtUs = atUs;
  }

  private updatePower(atUs: number): void {
    this.advanceAge(atUs);
    this.powered = this.inService && !this.clocks.some((c) => c.failed && stopsRig(c.kind));
    this.nextDueAgeUs = Infinity;
    for (const clock of this.clocks) {
      if (this.powered && !clock.failed) {
        this.startClock(clock, atUs);
        if (clock.dueAgeUs < this.nextDueAgeUs) this.nextDueAgeUs = clock.dueAgeUs;
      } else {
        this.stopClock(clock, atUs);
      }
    }
    this.planWake(atUs);
  }

  private startClock(clock: ComponentClock, atUs: number): void {
    if (clock.ticking || clock.failed) return;
    clock.ticking = true;
    clock.tickingSinceUs = atUs;
    clock.startAgeUs = this.ageUs;
    clock.dueAgeUs = clock.ratePerUs === 0 ? Infinity : this.ageUs + clock.hazardLeft / clock.ratePerUs;
  }

  private stopClock(clock: ComponentClock, atUs: number): void {
    if (!clock.ticking) return;
    const used = clock.ratePerUs * (this.ageUs - clock.startAgeUs);
    clock.hazardLeft = Math.max(0, clock.hazardLeft - used);
    clock.hazardUsed += used;
    clock.exposureUs += atUs - clock.tickingSinceUs;
    clock.ticking = false;
    clock.dueAgeUs = Infinity;
  }

  /** Whole µs from now until a part due at dueAgeUs fails, at the current acceleration. */
  private delayUs(dueAgeUs: number): number {
    return Math.round((dueAgeUs - this.ageUs) / this.acceleration);
  }

  /** Makes sure a wake-up is pending no later than the earliest due time (and within a week). */
  private planWake(atUs: number): void {
    if (this.nextDueAgeUs === Infinity) return;
    const delayUs = Math.max(0, this.delayUs(this.nextDueAgeUs));
    const wakeAtUs = Math.min(atUs + WAKE_LOOKAHEAD_US, delayUs <= Number.MAX_SAFE_INTEGER - atUs ? atUs + delayUs : Infinity);
    if (wakeAtUs >= this.wakeAtUs) return;
    if (this.wakeHandle !== undefined) this.sim.cancel(this.wakeHandle);
    this.wakeAtUs = wakeAtUs;
    this.wakeHandle = this.sim.scheduleAt(wakeAtUs, () => this.wake());
  }

  /**
   * Fails the parts due now, in component order (a failed PSU stops the rest), then plans again. Due
   * means the same rounding as planWake gives a delay ≤ 0, so a part never misses its wake-up.
   */
  private wake(): void {
    const atUs = this.sim.nowUs;
    this.wakeAtUs = Infinity;
    this.wakeHandle = undefined;
    this.advanceAge(atUs);
    for (const clock of this.clocks) {
      if (clock.ticking && this.delayUs(clock.dueAgeUs) <= 0) this.fail(clock, atUs);
    }
    this.planWake(atUs);
  }

  private fail(clock: ComponentClock, atUs: number): void {
    this.stopClock(clock, atUs);
    clock.hazardLeft = 0;
    clock.failed = true;
    if (clock.kind === 'chips') {
      const { min, max } = this.config.degradedFraction;
      clock.degradedFraction = min + (max - min) * clock.stream.uniform();
    }
    this.updatePower(atUs);
    this.onFailed(clock, atUs);
  }
}

export function checkFailureConfig(config: FailureConfig, path = 'failure'): FailureConfig {
  for (const kind of COMPONENT_KINDS) checkNonNegative(`${path}.ratePerYear.${kind}`, config.ratePerYear[kind]);
  checkFinite(`${path}.refTempC`, config.refTempC);
  checkPositive(`${path}.factorPer10C`, config.factorPer10C);
  const { min, max } = config.degradedFraction;
  checkFraction(`${path}.degradedFraction.min`, min);
  checkFraction(`${path}.degradedFraction.max`, max);
  if (min > max) throw new RangeError(`${path}.degradedFraction.min must be ≤ max (${max}), got ${min}`);
  return config;
}
