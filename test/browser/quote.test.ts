// The quote page in Chromium on the built lab: a quote priced and run on the twin workers with the
// numbers and digests node gives, its shared link opened in a fresh browser context reproducing every
// figure, bad input shown at its field, a bad link explained, the print layout, and the quote's
// scenario opened in the lab giving the same digest.
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMicroUsd } from '../../src/report/money.js';
import { quoteInputsFrom, type QuoteRequest } from '../../src/scenario/quote/index.js';
import { runQuote } from '../../src/worker/quote-runner.js';
import { runSeedsHere } from '../../src/worker/run-seeds-here.js';
import { launchChromium } from '../helpers/browser.js';
import { serveBuiltLab, type LabServer } from '../helpers/lab-server.js';
import { startMainThreadProbe, stopMainThreadProbe } from '../helpers/main-thread-probe.js';

const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
const BASE_TEXT = readFileSync(new URL('../../scenarios/quote-base.yaml', import.meta.url), 'utf8');

let lab: LabServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

type Figures = { price: string; total: string; p10: string; p50: string; p90: string; breakEven: string; digests: string[] };

async function figures(on: Page): Promise<Figures> {
  const text = (figure: string) => on.locator(`[data-figure="${figure}"]`).innerText();
  return {
    price: await text('price'),
    total: await text('total'),
    p10: await text('p10'),
    p50: await text('p50'),
    p90: await text('p90'),
    breakEven: await text('break-even'),
    digests: await on.locator('[data-testid="quote-runs"] code.digest').allTextContents(),
  };
}

/** What node's `runQuote` gives for the same request, formatted as the page formats it. */
async function nodeFigures(request: QuoteRequest): Promise<Figures> {
  const checked = quoteInputsFrom(request);
  if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
  const reply = await runQuote(checked.inputs, BASE_TEXT, runSeedsHere);
  if (!reply.ok) throw new Error(reply.error.message);
  const { price, summary, runs } = reply.quote;
  return {
    price: formatMicroUsd(price.priceMicroUsdPerTHsDay, 6),
    total: formatMicroUsd(price.totalMicroUsd),
    p10: formatMicroUsd(summary.revenueMicroUsd.p10),
    p50: formatMicroUsd(summary.revenueMicroUsd.p50),
    p90: formatMicroUsd(summary.revenueMicroUsd.p90),
    breakEven: summary.breakEvenCoinPriceMicroUsd === null ? '—' : formatMicroUsd(summary.breakEvenCoinPriceMicroUsd),
    digests: runs.map((r) => r.digest),
  };
}

async function quoteDone(on: Page, runs: number): Promise<void> {
  await on.getByTestId('quote-status').filter({ hasText: new RegExp(`^${runs} runs in `) }).waitFor({ timeout: 60_000 });
}

async function setField(field: string, value: string): Promise<void> {
  await page.locator(`[data-field="${field}"]`).fill(value);
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  lab = await serveBuiltLab();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${lab.baseUrl}#/quote`);
  await quoteDone(page, 10);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await lab?.close();
});

describe('the quote page in Chromium', () => {
  it('opens with a worked quote whose numbers and digests are what node computes', async () => {
    const shown = await figures(page);
    expect(shown).toEqual(await nodeFigures({ hashrateTHs: 500, days: 30 }));
    expect(shown.digests).toHaveLength(10);
    await page.locator('[data-testid="quote-runs"] summary').click();
    await page.screenshot({ path: `${SHOTS}quote-1-default.png`, fullPage: true });
  });

  it('runs a new quote on the workers with no long main-thread task, and gives it a link', async () => {
    await setField('hashrateTHs', '1200');
    await setField('days', '7');
    await setField('seedCount', '4');
    await page.locator('[data-field="scheme"]').selectOption('PPLNS');
    await page.locator('[data-field="site"]').selectOption('nordic-hydro');
    // The price follows the inputs at once; the spread waits for a run.
    await expect.poll(() => page.locator('[data-figure="total"]').innerText()).toBe((await nodeFigures({ hashrateTHs: 1200, days: 7, site: 'nordic-hydro', scheme: 'PPLNS', seedCount: 4 })).total);
    expect(await page.getByText('inputs changed — run again for the spread').isVisible()).toBe(true);

    // Typing redraws the price map; let that settle so the probe sees the run alone.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await startMainThreadProbe(page);
    const started = Date.now();
    await page.locator('[data-action="run-quote"]').click();
    await quoteDone(page, 4);
    const wallMs = Date.now() - started;
    const probe = await stopMainThreadProbe(page);
    console.log(`quote of 4 seeds × 7 d: ${wallMs} ms from click to figures; long tasks ${JSON.stringify(probe.longTasksMs)}; longest main-thread gap ${probe.maxGapMs.toFixed(1)} ms`);
    expect(probe.longTasksMs).toEqual([]);

    const link = await page.getByTestId('quote-link').inputValue();
    expect(link).toBe(`${lab.baseUrl}#/quote?v=1&site=nordic-hydro&powerUsdPerKWh=0.04&pue=1.05&hashrateTHs=1200&days=7&scheme=PPLNS&model=antminer-s21&seeds=1,2,3,4`);
    expect(await page.evaluate(() => location.hash)).toBe(link.slice(link.indexOf('#')));
    await page.screenshot({ path: `${SHOTS}quote-2-pplns.png`, fullPage: true });
  });

  it('reproduces every number from its link in a fresh browser context', async () => {
    const link = await page.getByTestId('quote-link').inputValue();
    const here = await figures(page);
    expect(here).toEqual(await nodeFigures({ hashrateTHs: 1200, days: 7, site: 'nordic-hydro', scheme: 'PPLNS', seedCount: 4 }));
    const elsewhere = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const other = await elsewhere.newPage();
    other.on('pageerror', (error) => pageErrors.push(`shared page: ${error.message}`));
    await other.goto(link);
    await quoteDone(other, 4);
    expect(await figures(other)).toEqual(here);
    expect(await other.locator('[data-field="hashrateTHs"]').inputValue()).toBe('1200');
    expect(await other.locator('[data-field="scheme"]').inputValue()).toBe('PPLNS');
    await other.locator('[data-testid="quote-runs"] summary').click();
    await other.screenshot({ path: `${SHOTS}quote-3-shared-link.png`, fullPage: true });
    await elsewhere.close();
  });

  it('shows a bad input at its field and will not run it', async () => {
    await setField('hashrateTHs', '-5');
    await setField('days', '2.5');
    expect(await page.locator('[data-issue="hashrateTHs"]').innerText()).toBe('must be > 0, got -5');
    expect(await page.locator('[data-issue="days"]').innerText()).toBe('must be a whole number, got 2.5');
    expect(await page.locator('[data-action="run-quote"]').isDisabled()).toBe(true);
    expect(await page.locator('[data-field="hashrateTHs"]').getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: `${SHOTS}quote-4-bad-input.png` });
    await setField('hashrateTHs', '1200');
    await setField('days', '7');
    expect(await page.locator('[data-action="run-quote"]').isDisabled()).toBe(false);
  });

  it('explains a link that holds no valid quote', async () => {
    const other = await browser.newPage();
    await other.goto(`${lab.baseUrl}#/quote?v=2&site=mars&hashrateTHs=1&days=1&seeds=1`);
    const notice = other.getByTestId('link-issues');
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.innerText()).toMatch(/v: must be 1 .*site: must be one of/);
    await other.close();
  });

  it('prints without the navigation and the form', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('body > #app > header').isVisible()).toBe(false);
    expect(await page.locator('[aria-label="Quote inputs"]').isVisible()).toBe(false);
    expect(await page.locator('[data-figure="p50"]').isVisible()).toBe(true);
    await page.screenshot({ path: `${SHOTS}quote-5-print.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });

  it("opens the quote's scenario in the lab, where a run gives the quote's first digest", async () => {
    const [firstDigest] = (await figures(page)).digests;
    await page.locator('[data-action="open-in-lab"]').click();
    const yaml = page.locator('textarea[aria-label="Scenario YAML"]');
    await expect.poll(() => yaml.inputValue(), { timeout: 30_000 }).toMatch(/^name: Quote — 1200 TH\/s for 7 d on PPLNS \(nordic-hydro\)$/m);
    await page.getByText('Valid', { exact: true }).first().waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: '▶ Run', exact: true }).click();
    await page.getByTestId('run-status').filter({ hasText: /Done in/ }).waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('digest').getAttribute('data-digest')).toBe(firstDigest);
    await page.screenshot({ path: `${SHOTS}quote-6-in-lab.png` });
    expect(pageErrors).toEqual([]);
  });
});
