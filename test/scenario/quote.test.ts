// Sales quotes: exact percentiles, exact money, the link round trip, every bad input named by its
// path, and runs that reproduce from the link — seed by seed, digest by digest.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src/scenario/index.js';
import {
  decodeQuoteLink, encodeQuoteLink, meanOf, percentileOf, QUOTE_SCHEMES, quoteFleet, quoteInputsFrom, quoteModelIds,
  quotePrice, quotePriceGrid, quoteRunOf, quoteScenario, SITE_PRESET_IDS, summarizeQuote, type QuoteInputs,
} from '../../src/scenario/quote/index.js';
import { priceQuote, runQuote, type RunSeeds } from '../../src/worker/quote-runner.js';
import { runSeedsHere } from '../../src/worker/run-seeds-here.js';
import { runScenario } from '../../src/worker/twin-runner.js';

const BASE_TEXT = readFileSync(new URL('../../scenarios/quote-base.yaml', import.meta.url), 'utf8');

function inputsOf(request: Parameters<typeof quoteInputsFrom>[0]): QuoteInputs {
  const checked = quoteInputsFrom(request);
  if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
  return checked.inputs;
}

function scenarioOf(inputs: QuoteInputs) {
  const built = quoteScenario(BASE_TEXT, inputs);
  if (!built.ok) throw new Error(JSON.stringify(built.issues));
  return built.scenario;
}

const arbitraryInputs = fc.record({
  site: fc.constantFrom(...SITE_PRESET_IDS),
  powerUsdPerKWh: fc.double({ min: 0, max: 1, noNaN: true }),
  pue: fc.double({ min: 1, max: 3, noNaN: true }),
  hashrateTHs: fc.double({ min: 1e-3, max: 10_000_000, noNaN: true }),
  days: fc.integer({ min: 1, max: 365 }),
  scheme: fc.constantFrom(...QUOTE_SCHEMES),
  model: fc.constantFrom(...quoteModelIds()),
  seeds: fc.uniqueArray(fc.nat({ max: Number.MAX_SAFE_INTEGER }), { minLength: 1, maxLength: 64 }),
});

describe('percentiles of exact amounts (type 7, numpy default)', () => {
  it('match numpy.percentile on a known sample', () => {
    const sample = [40n, 15n, 50n, 20n, 35n];
    // numpy.percentile([15, 20, 35, 40, 50], [0, 10, 50, 90, 100]) → [15, 17, 35, 46, 50]
    expect([0, 10, 50, 90, 100].map((p) => percentileOf(sample, p))).toEqual([15n, 17n, 35n, 46n, 50n]);
    // numpy: medians 25.5 and 26.5; the interpolation steps 4.5 and 3.5 round half-to-even to 4
    expect(percentileOf([10n, 21n, 30n, 40n], 50)).toBe(25n);
    expect(percentileOf([10n, 23n, 30n, 40n], 50)).toBe(27n);
    expect(meanOf([1n, 2n])).toBe(2n); // 1.5 → 2 (even)
    expect(meanOf([2n, 3n, 0n, 0n])).toBe(1n); // 1.25 → 1
  });

  it('lie between min and max, rise with p, ignore order and shift exactly', () => {
    fc.assert(fc.property(fc.array(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), { minLength: 1, maxLength: 40 }), fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), (amounts, shift) => {
      const sorted = [...amounts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      let previous = sorted[0];
      for (const p of [0, 10, 25, 50, 75, 90, 100]) {
        const value = percentileOf(amounts, p);
        expect(value >= previous && value <= sorted[sorted.length - 1]).toBe(true);
        expect(percentileOf([...amounts].reverse(), p)).toBe(value);
        expect(percentileOf(amounts.map((a) => a - shift), p)).toBe(value - shift);
        previous = value;
      }
      expect(percentileOf(amounts, 0)).toBe(sorted[0]);
      expect(percentileOf(amounts, 100)).toBe(sorted[sorted.length - 1]);
    }), { seed: 5, numRuns: 200 });
  });

  it('refuse an empty sample and a fractional percent', () => {
    expect(() => percentileOf([], 50)).toThrow(/amounts must not be empty/);
    expect(() => percentileOf([1n], 12.5)).toThrow(/pct must be a whole number from 0 to 100, got 12.5/);
  });
});

describe('the price of a quote', () => {
  it('is the market price against hashprice, never under cost plus the 20 % markup', () => {
    const cheapPower = quotePrice(inputsOf({ hashrateTHs: 500, days: 30, powerUsdPerKWh: 0.03 }), scenarioOf(inputsOf({ hashrateTHs: 500, days: 30 })));
    // 800 EH/s, 3.125 + 0.03 BTC, $95,000: hashprice ≈ $0.05395; 5 % under it for the renter
    expect(cheapPower.hashpriceMicroUsdPerTHsDay).toBe(53_951n);
    expect(cheapPower.priceMicroUsdPerTHsDay).toBe(51_253n);
    const dearPower = quotePrice(inputsOf({ hashrateTHs: 500, days: 30, powerUsdPerKWh: 0.2 }), scenarioOf(inputsOf({ hashrateTHs: 500, days: 30 })));
    // 17.5 J/TH · 24 h · $0.22/kWh (PUE 1.1) = $0.0924 + $0.005 other = $0.0974; × 1.2 = $0.11688
    expect(dearPower.costMicroUsdPerTHsDay).toBe(97_400n);
    expect(dearPower.priceMicroUsdPerTHsDay).toBe(116_880n);
  });

  it('totals price × TH/s × days exactly, and margin = total − cost of the same TH/s·days', () => {
    fc.assert(fc.property(arbitraryInputs, fc.integer({ min: 1, max: 10_000 }), (raw, wholeThs) => {
      const inputs = { ...raw, hashrateTHs: wholeThs };
      const price = quotePrice(inputs, scenarioOf(inputs));
      expect(price.totalMicroUsd).toBe(price.priceMicroUsdPerTHsDay * BigInt(wholeThs * inputs.days));
      expect(price.sellerMarginTotalMicroUsd).toBe((price.priceMicroUsdPerTHsDay - price.costMicroUsdPerTHsDay) * BigInt(wholeThs * inputs.days));
      expect(price.priceMicroUsdPerTHsDay >= price.costMicroUsdPerTHsDay).toBe(true);
    }), { seed: 11, numRuns: 60 });
  });

  it('rounds a fractional hashrate once, half-to-even, on the exact product', () => {
    const inputs = inputsOf({ hashrateTHs: 0.1, days: 1 });
    const price = quotePrice(inputs, scenarioOf(inputs));
    // 0.1 as a double is 0.1000000000000000055…: price/10 rounds to the nearest µUSD
    expect(price.totalMicroUsd).toBe((price.priceMicroUsdPerTHsDay + 5n) / 10n);
  });

  it('maps the price over power × coin price, rising with both, through the quote itself', () => {
    const inputs = inputsOf({ hashrateTHs: 500, days: 30 });
    const scenario = scenarioOf(inputs);
    const grid = quotePriceGrid(inputs, scenario);
    expect(grid.values).toHaveLength(grid.yValues.length);
    for (const row of grid.values) {
      expect(row).toHaveLength(grid.xValues.length);
      for (let x = 1; x < row.length; x++) expect(row[x]).toBeGreaterThanOrEqual(row[x - 1]);
    }
    for (let y = 1; y < grid.values.length; y++) expect(grid.values[y][0]).toBeGreaterThan(grid.values[y - 1][0]);
    const centre = grid.values[grid.yValues.indexOf(95_000)][grid.xValues.indexOf(0.065)];
    expect(centre).toBe(Number(quotePrice(inputs, scenario).priceMicroUsdPerTHsDay) / 1e6);
  });
});

describe('the shareable link', () => {
  it('round-trips any canonical inputs exactly', () => {
    fc.assert(fc.property(arbitraryInputs, (inputs) => {
      const decoded = decodeQuoteLink(encodeQuoteLink(inputs));
      expect(decoded).toEqual({ ok: true, inputs });
    }), { seed: 3, numRuns: 300 });
    const awkward = inputsOf({ hashrateTHs: 0.1 + 0.2, days: 7, powerUsdPerKWh: 1e-7 });
    expect(decodeQuoteLink(`https://lab.example/#${encodeQuoteLink(awkward).slice(1)}`)).toEqual({ ok: true, inputs: awkward });
  });

  it('reads as plain words and reports every problem of a bad link with its key', () => {
    expect(encodeQuoteLink(inputsOf({ hashrateTHs: 500, days: 30, seedCount: 3 })))
      .toBe('#/quote?v=1&site=standard-colo&powerUsdPerKWh=0.065&pue=1.1&hashrateTHs=500&days=30&scheme=FPPS&model=antminer-s21&seeds=1,2,3');
    const bad = decodeQuoteLink('#/quote?v=2&site=standard-colo&powerUsdPerKWh=0x10&pue=1.1&hashrateTHs=Infinity&days=30&scheme=FPPS&model=antminer-s21&seeds=1,1&colour=red');
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.issues.map((i) => i.path).sort()).toEqual(['colour', 'hashrateTHs', 'powerUsdPerKWh', 'seeds', 'v']);
    expect(bad.issues.find((i) => i.path === 'seeds')?.message).toBe('must not repeat a seed');
    expect(decodeQuoteLink('#/lab?x=1')).toMatchObject({ ok: false, issues: [{ path: '(link)' }] });
  });
});

describe('bad quote inputs', () => {
  it('name every problem with its path', () => {
    const checked = quoteInputsFrom({
      hashrateTHs: -5, days: 2.5, scheme: 'FOO' as 'FPPS', model: 'phone-cpu', powerUsdPerKWh: 3, pue: 0.5,
    });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const byPath = Object.fromEntries(checked.issues.map((i) => [i.path, i.message]));
    expect(Object.keys(byPath).sort()).toEqual(['days', 'hashrateTHs', 'model', 'powerUsdPerKWh', 'pue', 'scheme']);
    expect(byPath.hashrateTHs).toBe('must be > 0, got -5');
    expect(byPath.days).toBe('must be a whole number, got 2.5');
    expect(byPath.model).toMatch(/^must be a SHA-256d ASIC of the catalogue \(antminer-s19-pro, /);
  });

  it('bound the hashrate, the length and the seed count', () => {
    for (const [request, path] of [
      [{ hashrateTHs: 20_000_000, days: 1 }, 'hashrateTHs'],
      [{ hashrateTHs: 1, days: 366 }, 'days'],
      [{ hashrateTHs: 1, days: 0 }, 'days'],
      [{ hashrateTHs: 1, days: 1, seedCount: 0 }, 'seeds'],
      [{ hashrateTHs: 1, days: 1, seedCount: 65 }, 'seeds'],
      [{ hashrateTHs: 1, days: 1, site: 'mars' as 'standard-colo' }, 'site'],
    ] as const) {
      const checked = quoteInputsFrom(request);
      expect(checked.ok ? [] : checked.issues.map((i) => i.path), JSON.stringify(request)).toEqual([path]);
    }
  });
});

describe('the quote scenario', () => {
  it('is the base with the inputs set: whole rigs whose total is the hashrate sold', () => {
    fc.assert(fc.property(arbitraryInputs, (inputs) => {
      const scenario = scenarioOf(inputs);
      const group = scenario.fleet[0];
      expect(group.count * group.hashrateTHs!).toBeCloseTo(inputs.hashrateTHs, 6);
      expect(group.model).toBe(inputs.model);
      expect(scenario.pools[0].scheme).toBe(inputs.scheme);
      expect(scenario.site.powerPriceUSDperKWh).toBe(inputs.powerUsdPerKWh);
      expect(scenario.horizon).toBe(inputs.days * 86_400_000_000);
    }), { seed: 9, numRuns: 50 });
    expect(quoteFleet(inputsOf({ hashrateTHs: 500, days: 1 }))).toEqual({ count: 3, hashrateTHs: 500 / 3, powerW: 3500 * (500 / 3) / 200 });
  });
});

describe('revenue of a run', () => {
  it('reads the twin’s fleet revenue (to the cent) exactly into µUSD', () => {
    const run = quoteRunOf(7, { digest: 'd', kpis: { fleetEarnedSat: 150_000_000, fleetEarnedUsd: 145_000.13, fleetBlocksFound: 1 } });
    expect(run).toEqual({ seed: 7, digest: 'd', earnedSat: 150_000_000n, revenueMicroUsd: 145_000_130_000n, blocksFound: 1 });
  });
});

describe('running a quote', () => {
  const inputs = inputsOf({ hashrateTHs: 800, days: 3, scheme: 'PPLNS', seedCount: 4 });

  it('reproduces from its link: the same seeds, digests and numbers', async () => {
    const first = await runQuote(inputs, BASE_TEXT, runSeedsHere);
    if (!first.ok) throw new Error(first.error.message);
    const decoded = decodeQuoteLink(first.quote.link);
    if (!decoded.ok) throw new Error(JSON.stringify(decoded.issues));
    const again = await runQuote(decoded.inputs, BASE_TEXT, runSeedsHere);
    expect(again).toEqual(first);
    expect(first.quote.runs.map((r) => r.seed)).toEqual([1, 2, 3, 4]);
    expect(new Set(first.quote.runs.map((r) => r.digest)).size).toBe(4);
    // Each digest is the plain run of the base with the quote's overrides at that seed.
    const priced = priceQuote(inputs, BASE_TEXT);
    if (!priced.ok) throw new Error(priced.error.message);
    const job = priced.priced.jobs[2];
    const direct = await runScenario({ scenarioText: BASE_TEXT, seed: job.seed, overrides: job.overrides });
    expect(direct.ok && direct.result.digest).toBe(first.quote.runs[2].digest);
    // P10 ≤ P50 ≤ P90, and the buyer's net is revenue less the total, exactly.
    const { revenueMicroUsd: rev, buyerNetMicroUsd: net } = first.quote.summary;
    expect(rev.p10 <= rev.p50 && rev.p50 <= rev.p90).toBe(true);
    expect(net.p50).toBe(rev.p50 - first.quote.price.totalMicroUsd);
  });

  it('puts the break-even coin price where the mean revenue pays the total', async () => {
    const fixed = BASE_TEXT.replace(/price: \{ model: gbm, usd: 95000[^}]*\}/, 'price: { model: fixed, usd: 95000 }');
    expect(fixed).not.toBe(BASE_TEXT);
    const quote = await runQuote(inputs, fixed, runSeedsHere);
    if (!quote.ok) throw new Error(quote.error.message);
    const breakEven = quote.quote.summary.breakEvenCoinPriceMicroUsd!;
    const atBreakEven = fixed.replace('usd: 95000 }', `usd: ${Number(breakEven) / 1e6} }`);
    const priced = priceQuote(inputs, atBreakEven);
    if (!priced.ok) throw new Error(priced.error.message);
    const replies = await runSeedsHere(atBreakEven, priced.priced.jobs, () => {});
    if (!replies.ok) throw new Error(replies.error.message);
    const revenues = replies.runs.map((run, i) => quoteRunOf(inputs.seeds[i], run).revenueMicroUsd);
    const mean = meanOf(revenues);
    const total = quote.quote.price.totalMicroUsd;
    // Same seeds, same coin earned; only the price moved: the mean revenue is the total to within the
    // cent each run's revenue is rounded to.
    expect(Number(mean - total)).toBeLessThanOrEqual(Number(total) * 1e-9 + 10_000);
    expect(Number(total - mean)).toBeLessThanOrEqual(Number(total) * 1e-9 + 10_000);
    expect(summarizeQuote(quote.quote.price, quote.quote.runs)).toEqual(quote.quote.summary);
  });

  it('passes a run failure through as data and reports a broken base with paths', async () => {
    const failing: RunSeeds = async () => ({ ok: false, error: { code: 'internal', message: 'worker lost' } });
    expect(await runQuote(inputs, BASE_TEXT, failing)).toEqual({ ok: false, error: { code: 'internal', message: 'worker lost' } });
    const broken = await runQuote(inputs, BASE_TEXT.replace('slot: 1h', 'slot: soon'), runSeedsHere);
    expect(broken).toMatchObject({ ok: false, error: { code: 'invalid-quote', issues: [{ path: 'slot' }] } });
    expect(parseScenarioText(BASE_TEXT).ok).toBe(true);
  });
});
