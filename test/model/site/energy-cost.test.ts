// Energy cost in exact micro-dollars: known answers, the rounding rule, exact additivity of the cost
// numerator over any split, and a running account whose charges sum to the rounded whole.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chargeDraw, createTariff, EMPTY_ENERGY_ACCOUNT, energyCostMicroUsd, energyCostNumerator, energyMwUs, energyWh,
  MW_US_PER_KWH, powerWToMw, type TariffConfig,
} from '../../../src/model/site/index.js';
import { US_PER_DAY, US_PER_HOUR, US_PER_MIN, usdToMicroUsd } from '../../../src/model/units.js';

const H = US_PER_HOUR;
const flat = (price: bigint) => createTariff({ kind: 'flat', priceMicroUsdPerKWh: price });
const tou = createTariff({
  kind: 'time-of-use',
  basePriceMicroUsdPerKWh: 50_000n,
  periods: [{ fromHour: 17, toHour: 21, priceMicroUsdPerKWh: 120_000n }, { fromHour: 22, toHour: 6, priceMicroUsdPerKWh: 30_001n }],
} satisfies TariffConfig);

describe('energy cost', () => {
  it('known answers: 1 kW for 1 h; an S21 for a day at the $0.069 industrial tariff (§3.3)', () => {
    expect(energyCostMicroUsd(flat(65_000n), { powerW: 1000, fromUs: 0, toUs: H })).toBe(65_000n);
    // 3.5 kW × 24 h × $0.069 = $5.796
    expect(energyCostMicroUsd(flat(usdToMicroUsd(0.069)), { powerW: 3500, fromUs: 0, toUs: US_PER_DAY })).toBe(5_796_000n);
    expect(energyWh({ powerW: 3500, fromUs: 0, toUs: US_PER_DAY })).toBe(84_000);
  });

  it('meters power to the milliwatt from the printed decimal', () => {
    expect(powerWToMw(3320.5)).toBe(3_320_500n);
    expect(powerWToMw(0.1)).toBe(100n);
    expect(powerWToMw(0.0005)).toBe(0n); // half-to-even
    expect(powerWToMw(0.0015)).toBe(2n);
    expect(energyMwUs({ powerW: 2, fromUs: 10, toUs: 13 })).toBe(6000n);
    expect(() => powerWToMw(-1)).toThrow(/powerW must be a finite number ≥ 0, got -1/);
  });

  it('rounds the exact cost once, half-to-even: 0.5 µUSD → 0, 1.5 µUSD → 2', () => {
    // 1 mW for 30 min is 1/2,000,000 kWh: at $1/kWh exactly 0.5 µUSD, at $3/kWh 1.5 µUSD.
    const draw = { powerW: 0.001, fromUs: 0, toUs: 30 * US_PER_MIN };
    expect(energyCostNumerator(flat(1_000_000n), draw)).toBe(MW_US_PER_KWH / 2n);
    expect(energyCostMicroUsd(flat(1_000_000n), draw)).toBe(0n);
    expect(energyCostMicroUsd(flat(3_000_000n), draw)).toBe(2n);
  });

  it('charges each time-of-use window at its price', () => {
    const draw = { powerW: 1000, fromUs: 16 * H, toUs: 18 * H };
    expect(energyCostMicroUsd(tou, draw)).toBe(50_000n + 120_000n);
    // A year at 1 kW: 365 × the day's kWh-weighted prices.
    const dayMicroUsd = 6n * 30_001n + 11n * 50_000n + 4n * 120_000n + 50_000n + 2n * 30_001n;
    expect(energyCostMicroUsd(tou, { powerW: 1000, fromUs: 0, toUs: 365 * US_PER_DAY })).toBe(365n * dayMicroUsd);
  });

  const arbitrarySplit = fc.record({
    powerW: fc.double({ min: 0, max: 5000, noNaN: true }),
    cuts: fc.uniqueArray(fc.integer({ min: 0, max: 3 * US_PER_DAY }), { minLength: 2, maxLength: 12 }).map((xs) => xs.sort((a, b) => a - b)),
  });

  it('the exact numerator adds over any split of time (property)', () => {
    fc.assert(fc.property(arbitrarySplit, ({ powerW, cuts }) => {
      const whole = energyCostNumerator(tou, { powerW, fromUs: cuts[0], toUs: cuts[cuts.length - 1] });
      let sum = 0n;
      for (let i = 1; i < cuts.length; i++) sum += energyCostNumerator(tou, { powerW, fromUs: cuts[i - 1], toUs: cuts[i] });
      expect(sum).toBe(whole);
    }), { seed: 20260101, numRuns: 300 });
  });

  it('parts rounded one by one drift by at most ½ µUSD each; a running account does not drift at all (property)', () => {
    fc.assert(fc.property(arbitrarySplit, ({ powerW, cuts }) => {
      const whole = energyCostMicroUsd(tou, { powerW, fromUs: cuts[0], toUs: cuts[cuts.length - 1] });
      let roundedParts = 0n;
      let account = EMPTY_ENERGY_ACCOUNT;
      let charged = 0n;
      for (let i = 1; i < cuts.length; i++) {
        const draw = { powerW, fromUs: cuts[i - 1], toUs: cuts[i] };
        roundedParts += energyCostMicroUsd(tou, draw);
        const step = chargeDraw(account, tou, draw);
        account = step.account;
        charged += step.chargeMicroUsd;
      }
      const parts = BigInt(cuts.length - 1);
      expect(2n * (roundedParts > whole ? roundedParts - whole : whole - roundedParts)).toBeLessThanOrEqual(parts);
      expect(charged).toBe(whole);
      expect(account.chargedMicroUsd).toBe(whole);
      expect(account.energyMwUs).toBe(energyMwUs({ powerW, fromUs: cuts[0], toUs: cuts[cuts.length - 1] }));
    }), { seed: 20260102, numRuns: 300 });
  });

  it('a running account charges ½-µUSD slices alternately 0 and 1', () => {
    const half = { powerW: 0.001, fromUs: 0, toUs: 30 * US_PER_MIN };
    let account = EMPTY_ENERGY_ACCOUNT;
    const charges: bigint[] = [];
    for (let i = 0; i < 4; i++) {
      const step = chargeDraw(account, flat(1_000_000n), { ...half, fromUs: i * half.toUs, toUs: (i + 1) * half.toUs });
      account = step.account;
      charges.push(step.chargeMicroUsd);
    }
    // Totals 0.5, 1, 1.5, 2 round half-to-even to 0, 1, 2, 2.
    expect(charges).toEqual([0n, 1n, 1n, 0n]);
    expect(account.chargedMicroUsd).toBe(2n);
  });

  it('rejects backwards intervals', () => {
    expect(() => energyCostMicroUsd(tou, { powerW: 1, fromUs: 5, toUs: 4 })).toThrow(/toUs must be ≥ fromUs \(5\), got 4/);
    expect(() => energyCostMicroUsd(tou, { powerW: 1, fromUs: 0.5, toUs: 4 })).toThrow(/fromUs must be a whole number of µs ≥ 0, got 0.5/);
  });
});
