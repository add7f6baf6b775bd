// Strict argument parsing for every command: unknown options and malformed numbers are usage errors
// that name the option.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommandArgs<O extends Options>(argv: string[], options: O, maxPositionals: number) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    // node's messages name the option, e.g. "Unknown option '--cout'"; keep the first line only.
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UsageError(message);
  }
  if (parsed.positionals.length > maxPositionals) {
    throw new UsageError(`unexpected argument '${parsed.positionals[maxPositionals]}'`);
  }
  return parsed;
}

/** A whole number within [min, max], from decimal or 0x-hex text. */
export function parseWholeNumber(text: string | undefined, option: string, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = /^0x[0-9a-f]+$/i.test(text) ? parseInt(text.slice(2), 16) : /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`${option} must be a whole number from ${min} to ${max}, got '${text}'`);
  }
  return value;
}

export function requireOption(value: string | undefined, option: string): string {
  if (value === undefined) throw new UsageError(`missing ${option}`);
  return value;
}
