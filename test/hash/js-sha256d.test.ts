// The plain-JS SHA-256 / sha256d baseline of the in-browser benchmark: NIST known answers, the
// Bitcoin headers, and node:crypto on random messages of every length around the padding edges.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes, reversed } from '../../src/hash/index.js';
import { jsSha256, jsSha256d } from '../../src/hash/js-sha256d.js';
import { loadVectors } from '../helpers/vectors.js';

type ShaVectors = { cases: { messageUtf8?: string; messageRepeat?: { char: string; times: number }; digestHex: string }[] };
type HeaderVectors = { headers: { height: number; headerHex: string; blockHashDisplay: string }[] };

const nodeSha256 = (data: Uint8Array) => new Uint8Array(createHash('sha256').update(data).digest());
const nodeSha256d = (data: Uint8Array) => nodeSha256(nodeSha256(data));

describe('jsSha256 known answers (test/vectors/sha256.json)', () => {
  for (const c of loadVectors<ShaVectors>('sha256.json').cases) {
    const text = c.messageUtf8 ?? c.messageRepeat!.char.repeat(c.messageRepeat!.times);
    it(`digests a ${text.length}-byte message`, () => {
      expect(bytesToHex(jsSha256(new TextEncoder().encode(text)))).toBe(c.digestHex);
    });
  }
});

describe('jsSha256d on Bitcoin block headers (test/vectors/bitcoin-headers.json)', () => {
  for (const h of loadVectors<HeaderVectors>('bitcoin-headers.json').headers) {
    it(`hashes block ${h.height} to its block hash`, () => {
      expect(bytesToHex(reversed(jsSha256d(hexToBytes(h.headerHex, 'header'))))).toBe(h.blockHashDisplay);
    });
  }
});

describe('jsSha256 / jsSha256d against node:crypto', () => {
  it('agree on every length from 0 to 200 bytes (one- and two-block paddings)', () => {
    for (let length = 0; length <= 200; length++) {
      const message = Uint8Array.from({ length }, (_, i) => (i * 131 + length) & 0xff);
      expect(bytesToHex(jsSha256(message)), `length ${length}`).toBe(bytesToHex(nodeSha256(message)));
    }
  });

  it('agree on random messages of random lengths', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 5000 }), (message) => {
      expect(bytesToHex(jsSha256(message))).toBe(bytesToHex(nodeSha256(message)));
      expect(bytesToHex(jsSha256d(message))).toBe(bytesToHex(nodeSha256d(message)));
    }), { seed: 20261121, numRuns: 300 });
  });

  it('names the argument when given something other than bytes', () => {
    expect(() => jsSha256('abc' as unknown as Uint8Array)).toThrow(/message: must be a Uint8Array, got "abc"/);
  });
});
