// `hashtwin ethash`: light verification of one block's (header hash, nonce), or a speed run over K nonces.
import {
  bytesToHex, epochOf, Ethash, formatEthashNonce, hexToBytes, loadHashCore, meetsBoundary, parseEthashNonce,
} from '../../hash/index.js';
import { parseCommandArgs, parseWholeNumber, requireOption } from '../args.js';
import { createProgress } from '../progress.js';
import { UsageError } from '../usage-error.js';

const MAX_COUNT = 100_000_000;

export async function ethashCommand(argv: string[]): Promise<void> {
  const { values } = parseCommandArgs(argv, {
    block: { type: 'string' },
    header: { type: 'string' },
    nonce: { type: 'string' },
    count: { type: 'string' },
    difficulty: { type: 'string' },
    json: { type: 'boolean' },
  }, 0);
  const block = parseWholeNumber(requireOption(values.block, '--block'), '--block', 0, 30000 * 2048 - 1)!;
  const headerHash = hexToBytes(requireOption(values.header, '--header'), '--header', 32);
  const nonce = parseEthashNonce(requireOption(values.nonce, '--nonce'));
  const count = parseWholeNumber(values.count, '--count', 1, MAX_COUNT);
  let difficulty: bigint | undefined;
  if (values.difficulty !== undefined) {
    if (!/^[1-9]\d*$/.test(values.difficulty)) throw new UsageError(`--difficulty must be a whole number ≥ 1, got '${values.difficulty}'`);
    difficulty = BigInt(values.difficulty);
  }
  if (count !== undefined && nonce + BigInt(count) > 1n << 64n) throw new UsageError('--count runs past the last 64-bit nonce');

  const ethash = new Ethash(await loadHashCore());
  const epoch = epochOf(block);
  const cacheStartedMs = performance.now();
  const sizes = ethash.prepareEpoch(epoch);
  const cacheSeconds = (performance.now() - cacheStartedMs) / 1000;
  const hashStartedMs = performance.now();
  const first = ethash.light(headerHash, nonce);
  const report: Record<string, unknown> = {
    block, epoch, nonce: formatEthashNonce(nonce),
    mixDigest: bytesToHex(first.mixDigest), result: bytesToHex(first.result),
    cacheBytes: sizes.cacheBytes, datasetBytes: sizes.datasetBytes,
  };
  if (difficulty !== undefined) report.meetsDifficulty = meetsBoundary(first.result, difficulty);
  if (count !== undefined) {
    const progress = createProgress(`hashing ${count} nonces`);
    for (let i = 1n; i < BigInt(count); i++) {
      ethash.light(headerHash, nonce + i);
      if ((i & 0xffn) === 0n) progress.update(Number(i) / count);
    }
    progress.done();
    const seconds = (performance.now() - hashStartedMs) / 1000;
    Object.assign(report, { hashes: count, seconds, hashesPerSecond: seconds > 0 ? count / seconds : 0, cacheSeconds });
  }
  if (values.json) {
    console.log(JSON.stringify(report));
    return;
  }
  for (const [key, value] of Object.entries(report)) console.log(`${key.padEnd(16)} ${String(value)}`);
}
