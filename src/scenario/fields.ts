// Field builders shared by the scenario schema and its sections (src/scenario/sections/): durations
// as text, ids, percentages — one wording of each rule for every section.
import { z } from 'zod';
import { parseDurationUs } from './duration.js';

function durationUs(text: string, ctx: z.RefinementCtx, positive: boolean): number {
  const parsed = parseDurationUs(text);
  if (typeof parsed === 'string') {
    ctx.addIssue({ code: 'custom', message: parsed });
    return z.NEVER;
  }
  if (positive && parsed <= 0) {
    ctx.addIssue({ code: 'custom', message: `must be longer than 0, got "${text}"` });
    return z.NEVER;
  }
  return parsed;
}

const DURATION_TEXT = 'a duration: a number and a unit (ms, s, m, h, d, w, y), e.g. 15m, 6h, 30d';

/** A duration text ("15m", "30d") → integer µs; `positive` rejects durations that round to 0 µs. */
export const duration = (fallback: string, positive = false) =>
  z.string().default(fallback).transform((text, ctx) => durationUs(text, ctx, positive)).describe(DURATION_TEXT);

/** A duration that may be left out (undefined): `duration(…).optional()` would fill in its default instead. */
export const optionalDuration = (positive = false) =>
  z.string().transform((text, ctx) => durationUs(text, ctx, positive)).optional().describe(DURATION_TEXT);

/** A duration with no default: required. */
export const requiredDuration = (positive = false) =>
  z.string().transform((text, ctx) => durationUs(text, ctx, positive)).describe(DURATION_TEXT);

/** A positive duration, or "off" → null (a monitor or a check that can be switched off). */
export const durationOrOff = (fallback: string) =>
  z.string().default(fallback).transform((text, ctx) => (text.trim() === 'off' ? null : durationUs(text, ctx, true)))
    .describe(`${DURATION_TEXT}; or off`);

export const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and dashes, e.g. "s21-row-a"');
export const pct = z.number().min(0).max(100);
