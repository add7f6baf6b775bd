// Technician shifts on a weekly calendar in local time: staff on duty at any instant and the next
// instant that changes. Local time is a fixed offset from sim time (no daylight saving).
import { US_PER_DAY, US_PER_HOUR } from '../units.js';
import { checkCount, checkUs, shown } from './_check.js';

export const US_PER_WEEK = 7 * US_PER_DAY;
export const EVERY_DAY: readonly number[] = Object.freeze([0, 1, 2, 3, 4, 5, 6]);

export interface Shift {
  /** Days the shift starts on, 0 = Monday … 6 = Sunday (local). */
  days: readonly number[];
  /** Local start hour in [0, 24), fractions allowed (7.5 = 07:30). */
  startHour: number;
  /** Local end hour in (0, 24]; at or before startHour the shift runs past midnight. */
  endHour: number;
  /** Technicians on this shift. */
  staff: number;
}

interface Segment {
  fromUs: number;
  staff: number;
}

export class ShiftCalendar {
  /** Week-time segments, starting at 0, adjacent ones with different staff. */
  private readonly segments: Segment[];

  /**
   * weekOffsetUs is the local week time at sim time 0 (0: sim time 0 is Monday 00:00 local); path
   * names the shifts in error messages.
   */
  constructor(
    shifts: readonly Shift[],
    readonly weekOffsetUs = 0,
    path = 'shifts',
  ) {
    checkUs('weekOffsetUs', weekOffsetUs);
    if (!Array.isArray(shifts)) throw new RangeError(`${path} must be a list of shifts, got ${shown(shifts)}`);
    const intervals: [number, number, number][] = [];
    shifts.forEach((shift, i) => {
      checkShift(shift, `${path}[${i}]`);
      const startInDayUs = Math.round(shift.startHour * US_PER_HOUR);
      const endInDayUs = Math.round(shift.endHour * US_PER_HOUR);
      const lengthUs = endInDayUs > startInDayUs ? endInDayUs - startInDayUs : endInDayUs + US_PER_DAY - startInDayUs;
      for (const day of shift.days) {
        const fromUs = day * US_PER_DAY + startInDayUs;
        const toUs = fromUs + lengthUs;
        if (toUs <= US_PER_WEEK) intervals.push([fromUs, toUs, shift.staff]);
        else intervals.push([fromUs, US_PER_WEEK, shift.staff], [0, toUs - US_PER_WEEK, shift.staff]);
      }
    });
    const points = [...new Set([0, ...intervals.flatMap(([from, to]) => [from, to])])].filter((p) => p < US_PER_WEEK).sort((a, b) => a - b);
    this.segments = [];
    for (const fromUs of points) {
      let staff = 0;
      for (const [from, to, count] of intervals) if (from <= fromUs && fromUs < to) staff += count;
      if (this.segments.length === 0 || this.segments[this.segments.length - 1].staff !== staff) this.segments.push({ fromUs, staff });
    }
  }

  /** Technicians on duty at atUs. */
  staffAt(atUs: number): number {
    return this.segments[this.segmentAt(this.weekTimeUs(atUs))].staff;
  }

  /** The first instant after atUs when the staff count changes; Infinity if it never does. */
  nextChangeAfterUs(atUs: number): number {
    const segments = this.segments;
    // Adjacent segments differ by construction, so one segment means a constant staff.
    if (segments.length === 1) return Infinity;
    const weekTimeUs = this.weekTimeUs(atUs);
    const weekStartUs = atUs - weekTimeUs;
    let i = this.segmentAt(weekTimeUs) + 1;
    for (let wraps = 0; wraps < 2; wraps++) {
      for (; i < segments.length; i++) {
        const candidate = weekStartUs + wraps * US_PER_WEEK + segments[i].fromUs;
        // Across the week's wrap the first segment may repeat the last one's staff.
        const before = segments[i - 1] ?? segments[segments.length - 1];
        if (candidate > atUs && segments[i].staff !== before.staff) return candidate;
      }
      i = 0;
    }
    return Infinity;
  }

  private weekTimeUs(atUs: number): number {
    checkUs('atUs', atUs);
    return (atUs + this.weekOffsetUs) % US_PER_WEEK;
  }

  private segmentAt(weekTimeUs: number): number {
    let lo = 0;
    let hi = this.segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.segments[mid].fromUs <= weekTimeUs) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

export function checkShift(shift: Shift, path: string): Shift {
  if (!Array.isArray(shift.days) || shift.days.length === 0) throw new RangeError(`${path}.days must be a non-empty list of days 0–6, got ${shown(shift.days)}`);
  shift.days.forEach((day, i) => {
    if (!Number.isInteger(day) || day < 0 || day > 6) throw new RangeError(`${path}.days[${i}] must be an integer 0 (Monday) … 6 (Sunday), got ${shown(day)}`);
  });
  if (new Set(shift.days).size !== shift.days.length) throw new RangeError(`${path}.days must not repeat a day, got ${shown(shift.days)}`);
  if (!(shift.startHour >= 0 && shift.startHour < 24)) throw new RangeError(`${path}.startHour must be in [0, 24), got ${shown(shift.startHour)}`);
  if (!(shift.endHour > 0 && shift.endHour <= 24)) throw new RangeError(`${path}.endHour must be in (0, 24], got ${shown(shift.endHour)}`);
  checkCount(`${path}.staff`, shift.staff);
  return shift;
}
