// Slow Ethash checks (`npm run test:slow`): the real 1 GiB epoch-0 dataset in full mode against
// mainnet block 1, and light verification against @ethereumjs/ethash on random inputs.
import { Ethash as EthereumJsEthash } from '@ethereumjs/ethash';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToHex, createHashCore, Ethash, hexToBytes, parseEthashNonce } from '../../src/hash/index.js';
import { loadVectors } from '../helpers/vectors.js';

type Case = { block: number; headerHash: string; nonce: string; mixDigest: string; result: string };
const vectors = loadVectors<{ blocks: Case[] }>('ethash.json');

describe('Ethash full mode on the real epoch-0 dataset', () => {
  it('builds 1 GiB and seals mainnet block 1 like light mode', async () => {
    const ethash = new Ethash(await createHashCore());
    ethash.prepareEpoch(0);
    ethash.buildDataset();
    const block1 = vectors.blocks[0];
    const out = ethash.full(hexToBytes(block1.headerHash, 'header'), parseEthashNonce(block1.nonce));
    expect(bytesToHex(out.mixDigest)).toBe(block1.mixDigest);
    expect(bytesToHex(out.result)).toBe(block1.result);
  });
});

describe('differential against @ethereumjs/ethash', () => {
  it('light results agree on random header hashes and nonces at epoch 0', async () => {
    const ethash = new Ethash(await createHashCore());
    const sizes = ethash.prepareEpoch(0);
    const js = new EthereumJsEthash();
    js.mkcache(sizes.cacheBytes, ethash.seedHash(0));
    fc.assert(fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), (header, nonce) => {
      const nonceBytes = hexToBytes(nonce.toString(16).padStart(16, '0'), 'nonce');
      const theirs = js.run(header, nonceBytes, sizes.datasetBytes);
      const ours = ethash.light(header, nonce);
      expect(bytesToHex(ours.mixDigest)).toBe(bytesToHex(theirs.mix));
      expect(bytesToHex(ours.result)).toBe(bytesToHex(theirs.hash));
    }), { seed: 3, numRuns: 8 });
  });
});
