// The site during a run: which rigs the grid capacity and the price ceiling let run, the weather's
// effect on each container's rigs, and the fleet's energy, billed exactly once a day.
import type { RandomStream, Recorder } from '../../engine/index.js';
import { findModel } from '../hardware/index.js';
import type { Ledger } from '../ledger/index.js';
import { createAmbient, type Ambient } from '../site/ambient.js';
import { chargeDraw, EMPTY_ENERGY_ACCOUNT, type EnergyAccount } from '../site/energy-cost.js';
import { createTariff, type Tariff } from '../site/tariff.js';
import { containerThermal, rigState } from '../site/thermal.js';
import { MICRO_USD_UNIT, US_PER_DAY } from '../units.js';
import type { TwinConfig } from './config.js';
import type { GroupRuntime } from './group-runtime.js';

export const OPERATOR_ACCOUNT = 'operator';
export const POWER_UTILITY_ACCOUNT = 'utility:power';

export class SiteRuntime {
  private readonly config: TwinConfig;
  private readonly groups: readonly GroupRuntime[];
  private readonly recorder: Recorder;
  private readonly tariff: Tariff;
  private readonly ambient: Ambient | undefined;
  private unbilledMicroUsd = 0n;
  /** The meter: read up to here, and what the slot being metered has cost so far. */
  private meteredUntilUs = 0;
  private slotChargeMicroUsd = 0n;
  private lastItPowerW = 0;
  energy: EnergyAccount = EMPTY_ENERGY_ACCOUNT;

  constructor(config: TwinConfig, groups: readonly GroupRuntime[], recorder: Recorder, ambientRng: RandomStream) {
    this.config = config;
    this.groups = groups;
    this.recorder = recorder;
    this.tariff = createTariff(config.site.tariff);
    this.ambient = config.site.climate ? createAmbient(config.site.climate, ambientRng) : undefined;
    // A rig that fails or goes to the bench inside a slot changes the draw there and then.
    for (const g of groups) g.onPowerChanging = (atUs) => this.meterUntil(atUs);
  }

  /** Decides the slot starting at atUs: curtailment first, then the weather on the rigs that run. */
  startSlot(atUs: number): void {
    this.curtail(atUs);
    this.applyWeather(atUs);
  }

  /**
   * Which rigs run: none while the price is above the ceiling, else rigs in fleet order while their
   * facility power fits the grid capacity (a prefix, as site/curtailment.ts decides it for single
   * rigs: more capacity never runs fewer rigs).
   */
  private curtail(atUs: number): void {
    const { site, slotUs, horizonUs } = this.config;
    const price = this.tariff.priceAt(atUs);
    const overCeiling = site.priceCeilingMicroUsdPerKWh !== undefined && price > site.priceCeilingMicroUsdPerKWh;
    let leftW = (site.capacityKw ?? Infinity) * 1000;
    let blocked = overCeiling;
    for (const g of this.groups) {
      const rigW = g.config.powerW * site.pue;
      const fits = blocked ? 0 : rigW === 0 ? g.config.count : Math.min(g.config.count, Math.floor(leftW / rigW + 1e-9));
      if (fits < g.config.count) blocked = true;
      leftW -= fits * rigW;
      if (fits !== g.runningCount) {
        this.recorder.log(atUs, fits < g.runningCount ? 'RigsCurtailed' : 'RigsResumed', {
          group: g.config.id, running: fits, of: g.config.count, reason: overCeiling ? 'price' : 'capacity',
        });
        g.runningCount = fits;
        // The pool expects what the running rigs deliver; a group that is off keeps its last expectation.
        if (fits > 0) g.health.setExpectedHashrate(g.config.hashrateHs * fits);
      }
      g.curtailedRigUs += (g.config.count - fits) * Math.min(slotUs, horizonUs - atUs);
    }
  }

  /**
   * Each group is a through-flow container: its intake is the outside air, warmed by recirculated
   * exhaust in cold weather up to the setpoint; its rigs throttle or shut down by their model's
   * limits on intake air (site/thermal.ts). Groups without a catalogue model have no limits to apply.
   */
  private applyWeather(atUs: number): void {
    if (!this.ambient) return;
    const { site, slotUs, horizonUs } = this.config;
    const slotStartUs = Math.floor(atUs / slotUs) * slotUs;
    const ambientC = this.ambient.tempAt(atUs);
    this.recorder.set('ambientC', slotStartUs, ambientC);
    const spanUs = Math.min(slotUs, horizonUs - atUs);
    for (const g of this.groups) {
      const model = g.config.modelId === undefined ? undefined : findModel(g.config.modelId);
      if (!model) continue;
      const container = containerThermal({
        ambientC, setpointC: site.containers.intakeSetpointC, rMax: site.containers.maxRecirculation,
        ratedDeltaC: model.thermal.ratedDeltaC, loadFraction: (g.runningCount / g.config.count) * g.thermal.powerFraction,
      });
      const rig = rigState({ intakeC: container.intakeC, model, fanOk: true });
      if (rig.status !== g.thermal.status) {
        this.recorder.log(atUs, rig.status === 'ok' ? 'RigsCooled' : rig.status === 'throttled' ? 'RigsThrottled' : 'RigsShutDown', {
          group: g.config.id, intakeC: Number(container.intakeC.toFixed(2)), rigs: g.runningCount,
        });
      }
      g.thermal = { status: rig.status, hashrateFraction: rig.hashrateFraction, powerFraction: rig.powerFraction, intakeC: container.intakeC, rigTempC: rig.tempC };
      if (rig.status === 'throttled') g.throttledRigUs += g.runningCount * spanUs;
      if (rig.status === 'shutdown') g.shutdownRigUs += g.runningCount * spanUs;
      this.recorder.set(`group.${g.config.id}.intakeC`, slotStartUs, container.intakeC);
      this.recorder.set(`group.${g.config.id}.rigTempC`, slotStartUs, rig.tempC);
    }
  }

  /**
   * Charges the draw from the last reading to atUs at the power the running rigs drew since then (it
   * is constant in between: the site changes it at slot starts, rigs announce changes first).
   */
  private meterUntil(atUs: number): void {
    if (atUs <= this.meteredUntilUs) return;
    const itPowerW = this.groups.reduce((sum, g) => sum + g.itPowerW, 0);
    const charge = chargeDraw(this.energy, this.tariff, { powerW: itPowerW * this.config.site.pue, fromUs: this.meteredUntilUs, toUs: atUs });
    this.energy = charge.account;
    this.unbilledMicroUsd += charge.chargeMicroUsd;
    this.slotChargeMicroUsd += charge.chargeMicroUsd;
    this.lastItPowerW = itPowerW;
    this.meteredUntilUs = atUs;
  }

  /** Meters the slot [slotStartUs, endUs) at facility power and books the day's bill at day ends. */
  endSlot(slotStartUs: number, endUs: number, ledger: Ledger): void {
    this.meterUntil(endUs);
    this.recorder.add('energyCostUsd', slotStartUs, Number(this.slotChargeMicroUsd) / 1e6);
    this.slotChargeMicroUsd = 0n;
    this.recorder.set('itPowerKW', slotStartUs, this.lastItPowerW / 1000);
    this.recorder.set('runningRigs', slotStartUs, this.groups.reduce((sum, g) => sum + g.runningCount, 0));
    if ((endUs % US_PER_DAY === 0 || endUs === this.config.horizonUs) && this.unbilledMicroUsd > 0n) {
      ledger.transfer({ atUs: endUs, from: OPERATOR_ACCOUNT, to: POWER_UTILITY_ACCOUNT, amount: this.unbilledMicroUsd, unit: MICRO_USD_UNIT, reason: 'energy bill' });
      this.unbilledMicroUsd = 0n;
    }
  }
}
