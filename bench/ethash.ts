// Ethash light verification: the WASM core's cache build and hashimoto-light rate at epoch 0 against
// @ethereumjs/ethash (TypeScript) doing the same work in the same run.
import { Ethash as EthereumJsEthash } from '@ethereumjs/ethash';
import { createHashCore, Ethash } from '../src/hash/index.js';
import { rateOf, secondsOf, withRatios, type Row } from './measure.js';

const CACHE_SECTION = 'Ethash epoch-0 cache build (caches/s; seconds in the note)';
const LIGHT_SECTION = 'Ethash light hashing at epoch 0 (hashes/s)';
const JS_NAME = '@ethereumjs/ethash';
const WASM_NAME = 'WASM core';
const HASH_BYTES = 64;

/** The cache as @ethereumjs/ethash keeps it: one 64-byte array (own buffer) per row. */
function cacheRows(cache: Uint8Array): Uint8Array[] {
  const rows: Uint8Array[] = [];
  for (let offset = 0; offset < cache.length; offset += HASH_BYTES) rows.push(cache.slice(offset, offset + HASH_BYTES));
  return rows;
}

export async function benchEthash(quick: boolean): Promise<Row[]> {
  const ethash = new Ethash(await createHashCore());
  const sizes = ethash.sizes(0);
  const seed = ethash.seedHash(0);
  const wasmCacheSeconds = secondsOf(() => ethash.prepareCustom(sizes.cacheBytes, sizes.datasetBytes, seed));
  const cacheRowsOut: Row[] = [{ section: CACHE_SECTION, name: WASM_NAME, unit: 'cache/s', rate: 1 / wasmCacheSeconds, note: `${wasmCacheSeconds.toFixed(2)} s` }];

  const js = new EthereumJsEthash();
  if (quick) {
    // Its cache build takes 20–40 s here: --quick hands it the (identical) WASM-built cache instead.
    js.cache = cacheRows(ethash.cacheBytesCopy());
  } else {
    const jsCacheSeconds = secondsOf(() => js.mkcache(sizes.cacheBytes, seed));
    cacheRowsOut.push({ section: CACHE_SECTION, name: JS_NAME, unit: 'cache/s', rate: 1 / jsCacheSeconds, note: `${jsCacheSeconds.toFixed(2)} s` });
  }

  const headerHash = new Uint8Array(32).fill(7);
  let wasmNonce = 0n;
  const wasmRate = rateOf(() => { ethash.light(headerHash, wasmNonce++); }, 1, quick ? 0.3 : 1.5);
  const jsNonce = new Uint8Array(8);
  const jsRate = rateOf(() => { jsNonce[7]++; js.run(headerHash, jsNonce, sizes.datasetBytes); }, 1, quick ? 0.3 : 1.5);

  return [
    ...(quick ? cacheRowsOut.map((r) => ({ ...r, note: `${r.note}; @ethereumjs/ethash's build is measured without --quick` })) : withRatios(cacheRowsOut, JS_NAME)),
    ...withRatios([
      { section: LIGHT_SECTION, name: WASM_NAME, unit: 'H/s', rate: wasmRate },
      { section: LIGHT_SECTION, name: JS_NAME, unit: 'H/s', rate: jsRate },
    ], JS_NAME),
  ];
}
