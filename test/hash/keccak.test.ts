// Keccak-256/512 (original padding) on the WASM core: known answers around the rate boundaries and
// differential properties against @noble/hashes.
import { keccak_256, keccak_512 } from '@noble/hashes/sha3.js';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesToHex, keccak256, keccak512, loadHashCore, type HashCore } from '../../src/hash/index.js';
import { loadVectors } from '../helpers/vectors.js';

type KeccakVectors = {
  known: { messageUtf8: string; keccak256Hex: string; keccak512Hex: string }[];
  patterned: { length: number; keccak256Hex: string; keccak512Hex: string }[];
};

let core: HashCore;
beforeAll(async () => {
  core = await loadHashCore();
});

const vectors = loadVectors<KeccakVectors>('keccak.json');

describe('Keccak known answers (test/vectors/keccak.json)', () => {
  for (const k of vectors.known) {
    it(`digests ${JSON.stringify(k.messageUtf8)}`, () => {
      const m = new TextEncoder().encode(k.messageUtf8);
      expect(bytesToHex(keccak256(core, m))).toBe(k.keccak256Hex);
      expect(bytesToHex(keccak512(core, m))).toBe(k.keccak512Hex);
    });
  }
  for (const k of vectors.patterned) {
    it(`digests a ${k.length}-byte patterned message`, () => {
      const m = new Uint8Array(k.length).map((_, i) => (i * 31 + 7) & 255);
      expect(bytesToHex(keccak256(core, m))).toBe(k.keccak256Hex);
      expect(bytesToHex(keccak512(core, m))).toBe(k.keccak512Hex);
    });
  }
});

describe('differential against @noble/hashes', () => {
  it('keccak256 and keccak512 agree on random messages', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 1200 }), (m) => {
      expect(bytesToHex(keccak256(core, m))).toBe(bytesToHex(keccak_256(m)));
      expect(bytesToHex(keccak512(core, m))).toBe(bytesToHex(keccak_512(m)));
    }), { seed: 99, numRuns: 400 });
  });

  it('is not SHA-3', () => {
    expect(bytesToHex(keccak256(core, new Uint8Array()))).not.toBe('a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a');
  });
});
