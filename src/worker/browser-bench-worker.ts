// Web Worker body of the in-browser benchmark: one contender at a time, timed here (off the page's
// thread) for at least `minSeconds`: the WASM core's sha256d scans, the plain-JS sha256d baseline and
// Ethash light hashing at epoch 0. Answers are data (protocol.ts), never thrown.
import { expose } from 'comlink';
import { createHashCore, Ethash, scan } from '../hash/index.js';
import { jsSha256d } from '../hash/js-sha256d.js';
import { benchHeader, rateOf, secondsOf, ZERO_TARGET } from './bench-measure.js';
import { toReply, type WorkerReply } from './protocol.js';

/** Nonces per timed batch: a few tenths of a second of WASM scanning, ~0.1 s of plain JS (20–50× slower). */
const WASM_BATCH_NONCES = 1 << 20;
const JS_BATCH_NONCES = 1 << 14;

const corePromise = createHashCore();
/** Every JS digest feeds this, so no engine may skip the hashing as dead code. */
let resultSink = 0;

export type EthashFigures = { cacheSeconds: number; lightHashesPerSecond: number };

const api = {
  async wasmScanRate(simd: boolean, minSeconds: number): Promise<WorkerReply<number>> {
    const core = await corePromise;
    const header = benchHeader();
    let start = 0;
    return toReply(() => rateOf(() => {
      scan(core, header, ZERO_TARGET, { start, count: WASM_BATCH_NONCES }, { simd });
      start = (start + WASM_BATCH_NONCES) % 2 ** 31;
    }, WASM_BATCH_NONCES, minSeconds));
  },

  async jsSha256dRate(minSeconds: number): Promise<WorkerReply<number>> {
    const header = benchHeader();
    const view = new DataView(header.buffer);
    let nonce = 0;
    return toReply(() => rateOf(() => {
      for (let i = 0; i < JS_BATCH_NONCES; i++) {
        view.setUint32(76, nonce++ >>> 0, true);
        resultSink ^= jsSha256d(header)[31];
      }
    }, JS_BATCH_NONCES, minSeconds));
  },

  async ethash(minSeconds: number): Promise<WorkerReply<EthashFigures>> {
    const ethash = new Ethash(await corePromise);
    const headerHash = new Uint8Array(32).fill(7);
    let nonce = 0n;
    return toReply(() => {
      const cacheSeconds = secondsOf(() => ethash.prepareEpoch(0));
      const lightHashesPerSecond = rateOf(() => { ethash.light(headerHash, nonce++); }, 1, minSeconds);
      return { cacheSeconds, lightHashesPerSecond };
    });
  },
};

export type BrowserBenchWorkerApi = typeof api;
expose(api);
