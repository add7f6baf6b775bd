// The engine's shared property suite (fast-check, fixed seed): time order, tie order, runUntil,
// cancel, processes, hooks, same-seed determinism and stream independence across entities.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Recorder, Simulation, createRoot, type ProcessGenerator } from '../../src/engine/index.js';

const SETTINGS = { seed: 42, numRuns: 150 } as const;

/** A random script of actions each event takes: schedule children, cancel something, or nothing. */
interface Action {
  delayUs: number;
  priority: number;
  children: number;
  cancelPick: number | null;
}
const actionArb: fc.Arbitrary<Action> = fc.record({
  delayUs: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 50 })),
  priority: fc.integer({ min: -1, max: 1 }),
  children: fc.integer({ min: 0, max: 2 }),
  cancelPick: fc.option(fc.nat(), { nil: null }),
});

interface Fired {
  id: number;
  atUs: number;
  priority: number;
  scheduledSeq: number;
}

/** What runScript needs from an engine, so the Simulation can be compared with a naive reference. */
interface Engine {
  readonly nowUs: number;
  schedule(delayUs: number, fn: () => void, priority: number): number;
  cancel(handle: number): boolean;
}

/** Obviously-correct reference: a flat list scanned for the minimum (atUs, priority, seq). */
class NaiveEngine implements Engine {
  nowUs = 0;
  private pending: { atUs: number; priority: number; seq: number; fn: () => void }[] = [];
  private seq = 0;
  schedule(delayUs: number, fn: () => void, priority: number): number {
    const seq = this.seq++;
    this.pending.push({ atUs: this.nowUs + delayUs, priority, seq, fn });
    return seq;
  }
  cancel(handle: number): boolean {
    const index = this.pending.findIndex((e) => e.seq === handle);
    if (index < 0) return false;
    this.pending.splice(index, 1);
    return true;
  }
  run(): void {
    while (this.pending.length > 0) {
      let best = 0;
      for (let i = 1; i < this.pending.length; i++) {
        const a = this.pending[i];
        const b = this.pending[best];
        if (a.atUs < b.atUs || (a.atUs === b.atUs && (a.priority < b.priority || (a.priority === b.priority && a.seq < b.seq)))) best = i;
      }
      const [event] = this.pending.splice(best, 1);
      this.nowUs = event.atUs;
      event.fn();
    }
  }
}

/** Schedules the script's events on an engine; each event may cancel one and schedule children. */
function loadScript(engine: Engine, actions: Action[]) {
  const fired: Fired[] = [];
  const handles: number[] = [];
  const cancelled = new Set<number>();
  const scheduled: { id: number; atUs: number; priority: number; seq: number }[] = [];
  let next = 0;
  const add = () => {
    if (next >= actions.length) return;
    const id = next++;
    const action = actions[id];
    const seq = scheduled.length;
    scheduled.push({ id, atUs: engine.nowUs + action.delayUs, priority: action.priority, seq });
    handles.push(
      engine.schedule(
        action.delayUs,
        () => {
          fired.push({ id, atUs: engine.nowUs, priority: action.priority, scheduledSeq: seq });
          if (action.cancelPick !== null && handles.length > 0) {
            const victim = action.cancelPick % handles.length;
            if (engine.cancel(handles[victim])) cancelled.add(victim);
          }
          for (let c = 0; c < action.children; c++) add();
        },
        action.priority,
      ),
    );
  };
  for (let i = 0; i < 3; i++) add();
  return { fired, scheduled, cancelled };
}

function runScript(actions: Action[], untilUs?: number) {
  const sim = new Simulation();
  const script = loadScript(sim, actions);
  const result = untilUs === undefined ? sim.run() : sim.runUntil(untilUs);
  return { sim, result, ...script };
}

describe('engine properties', () => {
  it('time never goes backwards; events run at their scheduled time; cancelled events never run', () => {
    fc.assert(
      fc.property(fc.array(actionArb, { minLength: 1, maxLength: 120 }), (actions) => {
        const { fired, scheduled, cancelled } = runScript(actions);
        for (let i = 1; i < fired.length; i++) expect(fired[i].atUs).toBeGreaterThanOrEqual(fired[i - 1].atUs);
        for (const f of fired) {
          expect(f.atUs).toBe(scheduled[f.scheduledSeq].atUs);
          expect(cancelled.has(f.id)).toBe(false);
        }
        // Everything scheduled either ran exactly once or was cancelled.
        expect(new Set(fired.map((f) => f.id)).size).toBe(fired.length);
        expect(fired.length + cancelled.size).toBe(scheduled.length);
      }),
      SETTINGS,
    );
  });

  it('runs events in exactly the order of a naive (time, priority, insertion) reference', () => {
    fc.assert(
      fc.property(fc.array(actionArb, { minLength: 1, maxLength: 120 }), (actions) => {
        const naive = new NaiveEngine();
        const expected = loadScript(naive, actions);
        naive.run();
        const { fired, cancelled } = runScript(actions);
        expect(fired).toEqual(expected.fired);
        expect(cancelled).toEqual(expected.cancelled);
      }),
      SETTINGS,
    );
  });

  it('equal-time events run in priority order, then insertion order (independent check)', () => {
    const sim = new Simulation();
    const order: string[] = [];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 50 }), (priorities) => {
        order.length = 0;
        priorities.forEach((p, i) => sim.schedule(0, () => order.push(`${p}:${i}`), p));
        sim.run();
        const expected = priorities.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
        expect(order).toEqual(expected.map(({ p, i }) => `${p}:${i}`));
      }),
      SETTINGS,
    );
  });

  it('runUntil(t) runs exactly the events at ≤ t that a full run would, then sits at t', () => {
    fc.assert(
      fc.property(fc.array(actionArb, { minLength: 1, maxLength: 80 }), fc.integer({ min: 0, max: 150 }), (actions, untilUs) => {
        const full = runScript(actions);
        const partial = runScript(actions, untilUs);
        expect(partial.fired).toEqual(full.fired.filter((f) => f.atUs <= untilUs));
        expect(partial.sim.nowUs).toBe(untilUs);
        expect(partial.result.outcome).toBe('reachedUntil');
        expect(partial.sim.peekAtUs()).toBeGreaterThan(untilUs);
      }),
      SETTINGS,
    );
  });

  it('stepping one event at a time gives the same order as run()', () => {
    fc.assert(
      fc.property(fc.array(actionArb, { minLength: 1, maxLength: 60 }), (actions) => {
        const full = runScript(actions);
        const sim = new Simulation();
        const script = loadScript(sim, actions);
        let steps = 0;
        while (sim.step()) steps++;
        expect(script.fired).toEqual(full.fired);
        expect(steps).toBe(full.fired.length);
      }),
      SETTINGS,
    );
  });

  it('progress fires at most once per advance, exactly when a multiple of everyUs is reached or passed', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 60 }), fc.integer({ min: 1, max: 200 }), (times, everyUs) => {
        const sim = new Simulation();
        const calls: number[] = [];
        sim.onProgress((now) => calls.push(now), everyUs);
        for (const t of times) sim.scheduleAt(t, () => {});
        sim.run();
        const expected: number[] = [];
        let nextAt = everyUs;
        for (const t of [...new Set(times)].sort((a, b) => a - b)) {
          if (t >= nextAt) {
            expected.push(t);
            nextAt = (Math.floor(t / everyUs) + 1) * everyUs;
          }
        }
        expect(calls).toEqual(expected);
      }),
      SETTINGS,
    );
  });

  it('a cancelled run stops cleanly and can be resumed to the same end state', () => {
    fc.assert(
      fc.property(fc.array(actionArb, { minLength: 1, maxLength: 100 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 5 }), (actions, every, stopAfterPolls) => {
        const full = runScript(actions);
        // The same script, run in cancellable chunks.
        const sim = new Simulation();
        const chunked = loadScript(sim, actions);
        let polls = 0;
        let chunks = 0;
        for (;;) {
          const r = sim.run({ shouldCancel: () => ++polls % (stopAfterPolls + 1) === 0, cancelCheckEveryEvents: every });
          chunks++;
          if (r.outcome === 'exhausted') break;
          expect(r.outcome).toBe('cancelled');
          expect(chunks).toBeLessThan(10_000);
        }
        expect(chunked.fired).toEqual(full.fired);
      }),
      SETTINGS,
    );
  });
});

/** A small stochastic process model: entities fail and get repaired; one shared crew signal. */
function runModel(seed: string | number, entityIds: string[], horizonUs: number) {
  const sim = new Simulation();
  const root = createRoot(seed);
  const rec = new Recorder({ slotUs: 1_000_000, maxLogEntries: 100_000 });
  const crewFree = sim.signal<string>({ name: 'crewFree' });
  const perEntity = new Map<string, string[]>();
  for (const id of entityIds) {
    const rng = root.stream(id);
    const failures = rng.child('failures');
    const trace: string[] = [];
    perEntity.set(id, trace);
    sim.process(function* (): ProcessGenerator {
      for (;;) {
        yield Math.round(failures.exponential(1 / 3_000_000)); // mean 3 s up
        trace.push(`failed@${sim.nowUs}`);
        rec.log(sim.nowUs, 'EntityFailed', { id });
        rec.count('failures');
        yield 1 + rng.poisson(400_000); // repair time around 0.4 s
        rec.add('repairs', sim.nowUs, 1);
        trace.push(`repaired@${sim.nowUs}:${rng.uniformInt(0, 1000)}`);
        crewFree.trigger(id);
      }
    }, { name: id });
  }
  const woken: string[] = [];
  sim.process(function* () {
    for (;;) woken.push(`${yield crewFree}@${sim.nowUs}`);
  });
  sim.runUntil(horizonUs);
  return { perEntity, log: rec.logged.map((e) => `${e.atUs}:${JSON.stringify(e.data)}`), repairs: rec.series('repairs'), woken, events: sim.eventsRun };
}

describe('determinism', () => {
  it('same seed → identical trace, across many seeds and entity sets', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.integer()),
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }),
        (seed, ids) => {
          const a = runModel(seed, ids, 20_000_000);
          const b = runModel(seed, ids, 20_000_000);
          expect(b).toEqual(a);
          expect(a.events).toBeGreaterThan(0);
        },
      ),
      { seed: 42, numRuns: 40 },
    );
  });

  it('adding an entity leaves every other entity’s draws (and so its own history) unchanged', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 8 }),
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 2, maxLength: 6 }),
        (seed, ids) => {
          const [extra, ...others] = ids;
          const without = runModel(seed, others, 20_000_000);
          const withExtra = runModel(seed, [...others.slice(0, 1), extra, ...others.slice(1)], 20_000_000);
          for (const id of others) expect(withExtra.perEntity.get(id)).toEqual(without.perEntity.get(id));
        },
      ),
      { seed: 42, numRuns: 40 },
    );
  });

  it('a stream’s draws do not depend on other streams being created or drawn from in between', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.array(fc.string({ minLength: 1, maxLength: 5 }), { maxLength: 5 }), (seed, noiseIds) => {
        const alone = createRoot(seed).stream('target');
        const expected = Array.from({ length: 20 }, () => alone.normal(0, 1) + alone.poisson(20) + alone.uniform());
        const root = createRoot(seed);
        const target = root.stream('target');
        const got: number[] = [];
        for (let i = 0; i < 20; i++) {
          for (const id of noiseIds) root.stream(id).uniform();
          got.push(target.normal(0, 1) + target.poisson(20) + target.uniform());
        }
        expect(got).toEqual(expected);
      }),
      SETTINGS,
    );
  });
});
