// The one pool of twin workers for the whole lab (validation, runs, seeds, sweeps, comparisons).
import { BrowserTwinPool } from '../../../src/worker/browser-twin-pool.js';

export const twin = new BrowserTwinPool();
