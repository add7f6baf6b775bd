// Tariffs: flat and time-of-use prices at and around window boundaries, wrap past midnight, the
// site clock's start hour, next price change, and the exact price integral.
import { describe, expect, it } from 'vitest';
import { createSiteClock, createTariff, type TariffConfig } from '../../../src/model/site/index.js';
import { US_PER_DAY, US_PER_HOUR, US_PER_MIN } from '../../../src/model/units.js';

const H = US_PER_HOUR;
// Base 50 000 µUSD/kWh ($0.05), evening peak 17:00–21:00 at $0.12, night 22:00–06:00 at $0.03.
const tou: TariffConfig = {
  kind: 'time-of-use',
  basePriceMicroUsdPerKWh: 50_000n,
  periods: [
    { fromHour: 17, toHour: 21, priceMicroUsdPerKWh: 120_000n },
    { fromHour: 22, toHour: 6, priceMicroUsdPerKWh: 30_000n },
  ],
};

describe('tariff', () => {
  it('a flat tariff has one price and never changes', () => {
    const flat = createTariff({ kind: 'flat', priceMicroUsdPerKWh: 69_000n });
    expect(flat.priceAt(0)).toBe(69_000n);
    expect(flat.priceAt(123 * US_PER_DAY + 7)).toBe(69_000n);
    expect(flat.nextChangeUs(0)).toBe(Infinity);
    expect(flat.segments).toEqual([{ startUs: 0, endUs: US_PER_DAY, priceMicroUsdPerKWh: 69_000n }]);
  });

  it('time-of-use windows are [from, to): the boundary µs belongs to the window it opens', () => {
    const t = createTariff(tou);
    expect(t.priceAt(17 * H - 1)).toBe(50_000n);
    expect(t.priceAt(17 * H)).toBe(120_000n);
    expect(t.priceAt(21 * H - 1)).toBe(120_000n);
    expect(t.priceAt(21 * H)).toBe(50_000n);
    expect(t.priceAt(22 * H)).toBe(30_000n);
    expect(t.priceAt(US_PER_DAY + 3 * H)).toBe(30_000n); // wraps past midnight
    expect(t.priceAt(6 * H - 1)).toBe(30_000n);
    expect(t.priceAt(6 * H)).toBe(50_000n);
  });

  it('segments cover the day with equal neighbours merged', () => {
    expect(createTariff(tou).segments.map((s) => [s.startUs / H, s.endUs / H, s.priceMicroUsdPerKWh])).toEqual([
      [0, 6, 30_000n], [6, 17, 50_000n], [17, 21, 120_000n], [21, 22, 50_000n], [22, 24, 30_000n],
    ]);
  });

  it('follows the site clock: a run starting at 16:30 local time pays the peak after 30 min', () => {
    const t = createTariff(tou, createSiteClock({ startHourOfDay: 16.5 }));
    expect(t.priceAt(30 * US_PER_MIN - 1)).toBe(50_000n);
    expect(t.priceAt(30 * US_PER_MIN)).toBe(120_000n);
  });

  it('names the next change, skipping midnight when the price does not change there', () => {
    const t = createTariff(tou);
    expect(t.nextChangeUs(0)).toBe(6 * H);
    expect(t.nextChangeUs(17 * H)).toBe(21 * H);
    expect(t.nextChangeUs(23 * H)).toBe(US_PER_DAY + 6 * H);
    const peakOnly = createTariff({ kind: 'time-of-use', basePriceMicroUsdPerKWh: 1n, periods: [{ fromHour: 0, toHour: 1, priceMicroUsdPerKWh: 2n }] });
    expect(peakOnly.nextChangeUs(23 * H)).toBe(US_PER_DAY);
  });

  it('integrates price exactly: a day is Σ price × duration, and splits add', () => {
    const t = createTariff(tou);
    const day = 6n * 30_000n + 11n * 50_000n + 4n * 120_000n + 1n * 50_000n + 2n * 30_000n;
    expect(t.priceIntegral(0, US_PER_DAY)).toBe(day * BigInt(H));
    expect(t.priceIntegral(5 * H, 5 * H + 10 * US_PER_DAY)).toBe(10n * day * BigInt(H));
    expect(t.priceIntegral(3, 17 * H + 9)).toBe(t.priceIntegral(3, 12 * H) + t.priceIntegral(12 * H, 17 * H + 9));
    expect(t.priceIntegral(7, 7)).toBe(0n);
  });

  it('accepts half-hours and a whole-day window; rejects overlaps and bad hours', () => {
    const half = createTariff({ kind: 'time-of-use', basePriceMicroUsdPerKWh: 1n, periods: [{ fromHour: 7.5, toHour: 8, priceMicroUsdPerKWh: 9n }] });
    expect(half.priceAt(7.5 * H)).toBe(9n);
    expect(half.priceAt(7.5 * H - 1)).toBe(1n);
    const allDay = createTariff({ kind: 'time-of-use', basePriceMicroUsdPerKWh: 1n, periods: [{ fromHour: 0, toHour: 24, priceMicroUsdPerKWh: 5n }] });
    expect(allDay.segments).toHaveLength(1);
    expect(() => createTariff({ ...tou, periods: [...tou.periods, { fromHour: 20, toHour: 23, priceMicroUsdPerKWh: 1n }] } as TariffConfig))
      .toThrow(/periods\[2\] must not overlap periods\[0\], got both at hour 20/);
    expect(() => createTariff({ kind: 'time-of-use', basePriceMicroUsdPerKWh: 1n, periods: [{ fromHour: 7.01, toHour: 8, priceMicroUsdPerKWh: 1n }] }))
      .toThrow(/periods\[0\]\.fromHour must be an hour in \[0, 24\) on a whole minute, got 7.01/);
    expect(() => createTariff({ kind: 'time-of-use', basePriceMicroUsdPerKWh: 1n, periods: [{ fromHour: 8, toHour: 8, priceMicroUsdPerKWh: 1n }] }))
      .toThrow(/periods\[0\]\.toHour must differ from fromHour \(8\), got 8/);
    expect(() => createTariff({ kind: 'flat', priceMicroUsdPerKWh: 5 as unknown as bigint })).toThrow(/priceMicroUsdPerKWh must be a bigint, got 5/);
    expect(() => createTariff(tou).priceIntegral(10, 9)).toThrow(/toUs must be ≥ fromUs \(10\), got 9/);
  });
});
