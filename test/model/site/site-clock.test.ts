// The site clock: where atUs = 0 falls in the local day and year; cos(2π·turns) without Math.cos.
import { describe, expect, it } from 'vitest';
import { cosTurns } from '../../../src/model/site/_cos-turns.js';
import { createSiteClock, US_PER_YEAR } from '../../../src/model/site/index.js';
import { US_PER_DAY, US_PER_HOUR } from '../../../src/model/units.js';

describe('site clock', () => {
  it('starts at 00:00 on 1 January by default', () => {
    const clock = createSiteClock();
    expect(clock.hourOfDay(0)).toBe(0);
    expect(clock.dayOfYear(0)).toBe(1);
    expect(clock.hourOfDay(15 * US_PER_HOUR + US_PER_HOUR / 2)).toBe(15.5);
    expect(clock.dayOfYear(14 * US_PER_DAY + 12 * US_PER_HOUR)).toBe(15.5);
    expect(clock.dayOfYear(US_PER_YEAR)).toBe(1);
  });

  it('follows the configured start day and hour, wrapping days and years', () => {
    const clock = createSiteClock({ startDayOfYear: 365, startHourOfDay: 22.5 });
    expect(clock.hourOfDay(0)).toBe(22.5);
    expect(clock.dayOfYear(0)).toBeCloseTo(365 + 22.5 / 24, 12);
    expect(clock.hourOfDay(2 * US_PER_HOUR)).toBe(0.5);
    expect(clock.dayOfYear(2 * US_PER_HOUR)).toBeCloseTo(1 + 0.5 / 24, 12);
    expect(clock.usOfDay(2 * US_PER_HOUR)).toBe(US_PER_HOUR / 2);
  });

  it('rejects nonsense', () => {
    expect(() => createSiteClock({ startDayOfYear: 0 })).toThrow(/startDayOfYear must be a whole number in \[1, 365\], got 0/);
    expect(() => createSiteClock({ startHourOfDay: 24 })).toThrow(/startHourOfDay must be a number in \[0, 24\), got 24/);
    expect(() => createSiteClock().hourOfDay(-1)).toThrow(/atUs must be a whole number of µs ≥ 0, got -1/);
  });
});

describe('cosTurns', () => {
  it('agrees with Math.cos(2πx) to 1e-14 over several periods', () => {
    let worst = 0;
    for (let i = 0; i <= 200_000; i++) {
      const x = -3 + (7 * i) / 200_000;
      worst = Math.max(worst, Math.abs(cosTurns(x) - Math.cos(2 * Math.PI * x)));
    }
    expect(worst).toBeLessThan(1e-14);
  });

  it('is exact at whole and half turns and periodic', () => {
    expect(cosTurns(0)).toBe(1);
    expect(cosTurns(3)).toBe(1);
    expect(cosTurns(0.5)).toBe(-1);
    expect(cosTurns(-1.5)).toBe(-1);
    expect(cosTurns(0.375)).toBe(cosTurns(2.375)); // exact in binary, so exactly periodic
    expect(cosTurns(0.375)).toBe(cosTurns(-0.375));
  });
});
