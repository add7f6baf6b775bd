// The catalogue against domain-facts §3.1/§3.2: nameplate figures, J/TH consistency, components and
// thermal limits present for every model, and the stated assumptions for the CPU server and phone.
import { describe, expect, it } from 'vitest';
import { airflowDeltaC, efficiencyJPerTh, findModel, listModels, modelIssues } from '../../../src/model/hardware/index.js';
import { HS_PER_THS } from '../../../src/model/units.js';
import { ASIC_FIGURES } from './catalogue-figures.js';

describe('catalogue', () => {
  it.each(ASIC_FIGURES)('$id matches §3.1: TH/s, W and J/TH', (fig) => {
    const model = findModel(fig.id)!;
    expect(model).toBeDefined();
    expect(model.kind).toBe('asic');
    expect(model.algorithm).toBe('sha256d');
    expect(model.hashrateHs).toBe(fig.hashrateTHs * HS_PER_THS);
    expect(model.powerW).toBe(fig.powerW);
    expect(Math.abs(efficiencyJPerTh(model) - fig.jPerTh)).toBeLessThanOrEqual(fig.jPerThTolerance);
  });

  it('S21 is 17.5 J/TH exactly, throttles above 40 °C and stops above 47 °C ambient (§3.1 thermal note)', () => {
    const s21 = findModel('antminer-s21')!;
    expect(efficiencyJPerTh(s21)).toBe(17.5);
    expect(s21.thermal.throttleAboveC).toBe(40);
    expect(s21.thermal.shutdownAboveC).toBe(47);
    expect(s21.thermal.throttledHashrateFraction).toBeCloseTo(440 / 490, 15);
  });

  it('newer ASICs are more efficient: S19 Pro > S19 XP > S21 > S21 XP in J/TH', () => {
    const j = (id: string) => efficiencyJPerTh(findModel(id)!);
    expect(j('antminer-s19-pro')).toBeGreaterThan(j('antminer-s19-xp'));
    expect(j('antminer-s19-xp')).toBeGreaterThan(j('antminer-s21'));
    expect(j('antminer-s21')).toBeGreaterThan(j('antminer-s21-xp'));
  });

  it('every model is valid, has components, limits and a tagged source', () => {
    const models = listModels();
    expect(models.length).toBe(11);
    expect(new Set(models.map((m) => m.id)).size).toBe(models.length);
    for (const m of models) {
      expect(modelIssues(m), m.id).toEqual([]);
      expect(m.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(m.components.hashboards, m.id).toBeGreaterThanOrEqual(1);
      expect(m.components.controllers, m.id).toBe(1);
      expect(m.thermal.shutdownAboveC, m.id).toBeGreaterThan(m.thermal.throttleAboveC);
      expect(m.thermal.ratedDeltaC, m.id).toBeGreaterThan(0);
      expect(m.thermal.throttledHashrateFraction, m.id).toBeLessThan(1);
      expect(m.source, m.id).toMatch(/\[(O|M|S|R|D)\]/);
      if (m.kind === 'asic') expect(m.components, m.id).toMatchObject({ hashboards: 3, psus: 1 });
    }
  });

  it('the GPU rig is 6 × RTX 3060 Ti on Ethash: 360 MH/s, 720 W of GPUs + 100 W platform (§3.2)', () => {
    const gpu = findModel('gpu-rig-6x-rtx3060ti')!;
    expect(gpu).toMatchObject({ kind: 'gpu', algorithm: 'ethash', hashrateHs: 360e6, powerW: 820 });
    expect(gpu.components).toEqual({ hashboards: 6, fans: 6, psus: 1, controllers: 1 });
  });

  it('the CPU server does a few hundred MH/s; the phone a few MH/s at a few W with no fan or PSU', () => {
    const cpu = findModel('cpu-server-32c')!;
    expect(cpu).toMatchObject({ kind: 'cpu', algorithm: 'sha256d' });
    expect(cpu.hashrateHs).toBeGreaterThanOrEqual(100e6);
    expect(cpu.hashrateHs).toBeLessThan(1e9);
    const phone = findModel('phone-cpu')!;
    expect(phone).toMatchObject({ kind: 'phone', algorithm: 'sha256d' });
    expect(phone.hashrateHs).toBeLessThan(10e6);
    expect(phone.powerW).toBeLessThanOrEqual(5);
    expect(phone.components).toEqual({ hashboards: 1, fans: 0, psus: 0, controllers: 1 });
  });

  it('air-cooled ASIC ΔT comes from airflow; the S19 Pro figure agrees with the field measurement', () => {
    // [M] jianggupiao.com: S19 Pro at 3320 W, 370 CFM, intake 23.1 °C, exhaust 38.8 °C.
    expect(airflowDeltaC(3320, 370)).toBeCloseTo(38.8 - 23.1, 0);
    expect(findModel('antminer-s19-pro')!.thermal.ratedDeltaC).toBeCloseTo(airflowDeltaC(3250, 370), 1);
    // More power through the same airflow means a hotter exhaust.
    expect(findModel('antminer-s21-xp')!.thermal.ratedDeltaC).toBeGreaterThan(findModel('antminer-s19-xp')!.thermal.ratedDeltaC);
    expect(() => airflowDeltaC(100, 0)).toThrow(/airflowCfm must be a finite number > 0, got 0/);
  });

  it('finds nothing for an unknown id, and its models cannot be changed', () => {
    expect(findModel('antminer-s9')).toBeUndefined();
    const s21 = findModel('antminer-s21')!;
    expect(() => { (s21 as { powerW: number }).powerW = 1; }).toThrow(TypeError);
    expect(() => { (s21.thermal as { throttleAboveC: number }).throttleAboveC = 99; }).toThrow(TypeError);
    expect(Object.isFrozen(listModels())).toBe(true);
  });
});
