// `hashtwin quote` and `hashtwin run --report` on the BUILT bin (run `npm run build` first): the quote's
// numbers and link, the link reproducing them, one-line errors with exit 2, and the HTML report file.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteInputsFrom, quoteToJson } from '../../src/scenario/quote/index.js';
import { runQuote } from '../../src/worker/quote-runner.js';
import { runSeedsHere } from '../../src/worker/run-seeds-here.js';
import { runCli, type CliRun } from '../helpers/cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hashtwin-quote-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function expectOneLineUsageError(out: CliRun, pattern: RegExp): void {
  expect(out.code, out.stderr).toBe(2);
  expect(out.stdout).toBe('');
  const lines = out.stderr.trimEnd().split('\n');
  expect(lines, out.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

type QuoteJson = {
  link: string;
  inputs: { hashrateTHs: number; days: number; scheme: string; seeds: number[] };
  price: { priceMicroUsdPerTHsDay: string; totalMicroUsd: string };
  summary: { revenueMicroUsd: { p10: string; p50: string; p90: string }; breakEvenCoinPriceMicroUsd: string | null };
  runs: { seed: number; digest: string; revenueMicroUsd: string }[];
};

describe('hashtwin quote', () => {
  it('prices and runs a quote, and its link reproduces the same numbers', async () => {
    const out = runCli(['quote', '--hashrate-ths', '600', '--days', '5', '--scheme', 'PPLNS', '--power-usd-per-kwh', '0.05', '--seeds', '4', '--json']);
    expect(out.code, out.stderr).toBe(0);
    const quote = JSON.parse(out.stdout) as QuoteJson;
    expect(quote.inputs).toMatchObject({ hashrateTHs: 600, days: 5, scheme: 'PPLNS', seeds: [1, 2, 3, 4] });
    expect(BigInt(quote.price.totalMicroUsd)).toBe(BigInt(quote.price.priceMicroUsdPerTHsDay) * 600n * 5n);
    const { p10, p50, p90 } = quote.summary.revenueMicroUsd;
    expect(BigInt(p10) <= BigInt(p50) && BigInt(p50) <= BigInt(p90)).toBe(true);
    expect(quote.runs.map((r) => r.digest)).toHaveLength(4);
    expect(quote.link).toBe('#/quote?v=1&site=standard-colo&powerUsdPerKWh=0.05&pue=1.1&hashrateTHs=600&days=5&scheme=PPLNS&model=antminer-s21&seeds=1,2,3,4');

    const again = runCli(['quote', '--link', `http://127.0.0.1:4173/${quote.link}`, '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual(quote);

    // The CLI ran its seeds on worker threads; one thread in this process gives the very same quote.
    const inputs = quoteInputsFrom({ hashrateTHs: 600, days: 5, scheme: 'PPLNS', powerUsdPerKWh: 0.05, seedCount: 4 });
    if (!inputs.ok) throw new Error(JSON.stringify(inputs.issues));
    const here = await runQuote(inputs.inputs, readFileSync(new URL('../../scenarios/quote-base.yaml', import.meta.url), 'utf8'), runSeedsHere);
    if (!here.ok) throw new Error(here.error.message);
    expect(quoteToJson(here.quote)).toEqual(quote);
  });

  it('prints the price, the spread, the seeds with digests and the link as text', () => {
    const out = runCli(['quote', '--hashrate-ths', '250', '--days', '2', '--seeds', '3', '--site', 'nordic-hydro']);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/^Quote — 250 TH\/s for 2 d on FPPS at Nordic hydro containers$/m);
    expect(out.stdout).toMatch(/^ {2}price {7}\$0\.\d{6} per TH\/s per day/m);
    expect(out.stdout).toMatch(/^ {2}revenue {5}P10 \$[\d,.]+ {3}P50 \$[\d,.]+ {3}P90 \$[\d,.]+/m);
    expect(out.stdout).toMatch(/^ {2}break-even {2}coin price \$[\d,]+\.\d\d/m);
    expect(out.stdout.match(/digest [0-9a-f]{64}$/gm)).toHaveLength(3);
    expect(out.stdout).toMatch(/^link #\/quote\?v=1&site=nordic-hydro&/m);
  });

  it('reports bad input in one line naming the option, with exit 2', () => {
    expectOneLineUsageError(runCli(['quote', '--days', '3']), /^hashtwin quote: missing --hashrate-ths/);
    expectOneLineUsageError(runCli(['quote', '--hashrate-ths', 'lots', '--days', '3']), /--hashrate-ths must be a number, got 'lots'/);
    expectOneLineUsageError(runCli(['quote', '--hashrate-ths=-5', '--days', '2.5', '--scheme', 'FOO']),
      /--hashrate-ths must be > 0, got -5; --days must be a whole number, got 2\.5; --scheme must be one of "FPPS", .*got "FOO"/);
    expectOneLineUsageError(runCli(['quote', '--hashrate-ths', '5', '--days', '2', '--seeds', '0']), /--seeds must be a whole number from 1 to 64, got '0'/);
    expectOneLineUsageError(runCli(['quote', '--hashrate-ths', '5', '--days', '2', '--model', 'phone-cpu']), /--model must be a SHA-256d ASIC/);
    expectOneLineUsageError(runCli(['quote', '--link', '#/quote?v=1&seeds=1,1']), /^hashtwin quote: --link site: must be one of .*got nothing; .*--link seeds: must not repeat a seed/);
    expectOneLineUsageError(runCli(['quote', '--link', '#/quote?v=1', '--days', '3']), /--link carries every input; drop --days/);
  });
});

describe('hashtwin run --report', () => {
  it('writes a self-contained HTML report with the run digest and a chart per catalogue entry', () => {
    const path = join(dir, 'default.html');
    const out = runCli(['run', 'scenarios/default.yaml', '--report', path, '--json']);
    expect(out.code, out.stderr).toBe(0);
    const { digest } = JSON.parse(out.stdout) as { digest: string };
    const html = readFileSync(path, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`<code id="digest">${digest}</code>`);
    expect(html).toContain('<dd>scenarios/default.yaml</dd>');
    expect([...html.matchAll(/<figure id="chart-[^"]+" data-chart="[a-z]+"><svg /g)].length).toBeGreaterThan(3);
    expect(html).not.toMatch(/https?:\/\/|<script/i);
  });

  it('names the path it cannot write, with exit 2', () => {
    expectOneLineUsageError(runCli(['run', 'scenarios/default.yaml', '--report', join(dir, 'missing', 'x.html')]), /^hashtwin run: --report .*missing.*: cannot write there \(ENOENT\)$/);
  });
});
