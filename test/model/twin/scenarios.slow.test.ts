// Every scenario in scenarios/ over its full horizon, twice: the same digest (the default suite runs
// them over a capped horizon; this is the full contract). `npm run test:slow`.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src/worker/twin-runner.js';

const SCENARIO_DIR = new URL('../../../scenarios/', import.meta.url);
const scenarioFiles = readdirSync(SCENARIO_DIR).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();

describe('every scenario in scenarios/, full length', () => {
  it.each(scenarioFiles)('%s: twice gives the same digest', async (file) => {
    const scenarioText = readFileSync(new URL(file, SCENARIO_DIR), 'utf8');
    const [a, b] = [await runScenario({ scenarioText }), await runScenario({ scenarioText })];
    if (!a.ok || !b.ok) throw new Error(JSON.stringify(a.ok ? b : a));
    expect(b.result.digest).toBe(a.result.digest);
  });
});
