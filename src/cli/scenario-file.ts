// Reading a scenario file for a command: missing or unreadable files are usage errors naming the path.
import { readFileSync } from 'node:fs';
import { UsageError } from './usage-error.js';

export function readScenarioFile(path: string | undefined): string {
  if (path === undefined) throw new UsageError('missing FILE (a scenario, e.g. scenarios/default.yaml)');
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a scenario file' : `cannot read (${code})`}`);
  }
}

/** `--seed 7` is the number 7; anything else is a text seed. */
export function seedArgument(text: string | undefined): string | number | undefined {
  if (text === undefined) return undefined;
  if (text.trim() === '') throw new UsageError('--seed must not be empty');
  return /^-?\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : text;
}
