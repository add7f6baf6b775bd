// Container air: recirculation only below the setpoint, intake never below ambient and reaching the
// setpoint when rMax allows, monotone in ambient. Rigs: throttle and shutdown thresholds, monotone
// status, and a failed fan running hotter.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findModel, listModels } from '../../../src/model/hardware/index.js';
import { containerLoadFraction, containerThermal, DEFAULT_FAN_FAILURE_RISE_C, rigState, type RigThermalStatus } from '../../../src/model/site/index.js';

const s21 = findModel('antminer-s21')!;
const RANK: Record<RigThermalStatus, number> = { ok: 0, throttled: 1, shutdown: 2 };
const temp = fc.double({ min: -50, max: 60, noNaN: true });
const containerArb = fc.record({
  ambientC: temp,
  setpointC: fc.double({ min: -10, max: 35, noNaN: true }),
  rMax: fc.double({ min: 0, max: 0.95, noNaN: true }),
  ratedDeltaC: fc.double({ min: 0, max: 25, noNaN: true }),
  loadFraction: fc.double({ min: 0, max: 1, noNaN: true }),
});

describe('containerThermal', () => {
  it('recirculates just enough to hold the setpoint, and the mix balances', () => {
    const c = containerThermal({ ambientC: -20, setpointC: 10, rMax: 0.8, ratedDeltaC: 16, loadFraction: 1 });
    expect(c.recirculationFraction).toBeCloseTo(30 / 46, 12);
    expect(c.intakeC).toBe(10);
    expect(c.exhaustC).toBe(26);
    expect((1 - c.recirculationFraction) * -20 + c.recirculationFraction * c.exhaustC).toBeCloseTo(c.intakeC, 10);
  });

  it('saturates at rMax in deep cold: intake = ambient + ΔT·L·rMax/(1 − rMax), below the setpoint', () => {
    const c = containerThermal({ ambientC: -40, setpointC: 10, rMax: 0.5, ratedDeltaC: 16, loadFraction: 0.5 });
    expect(c).toEqual({ intakeC: -32, exhaustC: -24, recirculationFraction: 0.5 });
  });

  it('takes only fresh air at or above the setpoint', () => {
    expect(containerThermal({ ambientC: 25, setpointC: 10, rMax: 0.8, ratedDeltaC: 16, loadFraction: 0.75 }))
      .toEqual({ intakeC: 25, exhaustC: 37, recirculationFraction: 0 });
  });

  it('recirculates only below the setpoint; intake ≥ ambient; setpoint reached whenever rMax allows (property)', () => {
    fc.assert(fc.property(containerArb, (input) => {
      const c = containerThermal(input);
      if (input.ambientC >= input.setpointC) expect(c.recirculationFraction).toBe(0);
      expect(c.recirculationFraction).toBeLessThanOrEqual(input.rMax);
      expect(c.intakeC).toBeGreaterThanOrEqual(input.ambientC);
      expect(c.intakeC).toBeLessThanOrEqual(Math.max(input.ambientC, input.setpointC));
      expect(c.exhaustC).toBeCloseTo(c.intakeC + input.ratedDeltaC * input.loadFraction, 9);
      const heat = input.ratedDeltaC * input.loadFraction;
      const gap = input.setpointC - input.ambientC;
      if (gap > 0 && heat > 0 && gap / (gap + heat) <= input.rMax) expect(c.intakeC).toBe(input.setpointC);
    }), { seed: 20260105, numRuns: 500 });
  });

  it('a warmer day never gives a colder intake or exhaust (property)', () => {
    fc.assert(fc.property(containerArb, temp, (input, other) => {
      const [lo, hi] = input.ambientC <= other ? [input.ambientC, other] : [other, input.ambientC];
      const cold = containerThermal({ ...input, ambientC: lo });
      const warm = containerThermal({ ...input, ambientC: hi });
      expect(warm.intakeC).toBeGreaterThanOrEqual(cold.intakeC);
      expect(warm.exhaustC).toBeGreaterThanOrEqual(cold.exhaustC);
    }), { seed: 20260106, numRuns: 500 });
  });

  it('load is the mean power fraction over the rig slots; bad inputs are named', () => {
    expect(containerLoadFraction([1, 1, 0, 440 / 490])).toBeCloseTo((2 + 440 / 490) / 4, 12);
    expect(containerLoadFraction([])).toBe(0);
    expect(() => containerLoadFraction([1, 2])).toThrow(/powerFractions\[1\] must be in \[0, 1\], got 2/);
    expect(() => containerThermal({ ambientC: 0, setpointC: 10, rMax: 1, ratedDeltaC: 10, loadFraction: 1 })).toThrow(/rMax must be a number in \[0, 1\), got 1/);
    expect(() => containerThermal({ ambientC: Number.NaN, setpointC: 10, rMax: 0.5, ratedDeltaC: 10, loadFraction: 1 })).toThrow(/ambientC must be a finite number, got NaN/);
  });
});

describe('rigState', () => {
  it('S21: ok up to 40 °C intake, throttled to 440/490 above, shut down above 47 °C', () => {
    const at = (intakeC: number, fanOk = true) => rigState({ intakeC, model: s21, fanOk });
    const dT = s21.thermal.ratedDeltaC;
    expect(at(40)).toEqual({ tempC: 40 + dT, status: 'ok', hashrateFraction: 1, powerFraction: 1 });
    expect(at(40.01)).toEqual({ tempC: 40.01 + dT * (440 / 490), status: 'throttled', hashrateFraction: 440 / 490, powerFraction: 440 / 490 });
    expect(at(47).status).toBe('throttled');
    expect(at(47.01)).toEqual({ tempC: 47.01, status: 'shutdown', hashrateFraction: 0, powerFraction: 0 });
  });

  it('a failed fan raises the temperature by the configured rise and throttles earlier', () => {
    const ok = rigState({ intakeC: 20, model: s21, fanOk: true });
    const failed = rigState({ intakeC: 20, model: s21, fanOk: false });
    expect(failed.tempC - ok.tempC).toBeCloseTo(DEFAULT_FAN_FAILURE_RISE_C, 12);
    expect(rigState({ intakeC: 20, model: s21, fanOk: false, fanFailureRiseC: 3 }).tempC - ok.tempC).toBeCloseTo(3, 12);
    expect(rigState({ intakeC: 35, model: s21, fanOk: true }).status).toBe('ok');
    expect(rigState({ intakeC: 35, model: s21, fanOk: false }).status).toBe('throttled'); // 35 + 10 > 40
    expect(rigState({ intakeC: 38, model: s21, fanOk: false }).status).toBe('shutdown'); // 38 + 10 > 47
  });

  const rigArb = fc.record({
    model: fc.constantFrom(...listModels()),
    a: fc.double({ min: -40, max: 70, noNaN: true }),
    b: fc.double({ min: -40, max: 70, noNaN: true }),
    fanOk: fc.boolean(),
    fanFailureRiseC: fc.double({ min: 0, max: 20, noNaN: true }),
  });

  it('a hotter intake never improves the status or hashrate, nor cools a rig in the same status (property)', () => {
    fc.assert(fc.property(rigArb, ({ model, a, b, fanOk, fanFailureRiseC }) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      const cool = rigState({ intakeC: lo, model, fanOk, fanFailureRiseC });
      const hot = rigState({ intakeC: hi, model, fanOk, fanFailureRiseC });
      expect(RANK[hot.status]).toBeGreaterThanOrEqual(RANK[cool.status]);
      expect(hot.hashrateFraction).toBeLessThanOrEqual(cool.hashrateFraction);
      expect(hot.powerFraction).toBeLessThanOrEqual(cool.powerFraction);
      if (hot.status === cool.status) expect(hot.tempC).toBeGreaterThanOrEqual(cool.tempC);
    }), { seed: 20260107, numRuns: 500 });
  });

  it('thresholds hold for every model: status follows intake + fan rise against its limits (property)', () => {
    fc.assert(fc.property(rigArb, ({ model, a, fanOk, fanFailureRiseC }) => {
      const s = rigState({ intakeC: a, model, fanOk, fanFailureRiseC });
      const seen = a + (fanOk ? 0 : fanFailureRiseC);
      const expected: RigThermalStatus = seen > model.thermal.shutdownAboveC ? 'shutdown' : seen > model.thermal.throttleAboveC ? 'throttled' : 'ok';
      expect(s.status).toBe(expected);
      if (s.status !== 'shutdown') expect(s.tempC).toBeCloseTo(seen + model.thermal.ratedDeltaC * s.powerFraction, 9);
      if (s.status === 'throttled') expect(s.hashrateFraction).toBe(model.thermal.throttledHashrateFraction);
    }), { seed: 20260108, numRuns: 500 });
  });

  it('a failed fan never cools a rig that stays in the same status, nor improves its status (property)', () => {
    fc.assert(fc.property(rigArb, ({ model, a, fanFailureRiseC }) => {
      const ok = rigState({ intakeC: a, model, fanOk: true });
      const failed = rigState({ intakeC: a, model, fanOk: false, fanFailureRiseC });
      expect(RANK[failed.status]).toBeGreaterThanOrEqual(RANK[ok.status]);
      if (failed.status === ok.status && ok.status !== 'shutdown') expect(failed.tempC - ok.tempC).toBeCloseTo(fanFailureRiseC, 9);
    }), { seed: 20260109, numRuns: 500 });
  });
});
