// Duration fields the operations and rentals sections need beyond fields.ts's `duration`: one that may
// be switched off ("off"), and one with no default (a required or an optional value).
import { z } from 'zod';
import { parseDurationUs } from '../duration.js';

const DESCRIPTION = 'a duration: a number and a unit (ms, s, m, h, d, w, y), e.g. 15m, 6h, 30d';

function toUs(text: string, ctx: z.RefinementCtx, positive: boolean): number {
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

/** A duration with no default (required unless the caller adds .optional()) → integer µs. */
export const durationNoDefault = (positive = false) =>
  z.string().transform((text, ctx) => toUs(text, ctx, positive)).describe(DESCRIPTION);

/** A positive duration, or "off" → null. */
export const durationOrOff = (fallback: string) =>
  z.string().default(fallback).transform((text, ctx) => (text.trim() === 'off' ? null : toUs(text, ctx, true)))
    .describe(`${DESCRIPTION}; or off`);
