// Input errors of the hashing facade: each names the argument and the value received, so the CLI
// and the worker boundary can report them as one line (exit 2) instead of a stack trace.

export class HashInputError extends RangeError {
  readonly argument: string;
  constructor(argument: string, message: string) {
    super(`${argument}: ${message}`);
    this.name = 'HashInputError';
    this.argument = argument;
  }
}

/** Shortens a received value for an error message (long hex strings would drown the message). */
export function shown(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
