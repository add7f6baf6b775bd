// `hashtwin hash ALGO HEX [--reverse] [--json]`: one digest of hex input, raw order unless --reverse.
import { bytesToHex, hexToBytes, keccak256, keccak512, loadHashCore, reversed, sha256, sha256d, type HashCore } from '../../hash/index.js';
import { parseCommandArgs } from '../args.js';
import { UsageError } from '../usage-error.js';

const ALGORITHMS: Record<string, (core: HashCore, data: Uint8Array) => Uint8Array> = {
  sha256,
  sha256d,
  keccak256,
  keccak512,
};

export async function hashCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs(argv, {
    reverse: { type: 'boolean' },
    json: { type: 'boolean' },
  }, 2);
  const [algorithm, hex] = positionals;
  const names = Object.keys(ALGORITHMS).join(', ');
  if (algorithm === undefined) throw new UsageError(`missing ALGO (one of ${names})`);
  const run = ALGORITHMS[algorithm];
  if (!run) throw new UsageError(`unknown ALGO '${algorithm}' (one of ${names})`);
  if (hex === undefined) throw new UsageError('missing HEX (the message as hex digits; "" for empty)');
  const data = hexToBytes(hex, 'HEX');
  const core = await loadHashCore();
  const digest = run(core, data);
  const shownDigest = bytesToHex(values.reverse ? reversed(digest) : digest);
  if (values.json) {
    console.log(JSON.stringify({ algorithm, inputBytes: data.length, digest: shownDigest, order: values.reverse ? 'display' : 'raw' }));
  } else {
    console.log(shownDigest);
  }
}
