// SHA-256 / sha256d on the WASM core: NIST and Bitcoin known answers, then differential properties
// against node:crypto and @noble/hashes for random messages and random chunkings.
import { createHash } from 'node:crypto';
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes, headerHash, loadHashCore, reversed, sha256, sha256d, Sha256Stream, type HashCore } from '../../src/hash/index.js';
import { loadVectors } from '../helpers/vectors.js';

type ShaVectors = { cases: { messageUtf8?: string; messageRepeat?: { char: string; times: number }; digestHex: string }[] };
type HeaderVectors = { headers: { height: number; headerHex: string; blockHashDisplay: string }[] };

const nodeSha256 = (data: Uint8Array) => new Uint8Array(createHash('sha256').update(data).digest());

let core: HashCore;
beforeAll(async () => {
  core = await loadHashCore();
});

describe('SHA-256 known answers (test/vectors/sha256.json)', () => {
  for (const c of loadVectors<ShaVectors>('sha256.json').cases) {
    const label = c.messageUtf8 !== undefined ? JSON.stringify(c.messageUtf8.slice(0, 24)) : `'${c.messageRepeat!.char}' × ${c.messageRepeat!.times}`;
    it(`digests ${label}`, () => {
      const message = c.messageUtf8 !== undefined
        ? new TextEncoder().encode(c.messageUtf8)
        : new TextEncoder().encode(c.messageRepeat!.char.repeat(c.messageRepeat!.times));
      expect(bytesToHex(sha256(core, message))).toBe(c.digestHex);
    });
  }
});

describe('Bitcoin block headers (test/vectors/bitcoin-headers.json)', () => {
  for (const h of loadVectors<HeaderVectors>('bitcoin-headers.json').headers) {
    it(`hashes block ${h.height} to its block hash`, () => {
      expect(bytesToHex(reversed(headerHash(core, hexToBytes(h.headerHex, 'header'))))).toBe(h.blockHashDisplay);
    });
  }
});

describe('differential against node:crypto and @noble/hashes', () => {
  it('sha256 equals both on random messages', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (message) => {
      const expected = bytesToHex(nodeSha256(message));
      expect(bytesToHex(sha256(core, message))).toBe(expected);
      expect(bytesToHex(nobleSha256(message))).toBe(expected);
    }), { seed: 20261121, numRuns: 400 });
  });

  it('streaming with random chunkings equals one-shot', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 3000 }), fc.array(fc.nat(300), { maxLength: 20 }), (message, cuts) => {
      const stream = new Sha256Stream(core);
      let offset = 0;
      for (const cut of cuts) {
        const end = Math.min(message.length, offset + cut);
        stream.update(message.subarray(offset, end));
        offset = end;
      }
      stream.update(message.subarray(offset));
      expect(bytesToHex(stream.digest())).toBe(bytesToHex(nodeSha256(message)));
    }), { seed: 7, numRuns: 300 });
  });

  it('sha256d equals node:crypto twice, including messages longer than the I/O window', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (message) => {
      expect(bytesToHex(sha256d(core, message))).toBe(bytesToHex(nodeSha256(nodeSha256(message))));
    }), { seed: 11, numRuns: 300 });
    const large = new Uint8Array(200_003).map((_, i) => (i * 131) & 255);
    expect(bytesToHex(sha256d(core, large))).toBe(bytesToHex(nodeSha256(nodeSha256(large))));
    expect(bytesToHex(sha256(core, large))).toBe(bytesToHex(nodeSha256(large)));
  });
});

describe('input validation', () => {
  it('names the argument and the value', () => {
    expect(() => headerHash(core, new Uint8Array(79))).toThrow('header: must be 80 bytes, got 79');
    expect(() => hexToBytes('abc', 'HEX')).toThrow('HEX: must have an even number of hex digits, got 3');
    expect(() => hexToBytes('zz', 'HEX')).toThrow('HEX: must be hex digits 0-9a-f, got "zz"');
    expect(() => sha256(core, 'abc' as unknown as Uint8Array)).toThrow('data: must be a Uint8Array');
  });
});
