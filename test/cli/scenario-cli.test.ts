// The scenario commands as a newcomer meets them, on the BUILT bin (run `npm run build` first):
// validate, schema, run and sweep — exit codes, one line per problem, no stack traces, --json shapes.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/report/index.js';
import { runCli, type CliRun } from '../helpers/cli.js';

const DEFAULT = 'scenarios/default.yaml';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hashtwin-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** A bad-input failure: exit 2, nothing on stdout, no stack trace. */
function expectUsageFailure(out: CliRun): string[] {
  expect(out.code, out.stderr).toBe(2);
  expect(out.stdout).toBe('');
  expect(out.stderr).not.toMatch(/^\s+at /m);
  expect(out.stderr).not.toMatch(/internal error/);
  return out.stderr.trimEnd().split('\n');
}

interface RunJson {
  digest: string;
  seed: string | number;
  kpis: Record<string, number>;
  series: { slotUs: number; slots: number; values: Record<string, number[]> };
  events: { atUs: number; type: string }[];
  ledger: { entries: { atUs: number; from: string; to: string; amount: string; unit: string; reason: string }[]; balances: Record<string, Record<string, string>> };
  tables: Record<string, Record<string, unknown>[]>;
}

describe('hashtwin validate', () => {
  it('exits 0 on default.yaml', () => {
    const out = runCli(['validate', DEFAULT]);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^scenarios\/default\.yaml: valid — "Default/);
    expect(out.stderr).toBe('');
  });

  it('exits 2 listing every problem of a broken file, one line each as FILE: path: message', () => {
    const file = write('broken.yaml', [
      'name: broken',
      'horizon: 3x',
      'pools:',
      '  - { id: p1, scheme: FPSS, feePct: 120 }',
      'fleet:',
      '  - { id: a, count: 0, hashrateTH: 200, pool: p1 }',
      '  - { id: b, count: 3, hashrateTHs: 100, pool: nope }',
    ].join('\n'));
    const lines = expectUsageFailure(runCli(['validate', file]));
    expect(lines).toEqual([
      `${file}: horizon: must be a duration like 15m, 6h or 30d (units ms, s, m, h, d, w, y), got "3x"`,
      `${file}: pools[0].scheme: must be one of "PPS", "FPPS", "PROP", "PPLNS", "SOLO", got "FPSS"`,
      `${file}: pools[0].feePct: must be ≤ 100, got 120`,
      `${file}: fleet[0].count: must be ≥ 1, got 0`,
      `${file}: fleet[0].hashrateTH: unknown key (check the spelling; see \`hashtwin schema\`)`,
      `${file}: fleet[0].hashrateTHs: is required when no model is given`,
      `${file}: fleet[1].pool: no pool with id "nope" (pools: p1)`,
    ]);
  });

  it('names the line and column of a YAML syntax error', () => {
    const file = write('syntax.yaml', 'name: x\npools: [\n  - a: 1\n');
    const lines = expectUsageFailure(runCli(['validate', file]));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: line 3, column 3: \\S`));
  });

  it('exits 2 naming a missing file, a folder, or no file at all', () => {
    const missing = join(dir, 'nope.yaml');
    expect(expectUsageFailure(runCli(['validate', missing]))).toEqual([`hashtwin validate: ${missing}: no such file`]);
    expect(expectUsageFailure(runCli(['validate', dir]))).toEqual([`hashtwin validate: ${dir}: is a folder, not a scenario file`]);
    expect(expectUsageFailure(runCli(['validate']))[0]).toMatch(/^hashtwin validate: missing FILE/);
  });
});

describe('hashtwin schema', () => {
  it('prints the JSON Schema of scenario files', () => {
    const out = runCli(['schema']);
    expect(out.code).toBe(0);
    const schema = JSON.parse(out.stdout) as { properties: Record<string, { type?: string }>; required: string[] };
    expect(schema.properties.fleet).toMatchObject({ type: 'array' });
    expect(schema.properties).toHaveProperty('pools');
    expect(schema.required).toContain('fleet');
    expect(expectUsageFailure(runCli(['schema', 'extra']))[0]).toMatch(/unexpected argument 'extra'/);
  });
});

describe('hashtwin run', () => {
  let result: RunJson;
  let seven: RunJson;

  beforeAll(() => {
    const out = runCli(['run', DEFAULT, '--json']);
    expect(out.code, out.stderr).toBe(0);
    result = JSON.parse(out.stdout) as RunJson;
    // One run serves two checks: --seed 7 and --out DIR.
    const seeded = runCli(['run', DEFAULT, '--seed', '7', '--json', '--out', join(dir, 'out', 'nested')]);
    expect(seeded.code, seeded.stderr).toBe(0);
    seven = JSON.parse(seeded.stdout) as RunJson;
  });

  it('--json: digest, seed, KPIs, per-slot series, events and the ledger', () => {
    expect(result.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(result.seed).toBe(42);
    expect(result.kpis.horizonDays).toBe(7);
    expect(result.kpis.fleetHashrateNominalTHs).toBe(40 * 200 + 30 * 140 + 30 * 170);
    expect(result.series.slots).toBe(7 * 96);
    expect(Object.keys(result.series.values).length).toBeGreaterThan(5);
    for (const [name, values] of Object.entries(result.series.values)) expect(values, name).toHaveLength(result.series.slots);
    expect(Array.isArray(result.events)).toBe(true);
    expect(result.ledger.entries.length).toBeGreaterThan(0);
    for (const e of result.ledger.entries) {
      expect(Object.keys(e)).toEqual(expect.arrayContaining(['atUs', 'from', 'to', 'amount', 'unit', 'reason']));
      expect(e.amount).toMatch(/^[1-9]\d*$/);
      expect(Number.isSafeInteger(e.atUs)).toBe(true);
    }
    // What the pool paid the group arrives in its miner account (the colo then passes it on to the tiers).
    const paidToGroupSat = result.ledger.entries.filter((e) => e.unit === 'sat' && e.to === 'miner:s21-row-a').reduce((s, e) => s + BigInt(e.amount), 0n);
    expect(paidToGroupSat).toBe(BigInt(result.kpis['group.s21-row-a.earnedSat']));
    expect(Object.values(result.ledger.balances.sat).reduce((s, b) => s + BigInt(b), 0n)).toBe(0n);
    // The digest is SHA-256 of the canonical JSON without it, so anyone can check it.
    const { digest, ...rest } = result;
    expect(createHash('sha256').update(canonicalJson(rest)).digest('hex')).toBe(digest);
  });

  it('--seed 7 changes the digest and is reproducible; --out DIR writes result.json and the CSVs', () => {
    expect(seven.seed).toBe(7);
    expect(seven.digest).not.toBe(result.digest);
    const out = join(dir, 'out', 'nested');
    for (const name of ['result.json', 'series.csv', 'kpis.csv', 'ledger.csv', 'balances.csv']) expect(existsSync(join(out, name)), name).toBe(true);
    const written = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8')) as RunJson;
    expect(written).toEqual(seven);
    expect(readFileSync(join(out, 'series.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(seven.series.slots + 1);
    expect(readFileSync(join(out, 'ledger.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(seven.ledger.entries.length + 1);
    expect(readFileSync(join(out, 'kpis.csv'), 'utf8')).toContain(`fleetEarnedSat,${seven.kpis.fleetEarnedSat}\n`);
    // Again, as a human reads it: the summary ends with the same digest and says what was written.
    const again = runCli(['run', DEFAULT, '--seed', '7', '--out', join(dir, 'out2')]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/seed 7, aggregate, 672 slots/);
    const lines = again.stdout.trimEnd().split('\n');
    expect(lines.at(-2)).toBe(`digest ${seven.digest}`);
    const tables = Object.keys(seven.tables).sort().map((name) => join('tables', `${name}.csv`));
    expect(tables).toContain(join('tables', 'ops.groups.csv'));
    expect(lines.at(-1)).toBe(`wrote ${['result.json', 'series.csv', 'kpis.csv', 'ledger.csv', 'balances.csv', ...tables].map((f) => join(dir, 'out2', f)).join(', ')}`);
    // Each system table as CSV: a header and one line per row.
    const groups = readFileSync(join(dir, 'out2', 'tables', 'ops.groups.csv'), 'utf8').trimEnd().split('\n');
    expect(groups).toHaveLength(seven.tables['ops.groups'].length + 1);
  });

  it('exits 2 on a bad scenario, a bad option value or an unknown option', () => {
    const file = write('bad-run.yaml', 'name: x\npools: [{ id: p, scheme: FPPS }]\nfleet: [{ id: g, count: 0, hashrateTHs: 1, pool: p }]\n');
    expect(expectUsageFailure(runCli(['run', file]))).toEqual([`${file}: fleet[0].count: must be ≥ 1, got 0`]);
    expect(expectUsageFailure(runCli(['run', DEFAULT, '--resolution', 'fast']))[0]).toMatch(/--resolution must be one of exact, aggregate, hashed, got 'fast'/);
    expect(expectUsageFailure(runCli(['run', DEFAULT, '--seeed', '7']))[0]).toMatch(/--seeed/);
    expect(expectUsageFailure(runCli(['run', join(dir, 'missing.yaml')]))[0]).toMatch(/missing\.yaml: no such file$/);
  });
});

describe('hashtwin sweep', () => {
  const sweep = (...extra: string[]) => runCli(['sweep', DEFAULT, '--vary', 'pools[1].scheme=PPLNS,SOLO', '--seeds', '2', '--json', ...extra]);

  it('gives identical --json output on 1 and 2 workers', () => {
    const one = sweep('--workers', '1');
    const two = sweep('--workers', '2');
    expect(one.code, one.stderr).toBe(0);
    expect(two.code, two.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const parsed = JSON.parse(one.stdout) as { runs: { cell: number; seed: number; digest: string; overrides: { path: string; value: unknown }[] }[]; cells: { runs: number; kpisMean: Record<string, number> }[] };
    expect(parsed.runs.map((r) => [r.cell, r.seed, r.overrides[0].value])).toEqual([[0, 42, 'PPLNS'], [0, 43, 'PPLNS'], [1, 42, 'SOLO'], [1, 43, 'SOLO']]);
    expect(new Set(parsed.runs.map((r) => r.digest)).size).toBe(4);
    expect(parsed.cells.map((c) => c.runs)).toEqual([2, 2]);
  });

  it("tabulates the KPIs named by --kpi, a system's included, and names a KPI no run reported", () => {
    const vary = ['sweep', DEFAULT, '--vary', 'operations.detection.shares=true,false', '--workers', '2'];
    const table = runCli([...vary, '--kpi', 'ops.availabilityPct', '--kpi', 'marginUsd']);
    expect(table.code, table.stderr).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[1]).toBe('operations.detection.shares\tops.availabilityPct (mean)\tmarginUsd (mean)');
    expect(lines.slice(2).map((l) => l.split('\t')[0])).toEqual(['true', 'false']);
    for (const line of lines.slice(2)) expect(Number(line.split('\t')[1])).toBeGreaterThan(90);
    const typo = expectUsageFailure(runCli([...vary, '--kpi', 'ops.availabilityPc']));
    expect(typo[0]).toMatch(/^hashtwin sweep: --kpi ops\.availabilityPc: no run reported it \(e\.g\. ops\./);
  });

  it.each([
    [['--vary', 'pools[1]..scheme=PPLNS'], /^hashtwin sweep: --vary pools\[1\]\.\.scheme is not a scenario path/],
    [['--vary', 'pools[1].scheme'], /^hashtwin sweep: --vary must be PATH=V1,V2,…/],
    [['--vary', 'fleet.count=1,2'], /^scenarios\/default\.yaml with fleet\.count=1: fleet\.count: fleet is a list; pick an item, e\.g\. fleet\[0\]$/],
    [['--vary', 'seed=1,2'], /^hashtwin sweep: --vary seed=1,2: .*use --seeds K/],
    [['--vary', 'pools[1].scheme=PPLNS,SLOO'], /^scenarios\/default\.yaml with pools\[1\]\.scheme="SLOO": pools\[1\]\.scheme: must be one of .*got "SLOO"$/],
    [[], /^hashtwin sweep: missing --vary/],
    [['--vary', 'fleet[0].count=1', '--workers', '0'], /^hashtwin sweep: --workers must be a whole number from 1 to 64, got '0'$/],
  ])('exits 2 naming the bad --vary or option: %j', (args, message) => {
    const lines = expectUsageFailure(runCli(['sweep', DEFAULT, ...args]));
    expect(lines[0]).toMatch(message);
  });
});
