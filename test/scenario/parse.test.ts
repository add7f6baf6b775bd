// Scenario validation: every problem named by its path with the value received, YAML syntax errors
// at their line and column, cross-section checks, defaults, durations and the JSON Schema.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatDuration, parseDurationUs, parseScenarioDocument, parseScenarioText, scenarioJsonSchema, validateScenario, type ScenarioIssue,
} from '../../src/scenario/index.js';

const DEFAULT_YAML = readFileSync(new URL('../../scenarios/default.yaml', import.meta.url), 'utf8');

function minimal(): Record<string, unknown> & { pools: Record<string, unknown>[]; fleet: Record<string, unknown>[] } {
  return { name: 'x', pools: [{ id: 'p', scheme: 'FPPS' }], fleet: [{ id: 'g', count: 1, hashrateTHs: 100, pool: 'p' }] };
}

function issuesOf(document: unknown): ScenarioIssue[] {
  const outcome = validateScenario(document);
  if (outcome.ok) throw new Error('expected the scenario to be invalid');
  return outcome.issues;
}

function issueFor(document: unknown, path: string): string | undefined {
  return issuesOf(document).find((i) => i.path === path)?.message;
}

describe('valid scenarios', () => {
  it('default.yaml is valid', () => {
    const outcome = parseScenarioText(DEFAULT_YAML);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    expect(outcome.scenario).toMatchObject({ seed: 42, horizon: 7 * 86_400_000_000, slot: 900_000_000, resolution: 'aggregate' });
    expect(outcome.scenario.fleet.map((g) => g.pool)).toEqual(['fpps-pool', 'pplns-pool', 'fpps-pool']);
  });

  it('fills every default', () => {
    const outcome = validateScenario(minimal());
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    expect(outcome.scenario).toEqual({
      name: 'x', description: '', seed: 1, horizon: 86_400_000_000, slot: 900_000_000, resolution: 'aggregate',
      network: {
        hashrateEHs: 800, hashrateGrowthPctPerDay: 0, blockHeight: 900_000, feesPerBlockBTC: 0.03, feesVolatilityPct: 30, retarget: true,
        price: { model: 'fixed', usd: 95_000 },
      },
      site: { powerPriceUSDperKWh: 0.065, timeOfUse: [], pue: 1.1, containers: { intakeSetpointC: 5, maxRecirculationPct: 80 } },
      pools: [{
        id: 'p', scheme: 'FPPS', feePct: 2, pplnsWindowFactor: 2, reserveBTC: 0, extraHashrateEHs: 0, payoutInterval: 86_400_000_000,
        vardiff: { targetSecondsPerShare: 15, retargetSeconds: 90, variancePct: 30, minDifficulty: 1, maxDifficulty: 1e15 },
      }],
      fleet: [{ id: 'g', count: 1, hashrateTHs: 100, pool: 'p', latencyMs: 80, efficiencyPct: 100 }],
      monitoring: { windowMinutes: 10, degradedBelowPct: 80, deadAfterMinutes: 5 },
    });
  });

  it('fills defaults inside a partly given section', () => {
    const doc = { ...minimal(), network: { hashrateEHs: 500, price: { model: 'gbm', usd: 1 } }, monitoring: { windowMinutes: 20 } };
    const outcome = validateScenario(doc);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    expect(outcome.scenario.network).toMatchObject({ hashrateEHs: 500, blockHeight: 900_000, price: { model: 'gbm', usd: 1, driftPctPerYear: 0, volatilityPctPerYear: 50 } });
    expect(outcome.scenario.monitoring).toEqual({ windowMinutes: 20, degradedBelowPct: 80, deadAfterMinutes: 5 });
  });

  it('reads JSON as well as YAML', () => {
    const outcome = parseScenarioText(JSON.stringify(minimal()));
    expect(outcome.ok).toBe(true);
  });
});

describe('problems, each at its path', () => {
  it('unknown keys anywhere, with their full path', () => {
    const doc = minimal();
    doc.fleet[0].hashrateTH = 200;
    doc.pools[0].vardiff = { target: 10 };
    doc.colour = 'red';
    const issues = issuesOf(doc);
    expect(issues).toContainEqual({ path: 'fleet[0].hashrateTH', message: 'unknown key (check the spelling; see `hashtwin schema`)' });
    expect(issues).toContainEqual({ path: 'pools[0].vardiff.target', message: expect.stringMatching(/^unknown key/) });
    expect(issues).toContainEqual({ path: 'colour', message: expect.stringMatching(/^unknown key/) });
  });

  it.each([
    ['fleet[0].count', (d: ReturnType<typeof minimal>) => { d.fleet[0].count = 0; }, 'must be ≥ 1, got 0'],
    ['fleet[0].count', (d: ReturnType<typeof minimal>) => { d.fleet[0].count = 2.5; }, 'must be a whole number, got 2.5'],
    ['fleet[0].hashrateTHs', (d: ReturnType<typeof minimal>) => { d.fleet[0].hashrateTHs = -1; }, 'must be > 0, got -1'],
    ['fleet[0].hashrateTHs', (d: ReturnType<typeof minimal>) => { d.fleet[0].hashrateTHs = 'fast'; }, 'must be a number, got "fast"'],
    ['fleet[0].hashrateTHs', (d: ReturnType<typeof minimal>) => { delete d.fleet[0].hashrateTHs; }, 'is required when no model is given'],
    ['fleet[0].id', (d: ReturnType<typeof minimal>) => { d.fleet[0].id = 'Row A'; }, 'must be lowercase letters, digits and dashes, e.g. "s21-row-a"'],
    ['fleet[0].efficiencyPct', (d: ReturnType<typeof minimal>) => { d.fleet[0].efficiencyPct = 0; }, 'must be > 0, got 0'],
    ['pools[0].scheme', (d: ReturnType<typeof minimal>) => { d.pools[0].scheme = 'FPSS'; }, 'must be one of "PPS", "FPPS", "PROP", "PPLNS", "SOLO", got "FPSS"'],
    ['pools[0].feePct', (d: ReturnType<typeof minimal>) => { d.pools[0].feePct = 120; }, 'must be ≤ 100, got 120'],
    ['pools', (d: ReturnType<typeof minimal>) => { d.pools = []; }, 'must have at least 1 item(s)'],
    ['fleet', (d: ReturnType<typeof minimal>) => { d.fleet = {} as never; }, 'must be a list, got a mapping'],
    ['network', (d: ReturnType<typeof minimal>) => { d.network = 5; }, 'must be a mapping, got 5'],
    ['resolution', (d: ReturnType<typeof minimal>) => { d.resolution = 'fast'; }, 'must be one of "exact", "aggregate", "hashed", got "fast"'],
    ['name', (d: ReturnType<typeof minimal>) => { delete d.name; }, 'is required'],
    ['horizon', (d: ReturnType<typeof minimal>) => { d.horizon = '3x'; }, 'must be a duration like 15m, 6h or 30d (units ms, s, m, h, d, w, y), got "3x"'],
    ['horizon', (d: ReturnType<typeof minimal>) => { d.horizon = '0d'; }, 'must be longer than 0, got "0d"'],
    ['slot', (d: ReturnType<typeof minimal>) => { d.slot = '0s'; }, 'must be longer than 0, got "0s"'],
    ['pools[0].payoutInterval', (d: ReturnType<typeof minimal>) => { d.pools[0].payoutInterval = '0h'; }, 'must be longer than 0, got "0h"'],
    ['network.price.usd', (d: ReturnType<typeof minimal>) => { d.network = { price: { model: 'fixed', usd: 0 } }; }, 'must be > 0, got 0'],
  ])('%s: %s', (path, breakIt, message) => {
    const doc = minimal();
    breakIt(doc);
    expect(issueFor(doc, path)).toBe(message);
  });

  it('the root must be a mapping', () => {
    for (const text of ['', '- 1\n- 2\n', '42', 'null']) {
      const outcome = parseScenarioText(text);
      expect(outcome).toEqual({ ok: false, issues: [{ path: '(root)', message: 'must be a mapping of scenario keys (name, pools, fleet, …)' }] });
    }
  });

  it('pool references, duplicate ids and cross-section rules', () => {
    const doc = minimal();
    doc.pools.push({ id: 'p', scheme: 'PPS' });
    doc.fleet.push({ id: 'g', count: 1, hashrateTHs: 1, pool: 'nope' });
    doc.pools[0].vardiff = { minDifficulty: 10, maxDifficulty: 1 };
    doc.horizon = '1h';
    doc.slot = '2h';
    doc.network = { price: { model: 'table', points: [{ at: '1h', usd: 1 }, { at: '30m', usd: 2 }] } };
    expect(issuesOf(doc)).toEqual(expect.arrayContaining([
      { path: 'pools[0].id', message: '"p" is used by more than one pool' },
      { path: 'pools[1].id', message: '"p" is used by more than one pool' },
      { path: 'fleet[0].id', message: '"g" is used by more than one fleet group' },
      { path: 'fleet[1].id', message: '"g" is used by more than one fleet group' },
      { path: 'fleet[1].pool', message: 'no pool with id "nope" (pools: p)' },
      { path: 'pools[0].vardiff.minDifficulty', message: 'must be ≤ maxDifficulty (1)' },
      { path: 'slot', message: 'must not be longer than horizon' },
      { path: 'network.price.points[1].at', message: 'must be later than the point before' },
    ]));
  });

  it('lists reference problems together with schema problems, in one pass', () => {
    const doc = minimal();
    doc.fleet[0].count = 0;
    doc.fleet.push({ id: 'h', count: 1, hashrateTHs: 1, pool: 'nope' });
    expect(issuesOf(doc)).toEqual([
      { path: 'fleet[0].count', message: 'must be ≥ 1, got 0' },
      { path: 'fleet[1].pool', message: 'no pool with id "nope" (pools: p)' },
    ]);
  });

  it('refuses horizons that would schedule more than a million slots or payouts', () => {
    const doc = minimal();
    doc.horizon = '365d';
    doc.slot = '10s';
    expect(issueFor(doc, 'slot')).toMatch(/more than 1,000,000 slots/);
    doc.slot = '1h';
    doc.pools[0].payoutInterval = '10s';
    expect(issueFor(doc, 'pools[0].payoutInterval')).toMatch(/more than 1,000,000 payouts/);
  });

  it('every problem in a file with many, each once', () => {
    const text = [
      'name: broken',
      'horizon: 3x',
      'network:',
      '  hashrateEHs: -5',
      'pools:',
      '  - { id: p1, scheme: FPSS, feePct: 120 }',
      'fleet:',
      '  - { id: a, count: 0, hashrateTH: 200, pool: p1 }',
      '  - { id: b, count: 3, hashrateTHs: 100, pool: nope }',
    ].join('\n');
    const outcome = parseScenarioText(text);
    if (outcome.ok) throw new Error('expected problems');
    expect(outcome.issues.map((i) => i.path)).toEqual([
      'horizon', 'network.hashrateEHs', 'pools[0].scheme', 'pools[0].feePct', 'fleet[0].count', 'fleet[0].hashrateTH', 'fleet[0].hashrateTHs', 'fleet[1].pool',
    ]);
    expect(new Set(outcome.issues.map((i) => `${i.path}: ${i.message}`)).size).toBe(outcome.issues.length);
  });
});

describe('YAML syntax errors', () => {
  it.each([
    ['name: x\npools: [\n  - a: 1\n', 'line 3, column 3'],
    ['name: x\n  bad: indent\n', 'line 1, column 7'],
    ['name: x\nname: y\n', 'line 2, column 1'],
    ['name: x\nseed: "open\n', 'line 3, column 1'],
  ])('%j is reported at %s, in one line', (text, where) => {
    const outcome = parseScenarioDocument(text);
    if (outcome.ok) throw new Error('expected a syntax error');
    expect(outcome.issues).toHaveLength(1);
    expect(outcome.issues[0].path).toBe(where);
    expect(outcome.issues[0].message).not.toContain('\n');
    expect(outcome.issues[0].message.length).toBeGreaterThan(5);
  });

  it('parseScenarioText reports the syntax error and nothing else', () => {
    const outcome = parseScenarioText('name: x\nfleet: {\n');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.issues[0].path).toMatch(/^line \d+, column \d+$/);
  });
});

describe('durations', () => {
  it.each([
    ['90s', 90_000_000], ['15m', 900_000_000], ['6h', 21_600_000_000], ['30d', 2_592_000_000_000], ['2w', 1_209_600_000_000],
    ['1y', 31_536_000_000_000], ['1h30m', 5_400_000_000], ['1.5h', 5_400_000_000], ['250ms', 250_000], [' 15m ', 900_000_000], ['0s', 0],
  ])('%s = %i µs', (text, us) => {
    expect(parseDurationUs(text)).toBe(us);
  });

  it.each(['', '15', 'm', '15 m', '-5m', '1e3s', '15min', '5m3', 'h1'])('%j is not a duration', (text) => {
    expect(parseDurationUs(text)).toEqual(expect.stringMatching(/^must be a duration/));
  });

  it('formats any whole number of µs so that it parses back to the same value', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 50 }), (us) => {
      expect(parseDurationUs(formatDuration(us))).toBe(us);
    }), { seed: 31, numRuns: 500 });
    expect(formatDuration(900_000_000)).toBe('15m');
    expect(formatDuration(86_400_000_000 * 7)).toBe('1w');
  });
});

describe('JSON Schema', () => {
  it('describes the file format: properties with units, required keys, no unknown keys', () => {
    const schema = scenarioJsonSchema() as { properties: Record<string, { items?: { properties: Record<string, unknown>; required: string[] } }>; required: string[]; additionalProperties: boolean; title: string };
    expect(schema.title).toBe('hashtwin scenario');
    expect(schema.required).toEqual(['name', 'pools', 'fleet']);
    expect(schema.additionalProperties).toBe(false);
    const group = schema.properties.fleet.items!;
    expect(Object.keys(group.properties)).toEqual(expect.arrayContaining(['id', 'count', 'hashrateTHs', 'pool', 'latencyMs', 'efficiencyPct']));
    // hashrateTHs may come from a catalogue model instead: the file format requires only these.
    expect(group.required).toEqual(expect.arrayContaining(['id', 'count', 'pool']));
    expect(Object.keys(group.properties)).toContain('model');
    expect(schema.properties.horizon).toMatchObject({ type: 'string', default: '1d' });
    // Every key used in default.yaml is in the schema.
    const outcome = parseScenarioDocument(DEFAULT_YAML);
    if (!outcome.ok) throw new Error('default.yaml');
    const doc = outcome.document as Record<string, unknown> & { fleet: Record<string, unknown>[] };
    for (const key of Object.keys(doc)) expect(schema.properties, key).toHaveProperty(key);
    for (const key of Object.keys(doc.fleet[0])) expect(group.properties, key).toHaveProperty(key);
  });
});
