// Argument checks shared by the share model: programmer mistakes throw a RangeError naming the
// argument and the value received (house style, STYLE.md "Errors").

/** A value as it should appear in an error message (strings quoted, long text cut). */
export function shown(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`;
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export function checkPositive(argument: string, value: number): number {
  if (typeof value !== 'number' || !(value > 0) || value === Infinity) {
    throw new RangeError(`${argument} must be a finite number > 0, got ${shown(value)}`);
  }
  return value;
}

export function checkNonNegative(argument: string, value: number): number {
  if (typeof value !== 'number' || !(value >= 0) || value === Infinity) {
    throw new RangeError(`${argument} must be a finite number ≥ 0, got ${shown(value)}`);
  }
  return value;
}

/** Simulation times and durations are whole microseconds (engine convention). */
export function checkUs(argument: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${argument} must be a whole number of µs ≥ 0, got ${shown(value)}`);
  }
  return value;
}

export function checkCount(argument: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${argument} must be a whole number ≥ 0, got ${shown(value)}`);
  }
  return value;
}
