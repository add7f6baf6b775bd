// A site's power supply: grid capacity, PUE (facility / IT power) and the tariff, with the price at
// a time, the exact cost of an IT draw (billed at facility power) and curtailment against capacity.
import { shown } from '../ledger/exact.js';
import { checkPositive } from './_check.js';
import { decideCurtailment, type CurtailableRig, type CurtailmentDecision } from './curtailment.js';
import { energyCostMicroUsd, energyCostNumerator, type Draw } from './energy-cost.js';
import { createSiteClock, type SiteClock, type SiteClockConfig } from './site-clock.js';
import { createTariff, type Tariff, type TariffConfig } from './tariff.js';

export interface SitePowerConfig {
  /** Grid connection: the most facility power the site may draw (kW). */
  readonly capacityKw: number;
  /** Facility power / IT power, ≥ 1 (air-cooled hashcenters 1.2–1.5, cold-climate containers ~1.005: domain-facts §3.3). */
  readonly pue: number;
  readonly tariff: TariffConfig;
  readonly clock?: SiteClockConfig;
  /** Curtail everything when the price is above this; undefined = never for price. */
  readonly priceCeilingMicroUsdPerKWh?: bigint;
}

export interface SitePower {
  readonly capacityKw: number;
  readonly pue: number;
  readonly priceCeilingMicroUsdPerKWh: bigint | undefined;
  readonly clock: SiteClock;
  readonly tariff: Tariff;
  priceAt(atUs: number): bigint;
  /** Facility power for an IT load: itPowerW × PUE. */
  facilityPowerW(itPowerW: number): number;
  /** A draw of IT power as the facility meter sees it (powerW × PUE). */
  facilityDraw(itDraw: Draw): Draw;
  /** Exact cost numerator of an IT draw at facility power (see energy-cost.ts). */
  energyCostNumerator(itDraw: Draw): bigint;
  /** Cost in µUSD of an IT draw at facility power, rounded half-to-even once. */
  energyCostMicroUsd(itDraw: Draw): bigint;
  /** Which rigs may run at atUs under the site's capacity and price ceiling. */
  curtail(rigs: readonly CurtailableRig[], atUs: number): CurtailmentDecision;
}

export function createSitePower(config: SitePowerConfig): SitePower {
  const capacityKw = checkPositive('capacityKw', config.capacityKw);
  const pue = config.pue;
  if (typeof pue !== 'number' || !(pue >= 1 && pue < Infinity)) throw new RangeError(`pue must be a finite number ≥ 1, got ${shown(pue)}`);
  const ceiling = config.priceCeilingMicroUsdPerKWh;
  if (ceiling !== undefined && typeof ceiling !== 'bigint') throw new RangeError(`priceCeilingMicroUsdPerKWh must be a bigint, got ${shown(ceiling)}`);
  const clock = createSiteClock(config.clock);
  const tariff = createTariff(config.tariff, clock);
  const facilityPowerW = (itPowerW: number): number => {
    if (typeof itPowerW !== 'number' || !(itPowerW >= 0 && itPowerW < Infinity)) throw new RangeError(`itPowerW must be a finite number ≥ 0, got ${shown(itPowerW)}`);
    return itPowerW * pue;
  };
  const facilityDraw = (d: Draw): Draw => ({ powerW: facilityPowerW(d.powerW), fromUs: d.fromUs, toUs: d.toUs });
  return {
    capacityKw,
    pue,
    priceCeilingMicroUsdPerKWh: ceiling,
    clock,
    tariff,
    priceAt: (atUs) => tariff.priceAt(atUs),
    facilityPowerW,
    facilityDraw,
    energyCostNumerator: (d) => energyCostNumerator(tariff, facilityDraw(d)),
    energyCostMicroUsd: (d) => energyCostMicroUsd(tariff, facilityDraw(d)),
    curtail: (rigs, atUs) => decideCurtailment({
      rigs, capacityKw, pue, priceMicroUsdPerKWh: tariff.priceAt(atUs), priceCeilingMicroUsdPerKWh: ceiling,
    }),
  };
}
