// Shift calendar: staff on duty by local weekday and hour, overnight shifts, the week's wrap and the
// offset of sim time 0 into the local week.
import { describe, expect, it } from 'vitest';
import { ShiftCalendar, US_PER_WEEK } from '../../../src/model/ops/index.js';
import { ALL_DAYS, DAY, HOUR } from './helpers.js';

describe('ShiftCalendar', () => {
  it('a weekday day shift plus a weekend skeleton crew', () => {
    const calendar = new ShiftCalendar([
      { days: [0, 1, 2, 3, 4], startHour: 8, endHour: 17, staff: 3 },
      { days: [5, 6], startHour: 10, endHour: 14, staff: 1 },
    ]);
    expect(calendar.staffAt(0)).toBe(0);
    expect(calendar.staffAt(8 * HOUR)).toBe(3);
    expect(calendar.staffAt(17 * HOUR - 1)).toBe(3);
    expect(calendar.staffAt(17 * HOUR)).toBe(0);
    expect(calendar.staffAt(5 * DAY + 12 * HOUR)).toBe(1);
    expect(calendar.staffAt(US_PER_WEEK + 9 * HOUR)).toBe(3);
    expect(calendar.nextChangeAfterUs(0)).toBe(8 * HOUR);
    expect(calendar.nextChangeAfterUs(8 * HOUR)).toBe(17 * HOUR);
    expect(calendar.nextChangeAfterUs(4 * DAY + 17 * HOUR)).toBe(5 * DAY + 10 * HOUR);
    expect(calendar.nextChangeAfterUs(6 * DAY + 14 * HOUR)).toBe(US_PER_WEEK + 8 * HOUR);
  });

  it('overnight shifts run past midnight and across the week end', () => {
    const calendar = new ShiftCalendar([
      { days: ALL_DAYS, startHour: 8, endHour: 20, staff: 2 },
      { days: ALL_DAYS, startHour: 20, endHour: 8, staff: 1 },
    ]);
    expect(calendar.staffAt(0)).toBe(1);
    expect(calendar.staffAt(7 * HOUR)).toBe(1);
    expect(calendar.staffAt(12 * HOUR)).toBe(2);
    expect(calendar.staffAt(6 * DAY + 23 * HOUR)).toBe(1);
    expect(calendar.nextChangeAfterUs(6 * DAY + 21 * HOUR)).toBe(US_PER_WEEK + 8 * HOUR);
  });

  it('round the clock never changes; no shifts means nobody', () => {
    const always = new ShiftCalendar([{ days: ALL_DAYS, startHour: 0, endHour: 24, staff: 4 }]);
    expect(always.staffAt(3 * DAY + 5)).toBe(4);
    expect(always.nextChangeAfterUs(0)).toBe(Infinity);
    expect(new ShiftCalendar([]).staffAt(123)).toBe(0);
  });

  it('weekOffsetUs places sim time 0 in the local week', () => {
    const calendar = new ShiftCalendar([{ days: [0], startHour: 8, endHour: 17, staff: 1 }], 6 * DAY);
    expect(calendar.staffAt(0)).toBe(0);
    expect(calendar.staffAt(DAY + 9 * HOUR)).toBe(1);
    expect(calendar.nextChangeAfterUs(0)).toBe(DAY + 8 * HOUR);
  });

  it('names the bad field', () => {
    expect(() => new ShiftCalendar([{ days: [7], startHour: 8, endHour: 17, staff: 1 }])).toThrow(/shifts\[0\]\.days\[0\] must be an integer 0 \(Monday\) … 6 \(Sunday\), got 7/);
    expect(() => new ShiftCalendar([{ days: [0], startHour: 24, endHour: 17, staff: 1 }])).toThrow(/startHour must be in \[0, 24\), got 24/);
    expect(() => new ShiftCalendar([{ days: [0], startHour: 8, endHour: 17, staff: 1.5 }])).toThrow(/staff must be a whole number ≥ 0, got 1.5/);
  });
});
