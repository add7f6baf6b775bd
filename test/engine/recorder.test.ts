// Recorder: counters, per-slot series (sum / last with carry-forward / max) and the bounded log.
import { describe, expect, it } from 'vitest';
import { Recorder } from '../../src/engine/index.js';

const SLOT_US = 900_000_000; // 15 minutes

describe('Recorder', () => {
  it('counts numbers and bigints, keeping each counter in its own type', () => {
    const rec = new Recorder({ slotUs: SLOT_US });
    rec.count('attempts');
    rec.count('attempts', 2);
    rec.count('work', 2n ** 70n);
    rec.count('work', 1n);
    expect(rec.counter('attempts')).toBe(3);
    expect(rec.counter('work')).toBe(2n ** 70n + 1n);
    expect(rec.counter('never')).toBe(0);
    expect(Object.keys(rec.counters())).toEqual(['attempts', 'work']);
    expect(() => rec.count('work', 1)).toThrow(/counter 'work' holds a bigint/);
    expect(() => rec.count('', 1)).toThrow('name must be a non-empty string, got ""');
    expect(() => rec.count('x', Number.NaN)).toThrow(/delta must be finite/);
  });

  it('exports dense, aligned series: sums with 0 gaps, sets carried forward, max per slot', () => {
    const rec = new Recorder({ slotUs: SLOT_US });
    rec.add('energyKWh', 0, 1.5);
    rec.add('energyKWh', SLOT_US - 1, 2.5); // same slot 0
    rec.add('energyKWh', 2 * SLOT_US, 4);
    rec.set('price', SLOT_US + 5, 10);
    rec.set('price', SLOT_US + 6, 11); // last value in the slot wins
    rec.set('price', 3 * SLOT_US, 12);
    rec.max('peakW', 0, -3);
    rec.max('peakW', 10, -7);
    rec.max('peakW', 4 * SLOT_US, 9);
    expect(rec.lastSlot).toBe(4);
    expect(rec.series('energyKWh')).toEqual([4, 0, 4, 0, 0]);
    expect(rec.series('price')).toEqual([0, 11, 11, 12, 12]);
    expect(rec.series('peakW')).toEqual([-3, 0, 0, 0, 9]);
    expect(rec.series('unknown')).toEqual([0, 0, 0, 0, 0]);
    expect(rec.series('price', 6)).toEqual([0, 11, 11, 12, 12, 12, 12]);
    expect(rec.series('energyKWh', 1)).toEqual([4, 0]);
    expect(rec.seriesNames()).toEqual(['energyKWh', 'peakW', 'price']);
    expect(rec.seriesKind('price')).toBe('last');
  });

  it('grows series storage far past the initial size', () => {
    const rec = new Recorder({ slotUs: 10 });
    for (let slot = 0; slot < 5000; slot += 7) rec.add('x', slot * 10 + 3, 1);
    const series = rec.series('x');
    expect(series.length).toBe(4999); // last slot touched is 7 * 714 = 4998
    expect(series.reduce((a, b) => a + b, 0)).toBe(Math.ceil(5000 / 7));
  });

  it('refuses to mix series kinds and bad arguments', () => {
    const rec = new Recorder({ slotUs: SLOT_US });
    rec.add('a', 0, 1);
    expect(() => rec.set('a', 0, 1)).toThrow(/'a' is a 'sum' series/);
    expect(() => rec.add('a', -1, 1)).toThrow('atUs must be a safe integer ≥ 0, got -1');
    expect(() => rec.add('a', 0, Infinity)).toThrow('value must be finite, got Infinity');
    expect(() => new Recorder({ slotUs: 0 })).toThrow('slotUs must be a safe integer > 0, got 0');
    expect(() => new Recorder({ slotUs: 1 }).add('a', 2 ** 40, 1)).toThrow(/atUs must fall within/);
  });

  it('keeps the first maxLogEntries log entries and counts the dropped ones', () => {
    const rec = new Recorder({ slotUs: SLOT_US, maxLogEntries: 2 });
    rec.log(5, 'UnitFailed', { id: 'u1' });
    rec.log(6, 'UnitRepaired', { id: 'u1' });
    rec.log(7, 'UnitFailed');
    rec.log(8, 'UnitFailed');
    expect(rec.logged).toEqual([
      { atUs: 5, type: 'UnitFailed', data: { id: 'u1' } },
      { atUs: 6, type: 'UnitRepaired', data: { id: 'u1' } },
    ]);
    expect(rec.droppedLogEntries).toBe(2);
    expect(() => rec.log(1, '')).toThrow('type must be a non-empty string, got ""');
  });
});
