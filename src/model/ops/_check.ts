// Argument checks for the operations model: a programmer mistake throws a RangeError naming the
// argument (as a path, e.g. "failure.ratePerYear.fan") and the value received (STYLE.md "Errors").

/** A value as it should appear in an error message. */
export function shown(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export function checkNonNegative(argument: string, value: number): number {
  if (typeof value !== 'number' || !(value >= 0) || value === Infinity) {
    throw new RangeError(`${argument} must be a finite number ≥ 0, got ${shown(value)}`);
  }
  return value;
}

export function checkPositive(argument: string, value: number): number {
  if (typeof value !== 'number' || !(value > 0) || value === Infinity) {
    throw new RangeError(`${argument} must be a finite number > 0, got ${shown(value)}`);
  }
  return value;
}

export function checkFraction(argument: string, value: number): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw new RangeError(`${argument} must be in [0, 1], got ${shown(value)}`);
  }
  return value;
}

/** Whole microseconds ≥ 0 (engine convention for times and durations). */
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

export function checkFinite(argument: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`${argument} must be a finite number, got ${shown(value)}`);
  }
  return value;
}
