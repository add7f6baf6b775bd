// Ethash on the WASM core: sizes, seeds, the epoch-0 and epoch-1 cache digests, real mainnet blocks
// and go-ethereum's tiny-dataset vector, light = full, and inputs checked with names.
import { keccak_256 } from '@noble/hashes/sha3.js';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bytesToHex, epochOf, Ethash, formatEthashNonce, hexToBytes, loadHashCore, meetsBoundary, parseEthashNonce,
} from '../../src/hash/index.js';
import { loadVectors } from '../helpers/vectors.js';

type Case = { block: number; headerHash: string; nonce: string; mixDigest: string; result: string; difficulty?: string };
type EthashVectors = {
  blocks: Case[];
  random: Case[];
  tiny: { cacheBytes: number; datasetBytes: number; seed: string; headerHash: string; nonce: string; mixDigest: string; result: string };
  cacheDigests: { epoch: number; keccak256: string }[];
  sizes: { epoch: number; cacheBytes?: number; datasetBytes: number }[];
  seeds: { epoch: number; seed: string }[];
};

const vectors = loadVectors<EthashVectors>('ethash.json');
let ethash: Ethash;
beforeAll(async () => {
  ethash = new Ethash(await loadHashCore());
});

function light(c: Case) {
  ethash.prepareEpoch(epochOf(c.block));
  const out = ethash.light(hexToBytes(c.headerHash, 'header'), parseEthashNonce(c.nonce));
  return { mixDigest: bytesToHex(out.mixDigest), result: bytesToHex(out.result) };
}

describe('epoch sizes and seeds', () => {
  for (const s of vectors.sizes) {
    it(`epoch ${s.epoch}: dataset ${s.datasetBytes} bytes`, () => {
      const sizes = ethash.sizes(s.epoch);
      expect(sizes.datasetBytes).toBe(s.datasetBytes);
      if (s.cacheBytes !== undefined) expect(sizes.cacheBytes).toBe(s.cacheBytes);
    });
  }
  for (const s of vectors.seeds) {
    it(`seed of epoch ${s.epoch}`, () => expect(bytesToHex(ethash.seedHash(s.epoch))).toBe(s.seed));
  }
  it('has epochs of 30,000 blocks', () => {
    expect([0, 29999, 30000, 3311058].map(epochOf)).toEqual([0, 0, 1, 110]);
  });
});

describe('caches (keccak256 of the whole cache)', () => {
  for (const d of vectors.cacheDigests) {
    it(`epoch ${d.epoch}`, () => {
      ethash.prepareEpoch(d.epoch);
      expect(bytesToHex(keccak_256(ethash.cacheBytesCopy()))).toBe(d.keccak256);
    });
  }
});

describe('hashimoto light', () => {
  for (const c of [...vectors.blocks, ...vectors.random]) {
    it(`block ${c.block}, nonce ${c.nonce}`, () => {
      expect(light(c)).toEqual({ mixDigest: c.mixDigest, result: c.result });
    });
  }
  it("block 1's result meets its difficulty, and a worse one does not", () => {
    const c = vectors.blocks[0];
    const result = hexToBytes(light(c).result, 'result');
    expect(meetsBoundary(result, BigInt(c.difficulty!))).toBe(true);
    expect(meetsBoundary(result, BigInt(c.difficulty!) * 1000n)).toBe(false);
  });
});

describe('hashimoto full on a tiny dataset (go-ethereum TestHashimoto)', () => {
  it('gives the known answer, light and full alike', () => {
    const t = vectors.tiny;
    ethash.prepareCustom(t.cacheBytes, t.datasetBytes, hexToBytes(t.seed, 'seed'));
    const header = hexToBytes(t.headerHash, 'header');
    const expected = { mixDigest: t.mixDigest, result: t.result };
    const lightOut = ethash.light(header, parseEthashNonce(t.nonce));
    expect({ mixDigest: bytesToHex(lightOut.mixDigest), result: bytesToHex(lightOut.result) }).toEqual(expected);
    let progressCalls = 0;
    ethash.buildDataset(() => progressCalls++, 100);
    expect(progressCalls).toBe(Math.ceil(t.datasetBytes / 64 / 100));
    const fullOut = ethash.full(header, parseEthashNonce(t.nonce));
    expect({ mixDigest: bytesToHex(fullOut.mixDigest), result: bytesToHex(fullOut.result) }).toEqual(expected);
  });

  it('light equals full for many nonces on a custom size', () => {
    ethash.prepareCustom(64 * 4099, 128 * 8191, new Uint8Array(32).fill(9));
    ethash.buildDataset();
    const header = new Uint8Array(32).map((_, i) => i * 3);
    for (const nonce of [0n, 1n, 0xffffffffn, 0x100000000n, 0xffffffffffffffffn, 0x539bd4979fef1ec4n]) {
      expect(bytesToHex(ethash.full(header, nonce).result)).toBe(bytesToHex(ethash.light(header, nonce).result));
    }
  });
});

describe('nonces and validation', () => {
  it('parses nonces as printed (big-endian) and prints them back', () => {
    expect(parseEthashNonce('539bd4979fef1ec4')).toBe(0x539bd4979fef1ec4n);
    expect(formatEthashNonce(0x1234n)).toBe('0000000000001234');
  });
  it('names the argument and the value', () => {
    expect(() => parseEthashNonce('123')).toThrow('nonce: must have an even number of hex digits');
    expect(() => parseEthashNonce('00112233')).toThrow('nonce: must be 16 hex digits (8 bytes), got 8');
    expect(() => epochOf(-1)).toThrow('block: must be a whole number ≥ 0, got -1');
    expect(() => ethash.prepareCustom(100, 128, new Uint8Array(32))).toThrow('cacheBytes: must be a positive multiple of 64');
    expect(() => ethash.light(new Uint8Array(31), 0n)).toThrow('header: must be a 32-byte header hash, got 31 bytes');
    ethash.prepareEpoch(400);
    expect(() => ethash.buildDataset()).toThrow('does not fit wasm32 memory; use light mode');
  });
});
