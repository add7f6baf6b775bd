// Units, labels and formatting read from result names, as KPI cards and chart axes show them.
import { describe, expect, it } from 'vitest';
import { formatNamed, formatQuantity, labelOf, unitOf } from '../../src/report/names.js';

describe('names', () => {
  it.each([
    ['marginUsd', 'US$'], ['breakEvenPowerPriceUsdPerKWh', 'US$/kWh'], ['fleetEarnedSatPerTHsDay', 'sat/TH/s/day'],
    ['fleetHashrateNominalTHs', 'TH/s'], ['networkHashrateEHs', 'EH/s'], ['itPowerKW', 'kW'], ['energyKWh', 'kWh'],
    ['pool.fpps-pool.luckPct', '%'], ['ops.healthyPct.s21-row-a', '%'], ['group.row-a.rigTempC', '°C'], ['ambientC', '°C'],
    ['pool.fpps-pool.reserveBtc', 'BTC'], ['curtailedRigHours', 'h'], ['horizonUs', 'µs'], ['fleetEfficiencyJPerTH', 'J/TH'],
  ])('%s is in %s', (name, symbol) => {
    expect(unitOf(name)?.symbol).toBe(symbol);
  });

  it('finds no unit where a name carries none', () => {
    for (const name of ['networkBlocks', 'runningRigs', 'colo.price.storewidth', 'pool.fpps-pool.ruined', 'focus']) expect(unitOf(name)).toBeUndefined();
  });

  it('labels names in words, keeping entity ids and dropping the unit', () => {
    expect(labelOf('fleetEarnedUsd')).toBe('fleet earned');
    expect(labelOf('pool.fpps-pool.luckPct')).toBe('fpps-pool · luck');
    expect(labelOf('group.s21-row-a.rigTempC')).toBe('s21-row-a · rig temp');
    expect(labelOf('ops.healthyPct.s21-row-a')).toBe('ops · healthy · s21-row-a');
    expect(labelOf('breakEvenPowerPriceUsdPerKWh')).toBe('break even power price');
  });

  it('formats money, percentages, rates and big counts for people', () => {
    expect(formatQuantity(12345.678, 'US$')).toBe('$12,346');
    expect(formatQuantity(-12.5, 'US$')).toBe('−$12.50');
    expect(formatQuantity(2_500_000, 'US$')).toBe('$2.5 M');
    expect(formatNamed('marginPct', 12.3456)).toBe('12.35 %');
    expect(formatNamed('fleetHashrateNominalTHs', 10800)).toBe('10,800 TH/s');
    expect(formatNamed('fleetEarnedSat', 3_099_566)).toBe('0.031 BTC');
    expect(formatNamed('networkDifficultyStart', 111758708953857.42)).toBe('111.76T');
    expect(formatNamed('runningRigs', 60)).toBe('60');
  });
});
