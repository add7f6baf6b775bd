// The hashing commands as a newcomer runs them: right answers, JSON shapes, and one-line errors with exit 2.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { loadVectors } from '../helpers/vectors.js';

type HeaderVectors = { headers: { height: number; headerHex: string; blockHashDisplay: string; nonce: number; targetHex: string }[] };
const [genesis, block1] = loadVectors<HeaderVectors>('bitcoin-headers.json').headers;

function expectUsageError(args: string[], fragment: string): void {
  const run = runCli(args);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toContain(fragment);
  expect(run.stderr).not.toContain('    at ');
}

describe('hashtwin hash', () => {
  it('prints sha256d of the genesis header in display order with --reverse', () => {
    const run = runCli(['hash', 'sha256d', genesis.headerHex, '--reverse']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(genesis.blockHashDisplay);
  });
  it('prints raw order by default, and JSON on request', () => {
    const raw = runCli(['hash', 'sha256d', genesis.headerHex]).stdout.trim();
    expect(raw).toBe(Buffer.from(genesis.blockHashDisplay, 'hex').reverse().toString('hex'));
    const json = JSON.parse(runCli(['hash', 'keccak256', '', '--json']).stdout);
    expect(json.digest).toBe('c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470');
  });
  it('rejects bad input with one line and exit 2', () => {
    expectUsageError(['hash', 'sha256d', 'xyz'], 'HEX: must have an even number of hex digits');
    expectUsageError(['hash', 'md5', '00'], "unknown ALGO 'md5'");
    expectUsageError(['hash', 'sha256d'], 'missing HEX');
    expectUsageError(['hash', 'sha256d', '00', '--revers'], "Unknown option '--revers'");
  });
});

describe('hashtwin scan', () => {
  const args = ['scan', '--header', block1.headerHex, '--target', block1.targetHex, '--start', String(block1.nonce - 300_000), '--count', '600001', '--json'];
  it('finds block 1 (nonce ≥ 2^31) and reports hashes, seconds and hashes/s', () => {
    const run = runCli(args);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.nonces).toEqual([block1.nonce]);
    expect(json.hashes).toBe(600_001);
    expect(json.seconds).toBeGreaterThan(0);
    expect(json.hashesPerSecond).toBeGreaterThan(0);
  });
  it('returns the same nonces on 1 and 2 worker threads', () => {
    const easy = ['scan', '--header', genesis.headerHex, '--target', `00${'f'.repeat(62)}`, '--start', '4294000000', '--count', '967296', '--json'];
    const one = JSON.parse(runCli([...easy, '--workers', '1']).stdout);
    const two = JSON.parse(runCli([...easy, '--workers', '2']).stdout);
    expect(one.nonces.length).toBeGreaterThan(3000);
    expect(two.nonces).toEqual(one.nonces);
    expect(two.hashes).toBe(967_296);
    expect(one.nonces.at(-1)).toBeLessThanOrEqual(0xffffffff);
  });
  it('rejects bad arguments with one line and exit 2', () => {
    expectUsageError(['scan', '--header', 'ab', '--target', block1.targetHex], '--header: must be 160 hex digits (80 bytes), got 2');
    expectUsageError(['scan', '--header', block1.headerHex], 'missing --target');
    expectUsageError(['scan', '--header', block1.headerHex, '--target', block1.targetHex, '--start=-1'], '--start must be a whole number');
    expectUsageError(['scan', '--header', block1.headerHex, '--target', block1.targetHex, '--start', '4294967295', '--count', '2'], 'count: start + count must be ≤ 2^32');
    expectUsageError(['scan', '--header', block1.headerHex, '--target', block1.targetHex, '--workers', '0'], '--workers must be a whole number from 1');
  });
});

describe('hashtwin ethash', () => {
  const block1 = { header: '85913a3057ea8bec78cd916871ca73802e77724e014dda65add3405d02240eb7', nonce: '539bd4979fef1ec4' };
  it('light-verifies mainnet block 1 and checks its difficulty', () => {
    const run = runCli(['ethash', '--block', '1', '--header', block1.header, '--nonce', block1.nonce, '--difficulty', '17171480576', '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.mixDigest).toBe('969b900de27b6ac6a67742365dd65f55a0526c41fd18e1b16f1a1215c2e66f59');
    expect(json.result).toBe('000000002bc095dd4de049873e6302c3f14a7f2e5b5a1f60cdf1f1798164d610');
    expect(json.meetsDifficulty).toBe(true);
  });
  it('reports hashes/s and the cache build time with --count', () => {
    const json = JSON.parse(runCli(['ethash', '--block', '1', '--header', block1.header, '--nonce', block1.nonce, '--count', '20', '--json']).stdout);
    expect(json.hashes).toBe(20);
    expect(json.hashesPerSecond).toBeGreaterThan(0);
    expect(json.cacheSeconds).toBeGreaterThan(0);
  });
  it('rejects bad arguments with one line and exit 2', () => {
    expectUsageError(['ethash', '--block', '1', '--header', block1.header, '--nonce', '539b'], 'nonce: must be 16 hex digits (8 bytes), got 4');
    expectUsageError(['ethash', '--block', 'x', '--header', block1.header, '--nonce', block1.nonce], '--block must be a whole number');
    expectUsageError(['ethash', '--header', block1.header, '--nonce', block1.nonce], 'missing --block');
  });
});

describe('hashtwin with no or unknown command', () => {
  it('prints usage and exits 2 without a command, 0 with --help', () => {
    expect(runCli([]).code).toBe(2);
    const help = runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('hashtwin scan --header HEADER --target TARGET');
  });
  it('names an unknown command', () => {
    expectUsageError(['mine'], "unknown command 'mine'");
  });
});
