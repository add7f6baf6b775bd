// The WASM core in real Chromium: the same digests, scan nonces and Ethash results as in node, and a
// scan split over Web Workers equal to one worker.
import type { Browser, Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes, loadHashCore, scan } from '../../src/hash/index.js';
import { launchChromium, startDevServer } from '../helpers/browser.js';
import { loadVectors } from '../helpers/vectors.js';

type HeaderVectors = { headers: { height: number; headerHex: string; blockHashDisplay: string; nonce: number; targetHex: string }[] };
type TestApi = {
  blockHash(headerHex: string): Promise<string>;
  scan(headerHex: string, targetHex: string, start: number, count: number, workers: number): Promise<{ nonces: number[]; hashes: number }>;
  ethashLight(block: number, headerHex: string, nonceHex: string): Promise<{ mixDigest: string; result: string }>;
};
declare const hashtwinTest: TestApi;

const headers = loadVectors<HeaderVectors>('bitcoin-headers.json').headers;
let server: ViteDevServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  const dev = await startDevServer();
  server = dev.server;
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${dev.baseUrl}/test/browser/fixture/index.html`);
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready', undefined, { timeout: 30_000 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the WASM core in Chromium', () => {
  it('hashes every vector header to its block hash', async () => {
    for (const h of headers) {
      expect(await page.evaluate((hex) => hashtwinTest.blockHash(hex), h.headerHex)).toBe(h.blockHashDisplay);
    }
  });

  it('scans over 1 and 3 Web Workers with the same nonces as node', async () => {
    const block1 = headers[1];
    const easyTarget = `0f${'f'.repeat(62)}`;
    const start = 0xffffffff - 20_000 + 1;
    const nodeNonces = scan(await loadHashCore(), hexToBytes(block1.headerHex, 'h'), hexToBytes(easyTarget, 't'), { start, count: 20_000 }).nonces;
    for (const workers of [1, 3]) {
      const result = await page.evaluate(([hex, target, s, w]) => hashtwinTest.scan(hex, target, s, 20_000, w), [block1.headerHex, easyTarget, start, workers] as const);
      expect(result.nonces).toEqual(nodeNonces);
      expect(result.hashes).toBe(20_000);
    }
    const found = await page.evaluate(([hex, target, s]) => hashtwinTest.scan(hex, target, s, 2001, 2), [block1.headerHex, block1.targetHex, block1.nonce - 1000] as const);
    expect(found.nonces).toEqual([block1.nonce]);
  });

  it('computes Ethash light results equal to node', async () => {
    const { Ethash } = await import('../../src/hash/index.js');
    const ethash = new Ethash(await loadHashCore());
    ethash.prepareEpoch(0);
    const header = 'c9149cc0386e689d789a1c2f3d5d169a61a6218ed30e74414dc736e442ef3d1f';
    const expected = ethash.light(hexToBytes(header, 'h'), 0x1234n);
    const got = await page.evaluate(([h]) => hashtwinTest.ethashLight(0, h, '0000000000001234'), [header] as const);
    expect(got).toEqual({ mixDigest: bytesToHex(expected.mixDigest), result: bytesToHex(expected.result) });
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
