// Processes and signals: delays, waiting on signals and processes, interrupts, bad yields.
import { describe, expect, it } from 'vitest';
import { Interrupt, Simulation, type ProcessGenerator } from '../../src/engine/index.js';

describe('processes', () => {
  it('yielding a number waits that many µs; processes start in creation order at the current time', () => {
    const sim = new Simulation();
    const trace: string[] = [];
    function* worker(name: string, periodUs: number): ProcessGenerator<string> {
      for (let i = 0; i < 3; i++) {
        trace.push(`${name}@${sim.nowUs}`);
        yield periodUs;
      }
      return `${name} done`;
    }
    const a = sim.process(() => worker('a', 10));
    const b = sim.process(worker('b', 15), { name: 'b' });
    sim.run();
    expect(trace).toEqual(['a@0', 'b@0', 'a@10', 'b@15', 'a@20', 'b@30']);
    expect(a.isAlive).toBe(false);
    expect(a.returnValue).toBe('a done');
    expect(b.name).toBe('b');
    expect(sim.nowUs).toBe(45);
  });

  it('waits on a signal and receives the triggered value', () => {
    const sim = new Simulation();
    const ready = sim.signal<number>({ name: 'ready' });
    const got: string[] = [];
    sim.process(function* () {
      const value: number = yield ready;
      got.push(`first ${value}@${sim.nowUs}`);
      const again: number = yield ready;
      got.push(`second ${again}@${sim.nowUs}`);
    });
    sim.schedule(7, () => expect(ready.trigger(70)).toBe(1));
    sim.schedule(9, () => ready.trigger(90));
    sim.run();
    expect(got).toEqual(['first 70@7', 'second 90@9']);
    expect(ready.timesTriggered).toBe(2);
    expect(ready.value).toBe(90);
  });

  it('an edge signal only wakes current waiters; a once-signal wakes late waiters too', () => {
    const sim = new Simulation();
    const edge = sim.signal<string>();
    const latch = sim.signal<string>({ once: true });
    const got: string[] = [];
    edge.trigger('nobody listening');
    latch.trigger('latched');
    expect(() => latch.trigger('again')).toThrow(/already triggered/);
    sim.process(function* () {
      got.push(yield latch);
      got.push(yield edge);
    });
    sim.schedule(3, () => edge.trigger('edge'));
    sim.run();
    expect(got).toEqual(['latched', 'edge']);
  });

  it('callbacks can wait once or listen on every trigger, and unsubscribe', () => {
    const sim = new Simulation();
    const signal = sim.signal<number>();
    const once: number[] = [];
    const every: number[] = [];
    signal.wait((v) => once.push(v));
    const stop = signal.on((v) => every.push(v));
    const cancelled = signal.wait((v) => once.push(-v));
    cancelled();
    for (const t of [1, 2, 3]) sim.scheduleAt(t, () => signal.trigger(t));
    // Priority 10 runs after the wake-up (priority 0) scheduled by the trigger at 2.
    sim.scheduleAt(2, () => stop(), 10);
    sim.run();
    expect(once).toEqual([1]);
    expect(every).toEqual([1, 2]);
  });

  it('a process can join another process and gets its return value', () => {
    const sim = new Simulation();
    const child = sim.process(function* () {
      yield 25;
      return 'result';
    });
    let joined = '';
    sim.process(function* () {
      joined = `${yield child}@${sim.nowUs}`;
      // joining an already finished process resumes at once
      joined += ` then ${yield child}@${sim.nowUs}`;
    });
    sim.run();
    expect(joined).toBe('result@25 then result@25');
  });

  it('interrupt throws Interrupt at the current yield and abandons the pending wait', () => {
    const sim = new Simulation();
    const log: string[] = [];
    const machine = sim.process(function* () {
      for (;;) {
        try {
          log.push(`working@${sim.nowUs}`);
          yield 100;
          log.push(`finished job@${sim.nowUs}`);
        } catch (error) {
          if (!(error instanceof Interrupt)) throw error;
          log.push(`interrupted (${String(error.cause)})@${sim.nowUs}`);
          yield 30; // repair
          return 'retired';
        }
      }
    });
    sim.schedule(40, () => expect(machine.interrupt('failure')).toBe(true));
    sim.run();
    expect(log).toEqual(['working@0', 'interrupted (failure)@40']);
    expect(machine.returnValue).toBe('retired');
    expect(sim.nowUs).toBe(70); // the abandoned wake-up at 100 was cancelled
    expect(machine.interrupt('too late')).toBe(false);
  });

  it('interrupting a process waiting on a signal detaches it from the signal', () => {
    const sim = new Simulation();
    const signal = sim.signal();
    const log: string[] = [];
    const p = sim.process(function* () {
      try {
        yield signal;
        log.push('woken');
      } catch {
        log.push(`interrupted@${sim.nowUs}`);
      }
    });
    sim.schedule(5, () => p.interrupt());
    sim.schedule(6, () => expect(signal.trigger()).toBe(0));
    sim.run();
    expect(log).toEqual(['interrupted@5']);
  });

  it('fails fast on a bad yield or an error inside a process', () => {
    const bad = new Simulation();
    bad.process(function* () {
      yield -5;
    }, { name: 'neg' });
    expect(() => bad.run()).toThrow("process 'neg' yielded delayUs -5; it must be a safe integer ≥ 0");

    const weird = new Simulation();
    const p = weird.process(function* () {
      yield 'soon' as unknown as number;
    });
    expect(() => weird.run()).toThrow(TypeError);
    expect(p.isAlive).toBe(false);

    const throwing = new Simulation();
    throwing.process(function* () {
      yield 1;
      throw new Error('boom');
    });
    expect(() => throwing.run()).toThrow('boom');
    expect(() => throwing.process(42 as unknown as () => ProcessGenerator)).toThrow(TypeError);
  });
});
