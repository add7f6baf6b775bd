// A scenario that switches on no business system (no colo, no investors, …) gives byte for byte the
// result of a twin with no systems registered at all: registering a system changes nothing for the
// scenarios that do not use it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { canonicalJson } from '../../../src/report/index.js';
import { baseScenario, parseDoc, runDoc, type TestDoc } from './fixtures.js';

const SYSTEMS_MODULE = '../../../src/model/twin/systems/index.js';

async function runWithoutSystems(doc: TestDoc): Promise<string> {
  vi.resetModules();
  vi.doMock(SYSTEMS_MODULE, () => ({ SYSTEM_FACTORIES: [] }));
  const { runTwin } = await import('../../../src/model/twin/run-twin.js');
  const { toTwinConfig } = await import('../../../src/scenario/index.js');
  return canonicalJson(runTwin(toTwinConfig(parseDoc(doc))));
}

afterEach(() => {
  vi.doUnmock(SYSTEMS_MODULE);
  vi.resetModules();
});

describe('scenarios without a system section', () => {
  it.each([
    ['aggregate', baseScenario()],
    ['exact, two pools, a site with power', {
      ...baseScenario(), resolution: 'exact', horizon: '1h',
      pools: [{ id: 'p', scheme: 'PPLNS', extraHashrateEHs: 100 }, { id: 'q', scheme: 'FPPS' }],
      fleet: [{ id: 'g', count: 3, model: 'antminer-s21', pool: 'p', latencyMs: 50 }, { id: 'h', count: 2, model: 'antminer-s19-xp', pool: 'q' }],
      site: { powerPriceUSDperKWh: 0.07 },
    }],
  ])('%s: same bytes as with no systems registered', async (_name, doc) => {
    const registered = canonicalJson(runDoc(doc as TestDoc));
    expect(await runWithoutSystems(doc as TestDoc)).toBe(registered);
  });

  it('the check can fail: a colo section does change the result', async () => {
    const doc = { ...baseScenario(), colo: { capacity: { computeCU: 4 }, tenants: [{ id: 'a', hashrateTHs: 500, resources: { computeCU: 1 } }] } };
    const registered = canonicalJson(runDoc(doc));
    expect(await runWithoutSystems(doc)).not.toBe(registered);
  });
});
