// Every result carries a digest: SHA-256 (hex) of its canonical JSON without the digest itself.
// The hash function comes from the caller (the WASM core), keeping this layer free of it.
import type { TwinResult } from '../model/twin/index.js';
import { canonicalJson } from './canonical-json.js';

export type Sha256Hex = (bytes: Uint8Array) => string;
export type DigestedResult = TwinResult & { digest: string };

export function digestOf(result: TwinResult, sha256Hex: Sha256Hex): string {
  const { digest: _ignored, ...rest } = result as DigestedResult;
  return sha256Hex(new TextEncoder().encode(canonicalJson(rest)));
}

export function withDigest(result: TwinResult, sha256Hex: Sha256Hex): DigestedResult {
  return { digest: digestOf(result, sha256Hex), ...result };
}
