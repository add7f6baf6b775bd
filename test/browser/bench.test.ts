// The benchmark page in Chromium on the built lab: a quick run measures the WASM core against plain
// JavaScript, over 1 and 2 Web Workers, and Ethash light hashing — with no long main-thread task —
// then hands the device's hashrate to the mobile-broker scenario in the lab; a run can be stopped.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.js';
import { serveBuiltLab, type LabServer } from '../helpers/lab-server.js';
import { startMainThreadProbe, stopMainThreadProbe } from '../helpers/main-thread-probe.js';

const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

let lab: LabServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

/** The rate of a row, in its unit per second, as the page measured it. */
async function rate(name: string): Promise<number> {
  return Number(await page.locator(`tr[data-row="${name}"] [data-rate]`).getAttribute('data-rate'));
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  lab = await serveBuiltLab();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${lab.baseUrl}#/bench`);
  await page.locator('[data-action="run-bench"]').waitFor({ timeout: 30_000 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await lab?.close();
});

describe('the benchmark page in Chromium', () => {
  it('measures sha256d (WASM SIMD, scalar, plain JS), worker scaling and Ethash off the main thread', async () => {
    await page.locator('[data-action="quick"]').click();
    await page.locator('[data-field="max-workers"]').fill('2');
    await startMainThreadProbe(page);
    const started = Date.now();
    await page.locator('[data-action="run-bench"]').click();
    await page.getByTestId('bench-status').filter({ hasText: /^Done in / }).waitFor({ timeout: 60_000 });
    const wallMs = Date.now() - started;
    const probe = await stopMainThreadProbe(page);

    const simd = await rate('WASM core, SIMD 4-way midstate scan');
    const scalar = await rate('WASM core, scalar midstate scan');
    const js = await rate('plain JavaScript sha256d');
    const one = await rate('1 worker');
    const two = await rate('2 workers');
    const ethash = await rate('WASM core, light (cache only)');
    const device = Number(await page.locator('[data-figure="device-hashrate"]').getAttribute('data-hs'));
    console.log(`bench --quick in Chromium (${wallMs} ms): SIMD ${(simd / 1e6).toFixed(2)} MH/s, scalar ${(scalar / 1e6).toFixed(2)} MH/s, `
      + `plain JS ${(js / 1e3).toFixed(1)} kH/s (SIMD ${(simd / js).toFixed(1)}× JS); 1 worker ${(one / 1e6).toFixed(2)} MH/s, 2 workers ${(two / 1e6).toFixed(2)} MH/s; `
      + `Ethash light ${ethash.toFixed(0)} H/s; long tasks ${JSON.stringify(probe.longTasksMs)}; longest main-thread gap ${probe.maxGapMs.toFixed(1)} ms`);
    expect(probe.longTasksMs).toEqual([]);
    for (const figure of [simd, scalar, js, one, two, ethash]) expect(figure).toBeGreaterThan(0);
    // Not timing assertions: a SIMD scan of midstates that is no faster than hashing in plain JS is a broken core.
    expect(simd).toBeGreaterThan(js);
    expect(device).toBe(Math.max(one, two));
    expect(await page.locator('tr[data-row="plain JavaScript sha256d"] td').nth(2).innerText()).toBe('1.00×');
    expect(await page.locator('tr[data-row="WASM core, light (cache only)"]').innerText()).toMatch(/cache built in \d+\.\d\d s/);
    await page.screenshot({ path: `${SHOTS}bench-1-quick.png`, fullPage: true });
  });

  it('opens the mobile-broker scenario in the lab with the measured hashrate filled in', async () => {
    const device = Number(await page.locator('[data-figure="device-hashrate"]').getAttribute('data-hs'));
    await page.locator('[data-action="use-measured"]').click();
    const yaml = page.locator('textarea[aria-label="Scenario YAML"]');
    await expect.poll(() => yaml.inputValue(), { timeout: 30_000 }).toContain(`measuredHashrateHs: ${Math.round(device)}`);
    expect(await yaml.inputValue()).toMatch(/^name: Mobile broker/m);
    await page.getByText('Valid', { exact: true }).first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: `${SHOTS}bench-2-broker-in-lab.png` });
  });

  it('stops a full run at once', async () => {
    await page.goto(`${lab.baseUrl}#/bench`);
    await page.locator('[data-action="run-bench"]').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: /^Full/ }).click();
    await page.locator('[data-action="run-bench"]').click();
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.getByTestId('bench-status').filter({ hasText: 'Stopped' }).waitFor({ timeout: 10_000 });
    expect(pageErrors).toEqual([]);
  });
});
