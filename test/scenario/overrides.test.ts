// What-if overrides and sweeps: paths, --vary parsing, setting values on the document (bad paths
// named), and the order of a sweep's cells and seeds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOverrides, parsePath, parseScenarioText, parseValue, parseVary, sweepCells, sweepSeed } from '../../src/scenario/index.js';

function minimal() {
  return { name: 'x', pools: [{ id: 'p', scheme: 'FPPS' }], fleet: [{ id: 'g', count: 1, hashrateTHs: 100, pool: 'p' }] };
}

describe('parsePath', () => {
  it.each([
    ['name', ['name']],
    ['fleet[0].count', ['fleet', 0, 'count']],
    ['network.price.points[12].usd', ['network', 'price', 'points', 12, 'usd']],
    ['pools[1].vardiff.minDifficulty', ['pools', 1, 'vardiff', 'minDifficulty']],
    ['a[0][1]', ['a', 0, 1]],
  ])('%s', (path, keys) => {
    expect(parsePath(path)).toEqual(keys);
  });

  it.each(['', 'fleet..count', 'fleet.', '.fleet', 'fleet[x]', 'fleet[0]count', 'fleet.[0]', 'fleet[-1]', 'fleet count', '0abc'])('%j is refused with a message', (path) => {
    expect(typeof parsePath(path)).toBe('string');
  });

  it('round-trips any well-formed path', () => {
    const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,8}$/);
    const segment = fc.oneof(name.map((n) => ({ key: n as string | number, text: `.${n}` })), fc.nat({ max: 999 }).map((i) => ({ key: i as string | number, text: `[${i}]` })));
    fc.assert(fc.property(name, fc.array(segment, { maxLength: 5 }), (first, rest) => {
      expect(parsePath(first + rest.map((s) => s.text).join(''))).toEqual([first, ...rest.map((s) => s.key)]);
    }), { seed: 5, numRuns: 300 });
  });
});

describe('parseValue and parseVary', () => {
  it('reads values as YAML scalars, keeping text that is not YAML as text', () => {
    expect(parseValue('40')).toBe(40);
    expect(parseValue('2.5')).toBe(2.5);
    expect(parseValue('true')).toBe(true);
    expect(parseValue('PPLNS')).toBe('PPLNS');
    expect(parseValue('15m')).toBe('15m');
    expect(parseValue('{model: fixed, usd: 5}')).toEqual({ model: 'fixed', usd: 5 });
    expect(parseValue('[1,')).toBe('[1,');
  });

  it('splits values on commas outside brackets', () => {
    expect(parseVary('pools[1].scheme=PPLNS,SOLO')).toEqual({ path: 'pools[1].scheme', values: ['PPLNS', 'SOLO'] });
    expect(parseVary('fleet[0].count= 40 , 80')).toEqual({ path: 'fleet[0].count', values: [40, 80] });
    expect(parseVary('network.price={model: fixed, usd: 5},{model: gbm, usd: 6}')).toEqual({
      path: 'network.price', values: [{ model: 'fixed', usd: 5 }, { model: 'gbm', usd: 6 }],
    });
    expect(parseVary('x=[1,2],[3]')).toEqual({ path: 'x', values: [[1, 2], [3]] });
    expect(parseVary('name=a=b')).toEqual({ path: 'name', values: ['a=b'] });
  });

  it.each([
    ['pools[0].scheme', /^must be PATH=V1,V2,… .*got "pools\[0\].scheme"$/],
    ['=FPPS', /^must be PATH=V1,V2,…/],
    ['pools[x].scheme=FPPS', /^pools\[x\]\.scheme is not a scenario path .*\(at "\[x\]\.scheme"\)$/],
    ['fleet[0]count=1', /^fleet\[0\]count is not a scenario path/],
    ['a=1,,2', /^a has an empty value in "a=1,,2"$/],
    ['a=', /^a has an empty value/],
  ])('%j → a message naming it', (text, message) => {
    expect(parseVary(text)).toMatch(message);
  });
});

describe('applyOverrides', () => {
  it('sets values on a copy, creating sections and appending list items as needed', () => {
    const doc = minimal();
    const { document, issues } = applyOverrides(doc, [
      { path: 'fleet[0].count', value: 40 },
      { path: 'network.price', value: { model: 'fixed', usd: 1 } },
      { path: 'pools[1]', value: { id: 'q', scheme: 'PPS' } },
      { path: 'monitoring.windowMinutes', value: 30 },
    ]);
    expect(issues).toEqual([]);
    expect(document).toEqual({
      ...minimal(),
      fleet: [{ ...minimal().fleet[0], count: 40 }],
      network: { price: { model: 'fixed', usd: 1 } },
      pools: [...minimal().pools, { id: 'q', scheme: 'PPS' }],
      monitoring: { windowMinutes: 30 },
    });
    expect(doc).toEqual(minimal());
  });

  it.each([
    ['fleet.count', 'fleet is a list; pick an item, e.g. fleet[0]'],
    ['fleet.count.x', 'fleet is a list; pick an item, e.g. fleet[0]'],
    ['pools[3].scheme', 'pools has 1 item(s); the next one is [1]'],
    ['network[0]', 'network is not a list'],
    ['name.first', 'cannot set inside name, which is not a mapping or list'],
    ['fleet[0].count.x', 'cannot set inside fleet[0].count, which is not a mapping or list'],
    ['fleet..count', expect.stringMatching(/^is not a scenario path/)],
  ])('%s is refused: %s', (path, message) => {
    const { issues } = applyOverrides({ ...minimal(), network: {} }, [{ path, value: 1 }]);
    expect(issues).toEqual([{ path, message }]);
  });

  it('an override is validated exactly like a value typed into the file', () => {
    expect(parseScenarioText(JSON.stringify(minimal()), [{ path: 'fleet[0].hashrateTH', value: 1 }])).toEqual({
      ok: false, issues: [{ path: 'fleet[0].hashrateTH', message: 'unknown key (check the spelling; see `hashtwin schema`)' }],
    });
    expect(parseScenarioText(JSON.stringify(minimal()), [{ path: 'fleet[0].count', value: 0 }])).toEqual({
      ok: false, issues: [{ path: 'fleet[0].count', message: 'must be ≥ 1, got 0' }],
    });
    const ok = parseScenarioText(JSON.stringify(minimal()), [{ path: 'horizon', value: '2d' }, { path: 'pools[0].scheme', value: 'SOLO' }]);
    expect(ok.ok && [ok.scenario.horizon, ok.scenario.pools[0].scheme]).toEqual([172_800_000_000, 'SOLO']);
  });

  it('refuses overrides on a document that is not a mapping', () => {
    expect(applyOverrides(null, [{ path: 'name', value: 'x' }]).issues).toEqual([{ path: '(root)', message: expect.stringMatching(/must be a mapping/) }]);
    expect(parseScenarioText('- 1', [{ path: 'name', value: 'x' }]).ok).toBe(false);
  });
});

describe('sweeps', () => {
  it('every combination, the first vary changing slowest', () => {
    const cells = sweepCells([{ path: 'a', values: [1, 2] }, { path: 'b', values: ['x', 'y', 'z'] }]);
    expect(cells.map((c) => c.map((o) => `${o.path}=${String(o.value)}`).join(' '))).toEqual([
      'a=1 b=x', 'a=1 b=y', 'a=1 b=z', 'a=2 b=x', 'a=2 b=y', 'a=2 b=z',
    ]);
    expect(sweepCells([])).toEqual([[]]);
  });

  it('seed k is the scenario seed for k = 0, then seed + k or seed/k', () => {
    expect([0, 1, 2].map((k) => sweepSeed(42, k))).toEqual([42, 43, 44]);
    expect([0, 1, 2].map((k) => sweepSeed('run', k))).toEqual(['run', 'run/1', 'run/2']);
  });
});
