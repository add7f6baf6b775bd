// Ethash light verification: the WASM core's cache build and hashimoto-light rate at epoch 0 against
// @ethereumjs/ethash (TypeScript) doing the same work in the same run.
import { Ethash as EthereumJsEthash } from '@ethereumjs/ethash';
import { createHashCore, Ethash } from '../src/hash/index.js';
import { rateOf, secondsOf, withRatios, type Row } from './measure.js';

const CACHE_SECTION = 'Ethash epoch-0 cache build (caches/s; seconds in the note)';
const LIGHT_SECTION = 'Ethash light hashing at epoch 0 (hashes/s)';
const JS_NAME = '@ethereumjs/ethash';
const WASM_NAME = 'WASM core';

export async function benchEthash(quick: boolean): Promise<Row[]> {
  const ethash = new Ethash(await createHashCore());
  const sizes = ethash.sizes(0);
  const seed = ethash.seedHash(0);
  const wasmCacheSeconds = secondsOf(() => ethash.prepareCustom(sizes.cacheBytes, sizes.datasetBytes, seed));

  const js = new EthereumJsEthash();
  const jsCacheSeconds = secondsOf(() => js.mkcache(sizes.cacheBytes, seed));

  const headerHash = new Uint8Array(32).fill(7);
  let wasmNonce = 0n;
  const wasmRate = rateOf(() => { ethash.light(headerHash, wasmNonce++); }, 1, quick ? 0.3 : 1.5);
  const jsNonce = new Uint8Array(8);
  const jsRate = rateOf(() => { jsNonce[7]++; js.run(headerHash, jsNonce, sizes.datasetBytes); }, 1, quick ? 0.3 : 1.5);

  return [
    ...withRatios([
      { section: CACHE_SECTION, name: WASM_NAME, unit: 'cache/s', rate: 1 / wasmCacheSeconds, note: `${wasmCacheSeconds.toFixed(2)} s` },
      { section: CACHE_SECTION, name: JS_NAME, unit: 'cache/s', rate: 1 / jsCacheSeconds, note: `${jsCacheSeconds.toFixed(2)} s` },
    ], JS_NAME),
    ...withRatios([
      { section: LIGHT_SECTION, name: WASM_NAME, unit: 'H/s', rate: wasmRate },
      { section: LIGHT_SECTION, name: JS_NAME, unit: 'H/s', rate: jsRate },
    ], JS_NAME),
  ];
}
