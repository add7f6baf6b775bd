// Site power: price at a time through the site clock, IT draws billed at facility power (× PUE),
// curtailment at the current price and the site's capacity.
import { describe, expect, it } from 'vitest';
import { createSitePower, energyCostMicroUsd } from '../../../src/model/site/index.js';
import { US_PER_HOUR } from '../../../src/model/units.js';

const H = US_PER_HOUR;
const site = createSitePower({
  capacityKw: 10,
  pue: 1.2,
  tariff: { kind: 'time-of-use', basePriceMicroUsdPerKWh: 50_000n, periods: [{ fromHour: 17, toHour: 21, priceMicroUsdPerKWh: 150_000n }] },
  clock: { startHourOfDay: 16 },
  priceCeilingMicroUsdPerKWh: 100_000n,
});

describe('site power', () => {
  it('prices by local time and bills IT power at facility power', () => {
    expect(site.priceAt(0)).toBe(50_000n);
    expect(site.priceAt(H)).toBe(150_000n);
    expect(site.facilityPowerW(1000)).toBe(1200);
    // 1 kW IT = 1.2 kW facility, for the hour 16:00–17:00 at $0.05: 60 000 µUSD.
    expect(site.energyCostMicroUsd({ powerW: 1000, fromUs: 0, toUs: H })).toBe(60_000n);
    expect(site.energyCostMicroUsd({ powerW: 1000, fromUs: 0, toUs: 2 * H })).toBe(60_000n + 180_000n);
    expect(site.energyCostMicroUsd({ powerW: 1000, fromUs: 0, toUs: H })).toBe(energyCostMicroUsd(site.tariff, { powerW: 1200, fromUs: 0, toUs: H }));
  });

  it('curtails by capacity off-peak and everything on peak above the ceiling', () => {
    const rigs = [1, 2, 3].map((i) => ({ id: `s21-${i}`, powerW: 3500, priority: 0 }));
    expect(site.curtail(rigs, 0)).toMatchObject({ runningIds: ['s21-1', 's21-2'], reason: 'capacity' }); // 8.4 kW ≤ 10 < 12.6
    expect(site.curtail(rigs, H)).toMatchObject({ runningIds: [], reason: 'price' });
  });

  it('rejects a PUE below 1 and a non-positive capacity', () => {
    const tariff = { kind: 'flat', priceMicroUsdPerKWh: 1n } as const;
    expect(() => createSitePower({ capacityKw: 1, pue: 0.99, tariff })).toThrow(/pue must be a finite number ≥ 1, got 0.99/);
    expect(() => createSitePower({ capacityKw: -1, pue: 1, tariff })).toThrow(/capacityKw must be a finite number > 0, got -1/);
  });
});
