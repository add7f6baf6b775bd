// Web Worker body for split scans in the browser: its own core instance, exposed through comlink.
import { expose } from 'comlink';
import { createHashCore, scan, type ScanRange } from '../hash/index.js';
import { toReply, type WorkerReply } from './protocol.js';
import type { ScanPart } from './scan-pool.js';

const corePromise = createHashCore();

const api = {
  async scan(header: Uint8Array, target: Uint8Array, range: ScanRange, simd: boolean): Promise<WorkerReply<ScanPart>> {
    const core = await corePromise;
    return toReply(() => {
      const outcome = scan(core, header, target, range, { simd });
      return { nonces: outcome.nonces, hashes: outcome.hashes };
    });
  },
};

export type BrowserScanWorkerApi = typeof api;
expose(api);
