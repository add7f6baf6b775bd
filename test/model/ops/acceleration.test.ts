// The 10-degree rule: the failure-rate multiplier doubles per +10 °C, is 1 at the reference and
// multiplies over steps; a hotter rig's parts fail at half the time under common random numbers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation, createRoot } from '../../../src/engine/index.js';
import { accelerationFactor, RigHardware, resolveFleetOpsConfig, type Component } from '../../../src/model/ops/index.js';

describe('accelerationFactor', () => {
  it('is 1 at the reference, 2 at +10 °C, 4 at +20 °C, ½ at −10 °C', () => {
    expect(accelerationFactor(25, 25)).toBe(1);
    expect(accelerationFactor(35, 25)).toBeCloseTo(2, 12);
    expect(accelerationFactor(45, 25)).toBeCloseTo(4, 12);
    expect(accelerationFactor(15, 25)).toBeCloseTo(0.5, 12);
    expect(accelerationFactor(30, 25)).toBeCloseTo(Math.SQRT2, 12);
    expect(accelerationFactor(60, 25, 1)).toBe(1);
    expect(accelerationFactor(35, 25, 3)).toBeCloseTo(3, 12);
  });

  it('doubles for every +10 °C from any temperature', () => {
    fc.assert(
      fc.property(fc.double({ min: -40, max: 120, noNaN: true }), fc.double({ min: 0, max: 60, noNaN: true }), (tempC, refC) => {
        expect(accelerationFactor(tempC + 10, refC) / accelerationFactor(tempC, refC)).toBeCloseTo(2, 9);
      }),
      { seed: 3401, numRuns: 200 },
    );
  });

  it('names the bad argument', () => {
    expect(() => accelerationFactor(NaN, 25)).toThrow(/tempC must be finite, got NaN/);
    expect(() => accelerationFactor(25, 25, 0)).toThrow(/factorPer10C must be finite and > 0, got 0/);
  });
});

describe('temperature on one rig', () => {
  /** Failure times of every part of one rig at tempC, never repaired (parts stay failed). */
  function failureTimes(tempC: number, changeAt?: { atUs: number; tempC: number }): Map<string, number> {
    const sim = new Simulation();
    const config = resolveFleetOpsConfig({ rigCount: 1, failure: { ratePerYear: { hashboard: 1, chips: 1, fan: 1, psu: 0, controller: 0 } } });
    const times = new Map<string, number>();
    const rig = new RigHardware(sim, createRoot('temp').stream('rig'), config.rig, config.failure, (c: Component, atUs: number) => {
      times.set(`${c.kind}-${c.index}`, atUs);
    });
    rig.setInService(true, 0);
    rig.setTemperature(tempC, 0);
    if (changeAt !== undefined) sim.scheduleAt(changeAt.atUs, () => rig.setTemperature(changeAt.tempC, changeAt.atUs));
    sim.run();
    return times;
  }

  it('+10 °C halves every failure time (same draws, twice the rate)', () => {
    const cool = failureTimes(25);
    const hot = failureTimes(35);
    expect(cool.size).toBe(3 + 1 + 4);
    for (const [part, atUs] of cool) expect(Math.abs(hot.get(part)! - atUs / 2)).toBeLessThanOrEqual(1);
  });

  it('a change mid-life rescales only the time left (memoryless)', () => {
    const cool = failureTimes(25);
    // Halfway to the first failure, so no other update of the rig falls next to the switch.
    const switchUs = Math.round(Math.min(...cool.values()) / 2);
    const switched = failureTimes(25, { atUs: switchUs, tempC: 45 });
    for (const [part, atUs] of cool) {
      const expected = switchUs + (atUs - switchUs) / 4;
      expect(Math.abs(switched.get(part)! - expected)).toBeLessThanOrEqual(1);
    }
  });
});
