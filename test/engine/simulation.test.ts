// Simulation: scheduling, runUntil/run/step semantics, stop, maxEvents, cancel and progress hooks.
import { describe, expect, it } from 'vitest';
import { Simulation, createSimulation } from '../../src/engine/index.js';

describe('Simulation scheduling', () => {
  it('runs callbacks at their times with nowUs set, equal times in priority then insertion order', () => {
    const sim = new Simulation();
    const seen: string[] = [];
    const note = (label: string) => () => seen.push(`${label}@${sim.nowUs}`);
    sim.schedule(10, note('b'));
    sim.schedule(10, note('c'));
    sim.schedule(10, note('a'), -1);
    sim.scheduleAt(3, note('first'));
    sim.schedule(10, note('z'), 5);
    expect(sim.run().outcome).toBe('exhausted');
    expect(seen).toEqual(['first@3', 'a@10', 'b@10', 'c@10', 'z@10']);
    expect(sim.nowUs).toBe(10);
  });

  it('schedules relative to the current event time from inside callbacks', () => {
    const sim = createSimulation({ startUs: 100 });
    const times: number[] = [];
    sim.schedule(5, () => {
      times.push(sim.nowUs);
      sim.schedule(0, () => times.push(sim.nowUs));
      sim.schedule(7, () => times.push(sim.nowUs));
    });
    sim.run();
    expect(times).toEqual([105, 105, 112]);
    expect(sim.eventsRun).toBe(3);
  });

  it('cancel removes a pending event and reports whether it did', () => {
    const sim = new Simulation();
    const ran: number[] = [];
    const h1 = sim.schedule(1, () => ran.push(1));
    const h2 = sim.schedule(2, () => ran.push(2));
    sim.schedule(1, () => expect(sim.cancel(h2)).toBe(true));
    expect(sim.pendingCount).toBe(3);
    expect(sim.cancel(h1)).toBe(true);
    expect(sim.cancel(h1)).toBe(false);
    expect(sim.isPending(h2)).toBe(true);
    sim.run();
    expect(ran).toEqual([]);
    expect(sim.pendingCount).toBe(0);
  });

  it('step runs exactly one event and returns false when none is left', () => {
    const sim = new Simulation();
    const ran: number[] = [];
    sim.schedule(4, () => ran.push(sim.nowUs));
    sim.schedule(9, () => ran.push(sim.nowUs));
    expect(sim.peekAtUs()).toBe(4);
    expect(sim.step()).toBe(true);
    expect(ran).toEqual([4]);
    expect(sim.step()).toBe(true);
    expect(sim.step()).toBe(false);
    expect(sim.nowUs).toBe(9);
    expect(sim.peekAtUs()).toBe(Infinity);
  });

  it('rejects programmer mistakes at once, naming the argument and value', () => {
    const sim = new Simulation({ startUs: 50 });
    expect(() => sim.schedule(-5, () => {})).toThrow('delayUs must be a safe integer ≥ 0, got -5');
    expect(() => sim.schedule(0.5, () => {})).toThrow(RangeError);
    expect(() => sim.scheduleAt(49, () => {})).toThrow('atUs must be a safe integer ≥ nowUs (50), got 49');
    expect(() => sim.schedule(1, 'nope' as unknown as () => void)).toThrow(TypeError);
    expect(() => sim.schedule(1, () => {}, 1.5)).toThrow(/priority/);
    expect(() => sim.runUntil(10)).toThrow('untilUs must be a safe integer ≥ nowUs (50), got 10');
    expect(() => sim.run({ maxEvents: -1 })).toThrow(/maxEvents/);
    expect(() => sim.run({ cancelCheckEveryEvents: 0 })).toThrow(/cancelCheckEveryEvents/);
    expect(() => sim.onProgress(() => {}, 0)).toThrow('everyUs must be a safe integer > 0, got 0');
    expect(() => new Simulation({ startUs: -1 })).toThrow(/startUs/);
  });

  it('refuses a nested run from inside an event', () => {
    const sim = new Simulation();
    sim.schedule(1, () => sim.run());
    expect(() => sim.run()).toThrow(/inside a running event/);
    // the engine is still usable afterwards
    sim.schedule(1, () => {});
    expect(sim.run().eventsRun).toBe(1);
  });
});

describe('runUntil', () => {
  it('runs events with atUs ≤ untilUs (inclusive), then sets nowUs = untilUs', () => {
    const sim = new Simulation();
    const ran: number[] = [];
    for (const t of [5, 10, 11, 20]) sim.scheduleAt(t, () => ran.push(t));
    const result = sim.runUntil(10);
    expect(result).toEqual({ outcome: 'reachedUntil', cancelled: false, eventsRun: 2, nowUs: 10 });
    expect(ran).toEqual([5, 10]);
    expect(sim.nowUs).toBe(10);
    expect(sim.runUntil(15).nowUs).toBe(15);
    expect(ran).toEqual([5, 10, 11]);
    // schedule() after runUntil is relative to untilUs, not the last event
    sim.schedule(1, () => ran.push(sim.nowUs));
    sim.runUntil(100);
    expect(ran).toEqual([5, 10, 11, 16, 20]);
    expect(sim.nowUs).toBe(100);
    expect(sim.runUntil(100).eventsRun).toBe(0);
  });

  it('includes events scheduled at exactly untilUs from inside the run', () => {
    const sim = new Simulation();
    const ran: number[] = [];
    sim.scheduleAt(8, () => sim.schedule(2, () => ran.push(sim.nowUs)));
    sim.runUntil(10);
    expect(ran).toEqual([10]);
  });
});

describe('stop, maxEvents and the cancel hook', () => {
  it('stop() returns after the current event, keeping nowUs at it; a later run resumes', () => {
    const sim = new Simulation();
    const ran: number[] = [];
    for (let t = 1; t <= 5; t++) sim.scheduleAt(t, () => {
      ran.push(t);
      if (t === 2) sim.stop();
    });
    const result = sim.runUntil(100);
    expect(result.outcome).toBe('stopped');
    expect(result.nowUs).toBe(2);
    expect(sim.nowUs).toBe(2);
    expect(sim.runUntil(100).outcome).toBe('reachedUntil');
    expect(ran).toEqual([1, 2, 3, 4, 5]);
  });

  it('maxEvents bounds a run that would never end', () => {
    const sim = new Simulation();
    const tick = () => void sim.schedule(1, tick);
    sim.schedule(0, tick);
    const result = sim.run({ maxEvents: 1000 });
    expect(result).toEqual({ outcome: 'maxEvents', cancelled: false, eventsRun: 1000, nowUs: 999 });
  });

  it('polls shouldCancel before the first event and every N events, then stops cleanly', () => {
    const sim = new Simulation();
    let count = 0;
    const tick = () => {
      count++;
      sim.schedule(10, tick);
    };
    sim.schedule(0, tick);
    let polls = 0;
    const result = sim.run({ shouldCancel: () => ++polls === 4, cancelCheckEveryEvents: 100 });
    expect(result.outcome).toBe('cancelled');
    expect(result.cancelled).toBe(true);
    expect(polls).toBe(4);
    expect(result.eventsRun).toBe(300); // polls before events 1, 101, 201 said no; the 4th said yes
    expect(count).toBe(300);
    expect(sim.nowUs).toBe(2990);
    expect(sim.pendingCount).toBe(1);
    expect(sim.run({ shouldCancel: () => true }).eventsRun).toBe(0);
  });
});

describe('onProgress', () => {
  it('fires once per clock advance that reaches or passes a multiple of everyUs', () => {
    const sim = new Simulation();
    const calls: number[] = [];
    const remove = sim.onProgress((now) => calls.push(now), 100);
    for (const t of [50, 99, 100, 150, 420, 420]) sim.scheduleAt(t, () => {});
    sim.run();
    expect(calls).toEqual([100, 420]);
    sim.runUntil(1000);
    expect(calls).toEqual([100, 420, 1000]);
    remove();
    sim.runUntil(5000);
    expect(calls).toEqual([100, 420, 1000]);
  });

  it('supports several listeners with different periods, and can stop the run', () => {
    const sim = new Simulation();
    const a: number[] = [];
    const b: number[] = [];
    sim.onProgress((now) => a.push(now), 10);
    sim.onProgress((now) => {
      b.push(now);
      if (now >= 50) sim.stop();
    }, 25);
    const tick = () => void sim.schedule(5, tick);
    sim.schedule(5, tick);
    const result = sim.run();
    expect(result.outcome).toBe('stopped');
    expect(a).toEqual([10, 20, 30, 40, 50]);
    expect(b).toEqual([25, 50]);
  });
});
