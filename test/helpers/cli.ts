// Runs the built `hashtwin` command as a user would, with a time bound.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/hashtwin.js', import.meta.url));

export type CliRun = { code: number | null; stdout: string; stderr: string };

export function runCli(args: string[], timeoutMs = 120_000): CliRun {
  const out = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: timeoutMs });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}
