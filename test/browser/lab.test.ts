// The lab as a planner uses it, built and served from 127.0.0.1 in Debian's chromium: open the default
// scenario and run it (KPI cards, heat maps drawn, no long main-thread task), the same digest as node,
// schema errors at their paths, save / reload / find, a shared link, compare, seeds, a sweep and cancel.
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/worker/twin-runner.js';
import { launchChromium } from '../helpers/browser.js';
import { serveBuiltLab, type LabServer } from '../helpers/lab-server.js';

const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
const DEFAULT_TEXT = readFileSync(new URL('../../scenarios/default.yaml', import.meta.url), 'utf8');

let lab: LabServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

async function shot(name: string): Promise<void> {
  // From the top, so the sticky nav bar sits where it belongs in a full-page picture.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}lab-${name}.png`, fullPage: true });
}

/** Waits until every chart on the page has been drawn (each draws in a task of its own). */
async function chartsDrawn(): Promise<void> {
  await page.waitForFunction(() => {
    const charts = [...document.querySelectorAll<HTMLElement>('[data-drawn]')];
    return charts.length > 0 && charts.every((c) => c.dataset.drawn === 'true');
  }, undefined, { timeout: 20_000 });
}

/** Share of a chart's canvas pixels that are painted (not white, not transparent). */
function paintedShare(selector: string): Promise<number> {
  return page.evaluate((sel) => {
    // ECharts may draw on several layered canvases (progressive heat maps get their own): the best one counts.
    return Math.max(0, ...[...document.querySelectorAll<HTMLCanvasElement>(`${sel} canvas`)].map((canvas) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let painted = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235)) painted++;
      return painted / (data.length / 4);
    }));
  }, selector);
}

type Jank = { duringRun: number[]; afterRun: number[]; maxGapDuringRunMs: number };

/**
 * Watches the page's thread from now on: long tasks (the browser reports those of 50 ms and more, so
 * "every task under 50 ms" means none reported) and the longest gap between timer ticks, split at the
 * moment the run status leaves "Running" (the worker's reply has arrived).
 */
async function startJankProbe(): Promise<void> {
  await page.evaluate(() => {
    const probe = { tasks: [] as [number, number][], gaps: [] as [number, number][], endedAt: Number.POSITIVE_INFINITY, stop: false };
    (window as unknown as { jank: typeof probe }).jank = probe;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => probe.tasks.push([e.startTime, Math.round(e.duration)]))).observe({ type: 'longtask' });
    const status = document.querySelector('[data-testid="run-status"]')!;
    let wasRunning = false;
    new MutationObserver(() => {
      const running = status.textContent!.startsWith('Running');
      if (wasRunning && !running && probe.endedAt === Number.POSITIVE_INFINITY) probe.endedAt = performance.now();
      wasRunning ||= running;
    }).observe(status, { childList: true, characterData: true, subtree: true });
    let last = performance.now();
    const tick = () => {
      const now = performance.now();
      probe.gaps.push([last, now - last]);
      last = now;
      if (!probe.stop) setTimeout(tick, 0);
    };
    tick();
  });
}

async function stopJankProbe(): Promise<Jank> {
  return page.evaluate(() => {
    const probe = (window as unknown as { jank: { tasks: [number, number][]; gaps: [number, number][]; endedAt: number; stop: boolean } }).jank;
    probe.stop = true;
    return {
      duringRun: probe.tasks.filter(([at]) => at < probe.endedAt).map(([, ms]) => ms),
      afterRun: probe.tasks.filter(([at]) => at >= probe.endedAt).map(([, ms]) => ms),
      maxGapDuringRunMs: Math.max(0, ...probe.gaps.filter(([at, ms]) => at + ms <= probe.endedAt).map(([, ms]) => ms)),
    };
  });
}

async function openBundled(file: string): Promise<void> {
  await page.getByTestId('bundled-scenarios').getByText(file, { exact: true }).click();
  await expect.poll(() => page.locator('textarea[aria-label="Scenario YAML"]').inputValue()).toContain('name:');
}

async function runAndWait(): Promise<void> {
  await page.getByRole('button', { name: '▶ Run', exact: true }).click();
  await page.getByTestId('run-status').filter({ hasText: /Done in/ }).waitFor({ timeout: 60_000 });
  await chartsDrawn();
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  lab = await serveBuiltLab();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(lab.baseUrl);
  await page.getByText('Valid', { exact: true }).first().waitFor({ timeout: 30_000 });
  // As a planner would, start once the page is idle: it warms the charts up then (see warmUpCharts).
  await page.waitForSelector('html[data-charts-warm]', { timeout: 30_000 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await lab?.close();
});

describe('the lab in Chromium', () => {
  it('opens scenarios/default.yaml, runs it in a worker with no long main-thread task, and shows KPI cards and a drawn heat map', async () => {
    expect(await page.locator('textarea[aria-label="Scenario YAML"]').inputValue()).toBe(DEFAULT_TEXT);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await startJankProbe();
    const started = Date.now();
    await runAndWait();
    const wallMs = Date.now() - started;
    const jank = await stopJankProbe();
    console.log(`default.yaml in the lab: ${wallMs} ms from click to every chart drawn; during the run: long tasks ${JSON.stringify(jank.duringRun)}, ` +
      `longest main-thread gap ${jank.maxGapDuringRunMs.toFixed(1)} ms; drawing the results afterwards: long tasks ${JSON.stringify(jank.afterRun)}`);
    expect(jank.duringRun).toEqual([]);

    const cards = page.getByTestId('kpi-cards').locator('.kpi');
    expect(await cards.count()).toBeGreaterThanOrEqual(6);
    expect(await page.locator('[data-kpi="marginUsd"] .value').textContent()).toMatch(/^−?\$[\d,.]+( M)?$/);
    expect(await page.locator('[data-kpi="marginPct"] .value').textContent()).toMatch(/ %$/);
    expect(await page.locator('[data-kpi="fleetHashrateEstimatedTHs"] .value').textContent()).toMatch(/ TH\/s$/);
    await expect.poll(() => paintedShare('[data-chart^="day-profile"]')).toBeGreaterThan(0.3);
    await expect.poll(() => paintedShare('[data-chart="coin-price"]')).toBeGreaterThan(0.005);
    await shot('1-default-run');
  });

  it('exports the result as JSON and CSV, and a chart as PNG', async () => {
    const download = async (click: () => Promise<void>) => {
      const [file] = await Promise.all([page.waitForEvent('download'), click()]);
      return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
    };
    const json = await download(() => page.getByRole('button', { name: 'JSON', exact: true }).click());
    expect(json.name).toBe('default-a-week-at-a-hosting-site-100-rigs-every-system-on-seed-42.json');
    expect(JSON.parse(json.bytes.toString('utf8')).digest).toBe(await page.getByTestId('digest').getAttribute('data-digest'));
    const csv = await download(() => page.getByRole('button', { name: 'KPIs CSV' }).click());
    expect(csv.bytes.toString('utf8')).toMatch(/^kpi,value\n[\s\S]*\nmarginUsd,/);
    const png = await download(() => page.locator('[data-chart="coin-price"]').getByRole('button', { name: 'Download PNG' }).click());
    expect(png.name).toBe('coin-price.png');
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('shows the digest runScenario gives in node for the same scenario and seed', async () => {
    const shown = await page.getByTestId('digest').getAttribute('data-digest');
    const reply = await runScenario({ scenarioText: DEFAULT_TEXT });
    if (!reply.ok) throw new Error(reply.error.message);
    expect(shown).toBe(reply.result.digest);
  });

  it("draws a result's own heat maps and filters its events by type", async () => {
    await openBundled('hot-site-summer.yaml');
    await runAndWait();
    await expect.poll(() => paintedShare('[data-chart="heatmap-site-temperature"]')).toBeGreaterThan(0.3);
    await page.locator('[data-chart="heatmap-site-temperature"]').screenshot({ path: `${SHOTS}lab-2-heatmap.png` });
    await page.getByRole('tab', { name: /Events/ }).click();
    const rows = page.locator('.table tbody tr');
    const all = await rows.count();
    await page.getByRole('button', { name: /^RigsThrottled/ }).click();
    await expect.poll(() => rows.count()).toBeLessThan(all);
    expect(await page.locator('.table tbody').textContent()).not.toContain('RigsThrottled');
    await chartsDrawn();
    await shot('3-events');
    await page.getByRole('tab', { name: /Ledger/ }).click();
    expect(await page.getByText('books balance').count()).toBeGreaterThan(0);
  });

  it('shows a schema error at its path, in the form and in the YAML pane, and keeps both in sync', async () => {
    await openBundled('default.yaml');
    const count = page.getByLabel('fleet[0].count', { exact: true });
    await count.fill('0');
    const error = page.locator('[data-path="fleet[0].count"] .field-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('must be ≥ 1, got 0');
    expect(await count.getAttribute('aria-invalid')).toBe('true');
    const issue = page.getByTestId('issues').locator('li').first();
    const line = DEFAULT_TEXT.split('\n').findIndex((l) => l.includes('id: s21-row-a')) + 1;
    expect(await issue.textContent()).toMatch(new RegExp(`line ${line}\\s*fleet\\[0\\]\\.count\\s*must be ≥ 1, got 0`));
    expect(await page.getByRole('button', { name: '▶ Run', exact: true }).isDisabled()).toBe(true);
    await shot('4-invalid');

    const yaml = page.locator('textarea[aria-label="Scenario YAML"]');
    await yaml.fill((await yaml.inputValue()).replace('{ id: s21-row-a, count: 0,', '{ id: s21-row-a, count: 80,'));
    await expect.poll(() => count.inputValue()).toBe('80');
    await page.getByText('Valid', { exact: true }).first().waitFor();
    expect(await page.getByTestId('issues').count()).toBe(0);
  });

  it('saves a scenario in IndexedDB and finds it again after a reload', async () => {
    await page.getByLabel('name', { exact: true }).fill('My plan — 80 S21s');
    await page.getByRole('button', { name: 'Save to library' }).click();
    await page.getByTestId('saved-scenarios').getByText('My plan — 80 S21s').waitFor();
    await page.reload();
    const saved = page.getByTestId('saved-scenarios').getByText('My plan — 80 S21s');
    await saved.waitFor({ timeout: 20_000 });
    await openBundled('pool-schemes.yaml');
    await saved.click();
    await expect.poll(() => page.getByLabel('fleet[0].count', { exact: true }).inputValue()).toBe('80');
    await shot('5-saved');
  });

  it('opens a shared link that carries the scenario itself', async () => {
    await page.getByRole('button', { name: 'Share link' }).click();
    const link = await page.getByLabel('Share link').inputValue();
    expect(link).toMatch(/#\/lab\?scenario=[A-Za-z0-9_-]+$/);
    const other = await browser.newPage();
    await other.goto(link);
    await expect.poll(() => other.locator('textarea[aria-label="Scenario YAML"]').inputValue(), { timeout: 20_000 })
      .toBe(await page.locator('textarea[aria-label="Scenario YAML"]').inputValue());
    expect(await other.getByText('From a link').count()).toBe(1);
    await other.close();
  });

  it('compares two runs with one seed, with KPI and series deltas', async () => {
    await page.getByRole('link', { name: 'Compare' }).click();
    await page.getByLabel('Scenario for run A').selectOption({ label: 'Default — a week at a hosting site, 100 rigs, every system on' });
    await page.getByLabel('Scenario for run B').selectOption('draft');
    await page.getByLabel('Seed for both runs').fill('42');
    await page.getByRole('button', { name: '▶ Run A and B' }).click();
    await page.getByTestId('kpi-deltas').waitFor({ timeout: 60_000 });
    await chartsDrawn();
    const hashrate = page.locator('[data-testid="kpi-deltas"] tr[data-kpi="fleetHashrateNominalTHs"] td');
    expect(await hashrate.nth(1).textContent()).toBe('17,300 TH/s');
    expect(await hashrate.nth(2).textContent()).toBe('25,300 TH/s');
    expect(await hashrate.nth(3).textContent()).toBe('+8,000 TH/s');
    expect(await page.getByTestId('crn-note').textContent()).toContain('common random numbers');
    await expect.poll(() => paintedShare('[data-chart^="compare-"]')).toBeGreaterThan(0.005);
    await shot('6-compare');
  });

  it('spreads several seeds and a sweep over the workers', async () => {
    await page.getByRole('link', { name: 'Lab' }).click();
    await openBundled('default.yaml');
    await page.getByRole('button', { name: 'Several seeds' }).click();
    await page.locator('.seeds input').fill('4');
    await page.getByRole('button', { name: /Run 4 runs/ }).click();
    await page.getByTestId('seed-spread').waitFor({ timeout: 60_000 });
    // Seed k = 0 is the scenario's own seed: its digest is the single run's, whichever worker ran it.
    const single = await runScenario({ scenarioText: DEFAULT_TEXT });
    if (!single.ok) throw new Error(single.error.message);
    expect(await page.locator('details').textContent()).toContain(`seed 42: ${single.result.digest}`);
    await shot('7-seeds');

    await page.getByRole('button', { name: 'Sweep' }).click();
    await page.getByLabel('x values').fill('20, 60');
    await page.getByLabel('y values').fill('0.05, 0.08');
    await page.getByRole('button', { name: /Run 4 runs/ }).click();
    await page.locator('[data-chart^="what-if"]').waitFor({ timeout: 60_000 });
    await chartsDrawn();
    await expect.poll(() => paintedShare('[data-chart^="what-if"]')).toBeGreaterThan(0.3);
    await shot('8-what-if');
  });

  it('keeps the page responsive through a long run, validating as you type, and cancels it', async () => {
    await page.getByRole('button', { name: 'One run' }).click();
    await openBundled('large-fleet-year.yaml');
    // Three years of 10,000 rigs: long enough (seconds) to type during it and still cancel it.
    await page.getByLabel('horizon', { exact: true }).fill('1095d');
    await page.getByText('Valid', { exact: true }).first().waitFor();
    await startJankProbe();
    await page.getByRole('button', { name: '▶ Run', exact: true }).click();
    const bar = page.getByRole('progressbar');
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 30_000 }).toBeGreaterThan(0);
    // While the twin works, a typo typed key by key is caught at its path by the validation worker.
    const yaml = page.locator('textarea[aria-label="Scenario YAML"]');
    await yaml.evaluate((area: HTMLTextAreaElement) => {
      const at = area.value.indexOf('slot: 15m') + 'slot: '.length;
      area.focus();
      area.setSelectionRange(at, at + '15m'.length);
    });
    await page.keyboard.type('15 min', { delay: 30 });
    await page.getByTestId('issues').getByText('slot', { exact: true }).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('run-status').textContent()).toMatch(/^Running/);
    const progressed = Number(await bar.getAttribute('aria-valuenow'));
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('run-status').filter({ hasText: 'Cancelled' }).waitFor({ timeout: 5_000 });
    const jank = await stopJankProbe();
    console.log(`large-fleet-year.yaml over 3 years, cancelled at ${progressed} %; long tasks during the run ${JSON.stringify(jank.duringRun)}, longest main-thread gap ${jank.maxGapDuringRunMs.toFixed(1)} ms`);
    expect(jank.duringRun).toEqual([]);
    await page.screenshot({ path: `${SHOTS}lab-9-cancelled.png` });
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
