// No flapping: a healthy rented worker's share noise (N = 40 shares per default 10-min window, so
// ~8.6 % of windows dip under 80 %, shares/false-alarm.ts) must not fail its rental over more than
// K = 1 time on any day with the default confirmation (2 windows) and fail-back delay (30 min) —
// while the same noise without hysteresis flaps dozens of times a day.
import { describe, expect, it } from 'vitest';
import { falseAlarmProbabilityPoisson } from '../../../src/model/shares/index.js';
import { US_PER_DAY } from '../../../src/model/units.js';
import { H, runRental } from './rental-fixture.js';

const DAYS = 30;
const K_PER_DAY = 1;

function failoversPerDay(events: readonly { type: string; atUs: number }[]): number[] {
  const perDay = new Array<number>(DAYS).fill(0);
  for (const e of events) if (e.type === 'RentalFailedOver') perDay[Math.floor(e.atUs / US_PER_DAY)]!++;
  return perDay;
}

describe('failover hysteresis against false alarms', () => {
  it('the noise is real: a healthy worker dips under 80 % in ~8.6 % of windows', () => {
    expect(falseAlarmProbabilityPoisson(40, 0.8)).toBeCloseTo(0.0855, 3);
  });

  for (const seed of [11, 12, 13]) {
    it(`seed ${seed}: at most ${K_PER_DAY} failover on any day over ${DAYS} days, every one failed back`, () => {
      const run = runRental({ config: {}, seed, hours: DAYS * 24, w1At: () => H });
      const perDay = failoversPerDay(run.events);
      expect(Math.max(...perDay)).toBeLessThanOrEqual(K_PER_DAY);
      const k = run.kpis.rentals[0]!;
      expect(k.failbacks).toBeGreaterThanOrEqual(k.failovers - 1);
      expect(k.shortfallPct).toBeLessThan(1);
    });
  }

  it('without hysteresis the same worker flaps: > 10 failovers a day on average', () => {
    const run = runRental({ config: { confirmDegradedUs: 0, failbackAfterUs: 0 }, seed: 11, hours: DAYS * 24, w1At: () => H });
    const perDay = failoversPerDay(run.events);
    expect(perDay.reduce((a, b) => a + b, 0) / DAYS).toBeGreaterThan(10);
  });
});
