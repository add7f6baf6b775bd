// The site: local clock, power supply (capacity, PUE, tariff, exact energy cost, curtailment),
// ambient weather, and the thermal state of containers and the rigs in them.
export { createSiteClock, DAYS_PER_YEAR, US_PER_YEAR, type SiteClock, type SiteClockConfig } from './site-clock.js';
export { createTariff, type Tariff, type TariffConfig, type TariffSegment, type TouPeriod } from './tariff.js';
export {
  MW_US_PER_KWH, EMPTY_ENERGY_ACCOUNT, powerWToMw, energyMwUs, energyWh, energyCostNumerator, energyCostMicroUsd, chargeDraw,
  type Draw, type EnergyAccount,
} from './energy-cost.js';
export {
  decideCurtailment,
  type CurtailableRig, type CurtailmentInput, type CurtailmentDecision, type CurtailmentReason,
} from './curtailment.js';
export { createSitePower, type SitePower, type SitePowerConfig } from './power.js';
export { createAmbient, ambientBaseC, type Ambient, type AmbientConfig } from './ambient.js';
export {
  containerThermal, containerLoadFraction, rigState, DEFAULT_FAN_FAILURE_RISE_C,
  type ContainerThermalInput, type ContainerThermal, type RigThermalStatus, type RigStateInput, type RigState,
} from './thermal.js';
