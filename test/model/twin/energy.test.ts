// Power in the twin: the fleet's IT draw billed at facility power (× PUE) exactly, the energy bill in
// the ledger, margin and break-even power price, and rig figures taken from the catalogue.
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../../src/scenario/index.js';
import { baseScenario, runDoc } from './fixtures.js';

describe('energy and margin', () => {
  it('bills count × power × PUE × hours at the flat price, to the micro-dollar, in daily bills', () => {
    const doc = baseScenario();
    doc.horizon = '2d';
    doc.site = { powerPriceUSDperKWh: 0.07, pue: 1.25 };
    doc.fleet = [{ id: 'g', count: 10, hashrateTHs: 200, powerW: 3500, pool: 'p', latencyMs: 0 }];
    const result = runDoc(doc);
    // 10 × 3.5 kW × 1.25 × 48 h = 2,100 kWh; × $0.07 = $147.
    expect(result.kpis.energyKWh).toBe(2100);
    expect(result.kpis.energyCostUsd).toBe(147);
    const bills = result.ledger.entries.filter((e) => e.reason === 'energy bill');
    expect(bills.map((b) => b.amount)).toEqual(['73500000', '73500000']);
    expect(result.ledger.balances.uUSD['utility:power']).toBe('147000000');
    expect(result.kpis.marginUsd).toBeCloseTo(result.kpis.fleetEarnedUsd - 147, 2);
    expect(result.kpis.breakEvenPowerPriceUsdPerKWh).toBeCloseTo(result.kpis.fleetEarnedUsd / 2100, 6);
    const perSlot = result.series.values.energyCostUsd;
    expect(perSlot.reduce((s, v) => s + v, 0)).toBeCloseTo(147, 6);
  });

  it('a dearer power price lowers the margin and leaves revenue unchanged (same seed)', () => {
    const cheap = baseScenario();
    cheap.site = { powerPriceUSDperKWh: 0.04 };
    cheap.fleet = [{ id: 'g', count: 10, model: 'antminer-s21', pool: 'p', latencyMs: 0 }];
    const dear = { ...cheap, site: { powerPriceUSDperKWh: 0.09 } };
    const [a, b] = [runDoc(cheap).kpis, runDoc(dear).kpis];
    expect(b.fleetEarnedSat).toBe(a.fleetEarnedSat);
    expect(b.marginUsd).toBeLessThan(a.marginUsd);
  });

  it('takes hashrate and power from the catalogue model unless given', () => {
    const doc = baseScenario();
    doc.fleet = [
      { id: 'from-model', count: 2, model: 'antminer-s21', pool: 'p' },
      { id: 'overridden', count: 1, model: 'antminer-s21', hashrateTHs: 190, powerW: 3400, pool: 'p' },
    ];
    const kpis = runDoc(doc).kpis;
    expect(kpis.fleetHashrateNominalTHs).toBe(2 * 200 + 190);
    expect(kpis.itPowerInstalledKW).toBe((2 * 3500 + 3400) / 1000);
  });

  it('names an unknown model, a non-SHA-256d model and a group with neither model nor hashrate', () => {
    const doc = baseScenario();
    doc.fleet = [
      { id: 'a', count: 1, model: 'antminer-s99', pool: 'p' },
      { id: 'b', count: 1, model: 'gpu-rig-6x-rtx3060ti', pool: 'p' },
      { id: 'c', count: 1, pool: 'p' },
    ];
    const parsed = parseScenarioText(JSON.stringify(doc));
    expect(parsed.ok).toBe(false);
    const messages = parsed.ok ? [] : parsed.issues.map((i) => `${i.path}: ${i.message}`);
    expect(messages).toContainEqual(expect.stringMatching(/^fleet\[0\]\.model: no rig model "antminer-s99" in the catalogue/));
    expect(messages).toContainEqual('fleet[1].model: "gpu-rig-6x-rtx3060ti" mines ethash, but the simulated network is Bitcoin (sha256d)');
    expect(messages).toContainEqual('fleet[2].hashrateTHs: is required when no model is given');
  });
});
