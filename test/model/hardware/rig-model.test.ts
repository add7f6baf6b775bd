// A scenario's own rig model: accepted and frozen when valid; otherwise every problem with its path.
import { describe, expect, it } from 'vitest';
import { defineModel, modelIssues, SCENARIO_SOURCE, type RigModelInput } from '../../../src/model/hardware/index.js';

const custom: RigModelInput = {
  id: 'my-s21-underclocked', name: 'S21 at 80 %', kind: 'asic', algorithm: 'sha256d',
  hashrateHs: 160e12, powerW: 2600,
  components: { hashboards: 3, fans: 4, psus: 1, controllers: 1 },
  thermal: { throttleAboveC: 42, shutdownAboveC: 48, ratedDeltaC: 12.5, throttledHashrateFraction: 0.9, throttledPowerFraction: 0.9 },
};

describe('defineModel', () => {
  it('accepts a valid model, fills in the source and returns a frozen copy', () => {
    const input = structuredClone(custom) as { -readonly [K in keyof RigModelInput]: RigModelInput[K] };
    const model = defineModel(input);
    expect(model).toEqual({ ...custom, source: SCENARIO_SOURCE });
    expect(Object.isFrozen(model) && Object.isFrozen(model.thermal) && Object.isFrozen(model.components)).toBe(true);
    input.powerW = 1;
    expect(model.powerW).toBe(2600);
    expect(defineModel({ ...custom, source: '[M] our own PDU readings' }).source).toBe('[M] our own PDU readings');
  });

  it('reports every problem with its path', () => {
    const bad = {
      ...custom, id: '', kind: 'fpga', hashrateHs: 0, powerW: Number.NaN,
      components: { hashboards: 0, fans: 1.5, psus: -1, controllers: 1 },
      thermal: { ...custom.thermal, shutdownAboveC: 40, throttledHashrateFraction: 0, ratedDeltaC: -1 },
    };
    expect(modelIssues(bad).map((i) => i.path)).toEqual([
      'id', 'kind', 'hashrateHs', 'powerW',
      'components.hashboards', 'components.fans', 'components.psus',
      'thermal.ratedDeltaC', 'thermal.throttledHashrateFraction', 'thermal.shutdownAboveC',
    ]);
    expect(modelIssues(bad).find((i) => i.path === 'kind')!.message).toBe(`must be one of 'asic', 'gpu', 'cpu', 'phone', got "fpga"`);
    expect(modelIssues(bad).find((i) => i.path === 'thermal.shutdownAboveC')!.message).toBe('must be > throttleAboveC (42), got 40');
  });

  it('reports missing parts and non-mappings', () => {
    expect(modelIssues(null)).toEqual([{ path: '(root)', message: 'must be a mapping, got null' }]);
    const { thermal: _t, ...noThermal } = custom;
    expect(modelIssues(noThermal)).toEqual([{ path: 'thermal', message: 'must be a mapping, got undefined' }]);
    expect(modelIssues({ ...custom, source: '' })).toEqual([{ path: 'source', message: 'must be a non-empty string, got ""' }]);
  });

  it('throws one RangeError naming every problem', () => {
    expect(() => defineModel({ ...custom, powerW: -5, algorithm: 'scrypt' as 'sha256d' }))
      .toThrow(new RangeError(`model is invalid: algorithm: must be one of 'sha256d', 'ethash', got "scrypt"; powerW: must be a finite number > 0, got -5`));
  });
});
