// A device mines only inside its consented window: H hours a day starting at a local clock time,
// every day. This measures, exactly in µs, how much of an interval falls inside such a daily window.
import { US_PER_DAY, US_PER_MIN } from '../../units.js';
import { checkUs } from '../_check.js';

export interface ConsentWindow {
  /** Local start, minutes after local midnight (may pass 24 h: the window wraps to the next day). */
  readonly startMinuteLocal: number;
  readonly lengthMinutes: number;
  /** Local time = UTC + offset (e.g. +60 for CET). */
  readonly utcOffsetMinutes: number;
}

/** The window's start in UTC as µs after UTC midnight, in [0, 1 day). */
export function windowPhaseUs(consent: ConsentWindow): number {
  const phase = ((consent.startMinuteLocal - consent.utcOffsetMinutes) * US_PER_MIN) % US_PER_DAY;
  return phase < 0 ? phase + US_PER_DAY : phase;
}

/** µs of [0, tUs) inside the windows [phase + k·day, phase + k·day + length), all k ∈ ℤ. */
function measureTo(tUs: number, phaseUs: number, lengthUs: number): number {
  const shifted = tUs - phaseUs;
  const days = Math.floor(shifted / US_PER_DAY);
  const intoDayUs = shifted - days * US_PER_DAY;
  return days * lengthUs + Math.min(intoDayUs, lengthUs);
}

/** µs of [fromUs, toUs) during which the consent window is open. */
export function consentedUs(consent: ConsentWindow, fromUs: number, toUs: number): number {
  checkUs('fromUs', fromUs);
  checkUs('toUs', toUs);
  if (toUs <= fromUs) return 0;
  const lengthUs = Math.min(consent.lengthMinutes * US_PER_MIN, US_PER_DAY);
  const phaseUs = windowPhaseUs(consent);
  return measureTo(toUs, phaseUs, lengthUs) - measureTo(fromUs, phaseUs, lengthUs);
}
