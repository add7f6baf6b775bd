// The midstate nonce scan: real blocks re-mined, then the SIMD and scalar scans against a plain
// node:crypto scan on random headers, targets and ranges (nonces ≥ 2^31, ranges ending at 0xffffffff,
// results that overflow the core's buffer), and the multi-worker split against one worker.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { hexToBytes, loadHashCore, scan, splitRange, type HashCore, type ScanRange } from '../../src/hash/index.js';
import { scanOverWorkers } from '../../src/worker/scan-pool.js';
import { referenceScan } from '../helpers/reference-scan.js';
import { loadVectors } from '../helpers/vectors.js';

type HeaderVectors = { headers: { height: number; headerHex: string; nonce: number; targetHex: string }[] };

let core: HashCore;
beforeAll(async () => {
  core = await loadHashCore();
});

const LAST_NONCE = 0xffffffff;
const ALL_ONES = new Uint8Array(32).fill(0xff);

/** Targets from "everything passes" through "about 1 in 2^k passes" to "nothing passes". */
const arbTarget = fc.oneof(
  fc.constant(ALL_ONES),
  fc.constant(new Uint8Array(32)),
  fc.integer({ min: 0, max: 6 }).map((zeroBits) => {
    const t = new Uint8Array(32).fill(0xff);
    t[0] = 0xff >>> zeroBits;
    return t;
  }),
  fc.uint8Array({ minLength: 32, maxLength: 32 }),
);

const arbRange: fc.Arbitrary<ScanRange> = fc.oneof(
  fc.record({ start: fc.nat(LAST_NONCE), count: fc.nat(70) }).map(({ start, count }) => ({ start, count: Math.min(count, LAST_NONCE + 1 - start) })),
  fc.integer({ min: 1, max: 70 }).map((count) => ({ start: LAST_NONCE + 1 - count, count })),
  fc.record({ start: fc.integer({ min: 2 ** 31 - 40, max: 2 ** 31 + 40 }), count: fc.nat(80) }),
);

describe('re-mining real blocks (test/vectors/bitcoin-headers.json)', () => {
  for (const h of loadVectors<HeaderVectors>('bitcoin-headers.json').headers) {
    it(`finds block ${h.height}'s nonce ${h.nonce} under its nbits target, SIMD and scalar`, () => {
      const header = hexToBytes(h.headerHex, 'header');
      const target = hexToBytes(h.targetHex, 'target');
      const range = { start: h.nonce - 5000, count: 10_001 };
      expect(scan(core, header, target, range).nonces).toEqual([h.nonce]);
      expect(scan(core, header, target, range, { simd: false }).nonces).toEqual([h.nonce]);
    });
  }
});

describe('differential: WASM scan = node:crypto scan', () => {
  it('on random headers, targets and ranges, for both paths', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 80, maxLength: 80 }), arbTarget, arbRange, (header, target, range) => {
      const expected = referenceScan(header, target, range.start, range.count);
      expect(scan(core, header, target, range).nonces).toEqual(expected);
      expect(scan(core, header, target, range, { simd: false }).nonces).toEqual(expected);
    }), { seed: 424242, numRuns: 250 });
  });

  it('returns every nonce when all pass, across the result buffer and up to 0xffffffff', () => {
    const header = new Uint8Array(80).fill(3);
    const count = 5003; // several times the core's result buffer, not a multiple of 4
    const range = { start: LAST_NONCE + 1 - count, count };
    const expected = Array.from({ length: count }, (_, i) => range.start + i);
    expect(scan(core, header, ALL_ONES, range).nonces).toEqual(expected);
    expect(scan(core, header, ALL_ONES, range, { simd: false }).nonces).toEqual(expected);
    expect(scan(core, header, ALL_ONES, range, { chunkNonces: 7 }).nonces).toEqual(expected);
  });

  it('handles an empty range and a one-nonce range at the very end', () => {
    const header = new Uint8Array(80);
    expect(scan(core, header, ALL_ONES, { start: 5, count: 0 })).toEqual({ nonces: [], hashes: 0, complete: true });
    expect(scan(core, header, ALL_ONES, { start: LAST_NONCE, count: 1 }).nonces).toEqual([LAST_NONCE]);
  });

  it('stops when progress says so and reports what it examined', () => {
    const outcome = scan(core, new Uint8Array(80), ALL_ONES, { start: 0, count: 10_000 }, { chunkNonces: 1000, onProgress: (n) => n < 3000 });
    expect(outcome.complete).toBe(false);
    expect(outcome.hashes).toBe(3000);
    expect(outcome.nonces).toEqual(Array.from({ length: 3000 }, (_, i) => i));
  });
});

describe('splitting a scan over workers', () => {
  it('splitRange covers the range in order with no gap or overlap', () => {
    fc.assert(fc.property(fc.nat(LAST_NONCE), fc.nat(100_000), fc.integer({ min: 1, max: 64 }), (start, rawCount, parts) => {
      const count = Math.min(rawCount, LAST_NONCE + 1 - start);
      const pieces = splitRange({ start, count }, parts);
      let next = start;
      for (const piece of pieces) {
        expect(piece.start).toBe(next);
        next += piece.count;
      }
      expect(next).toBe(start + count);
      expect(pieces.length).toBeLessThanOrEqual(parts);
    }), { seed: 5, numRuns: 500 });
  });

  it('any number of workers returns exactly what one worker returns', async () => {
    const header = new Uint8Array(80).map((_, i) => i * 7);
    const target = new Uint8Array(32).fill(0xff);
    target[0] = 0x0f; // about 1 nonce in 16 passes
    const range = { start: 2 ** 31 - 1000, count: 4000 };
    const one = scan(core, header, target, range).nonces;
    for (const workers of [1, 2, 3, 7, 64]) {
      const merged = await scanOverWorkers(range, workers, async (part) => {
        const outcome = scan(core, header, target, part);
        return { nonces: outcome.nonces, hashes: outcome.hashes };
      });
      expect(merged.nonces).toEqual(one);
      expect(merged.hashes).toBe(range.count);
    }
  });
});

describe('input validation', () => {
  const header = new Uint8Array(80);
  it('rejects ranges past 2^32 and bad lengths, naming the argument', () => {
    expect(() => scan(core, header, ALL_ONES, { start: LAST_NONCE, count: 2 })).toThrow('count: start + count must be ≤ 2^32');
    expect(() => scan(core, header, ALL_ONES, { start: -1, count: 2 })).toThrow('start: must be an integer nonce from 0 to 4294967295, got -1');
    expect(() => scan(core, header, ALL_ONES, { start: 0, count: 1.5 })).toThrow('count: must be a whole number ≥ 0, got 1.5');
    expect(() => scan(core, new Uint8Array(81), ALL_ONES, { start: 0, count: 1 })).toThrow('header: must be 80 bytes, got 81');
    expect(() => scan(core, header, new Uint8Array(31), { start: 0, count: 1 })).toThrow('target: must be 32 bytes (big-endian), got 31');
  });
});
