// SimPy-style processes: a generator that yields a delay in µs, a Signal, or another Process
// to wait on, and is resumed by the simulation with the value it waited for.

import type { EventHandle } from './event-queue.js';
import { Signal, type Scheduler } from './signal.js';

/** What a process generator may yield: a delay in µs, a signal to wait on, or a process to join. */
export type ProcessYield = number | Signal<any> | Process<any>;
/** The resumed value is whatever was waited for (undefined after a delay), hence `any`. */
export type ProcessGenerator<R = void> = Generator<ProcessYield, R, any>;

export interface ProcessScheduler extends Scheduler {
  cancel(handle: EventHandle): boolean;
}

/** Thrown into a process at its current yield by Process.interrupt(). */
export class Interrupt extends Error {
  constructor(cause: unknown) {
    super('process interrupted', { cause });
    this.name = 'Interrupt';
  }
}

export class Process<R = void> {
  /** Triggered once with the generator's return value; yield it (or the process) to join. */
  readonly done: Signal<R>;
  private alive = true;
  // At most one of these is set: what the process is currently waiting on.
  private timeoutHandle: EventHandle = -1;
  private unsubscribe: (() => void) | null = null;
  // Bound once so waiting allocates no closure per yield.
  private readonly resumeAfterDelay = (): void => {
    this.timeoutHandle = -1;
    this.advance(undefined, false);
  };
  private readonly resumeWithValue = (value: unknown): void => {
    this.unsubscribe = null;
    this.advance(value, false);
  };

  constructor(
    private readonly scheduler: ProcessScheduler,
    private readonly generator: ProcessGenerator<R>,
    readonly name: string,
    readonly priority: number,
  ) {
    this.done = new Signal<R>(scheduler, { name: `${name}.done`, once: true });
    // Start as an event at the current time, like SimPy's Initialize, so creation order = start order.
    scheduler.schedule(0, () => this.advance(undefined, false), priority);
  }

  get isAlive(): boolean {
    return this.alive;
  }

  /** The generator's return value once finished. */
  get returnValue(): R | undefined {
    return this.done.value;
  }

  /**
   * Throws an Interrupt(cause) into the generator at its current yield, delivered as an event
   * at the current time; whatever it was waiting on is abandoned. Returns false if it has ended.
   */
  interrupt(cause?: unknown): boolean {
    if (!this.alive) return false;
    this.scheduler.schedule(
      0,
      () => {
        // The start event has the same priority and an earlier seq, so the generator is suspended here.
        if (!this.alive) return;
        this.abandonWait();
        this.advance(new Interrupt(cause), true);
      },
      this.priority,
    );
    return true;
  }

  private abandonWait(): void {
    if (this.timeoutHandle !== -1) {
      this.scheduler.cancel(this.timeoutHandle);
      this.timeoutHandle = -1;
    }
    if (this.unsubscribe !== null) {
      this.unsubscribe();
      this.unsubscribe = null;
    }
  }

  private advance(input: unknown, isThrow: boolean): void {
    let result: IteratorResult<ProcessYield, R>;
    try {
      result = isThrow ? this.generator.throw(input) : this.generator.next(input);
    } catch (error) {
      // An uncaught error ends the process and the run: fail fast rather than hide it.
      this.alive = false;
      throw error;
    }
    if (result.done) {
      this.alive = false;
      this.done.trigger(result.value);
      return;
    }
    const awaited = result.value;
    if (typeof awaited === 'number') {
      if (!Number.isSafeInteger(awaited) || awaited < 0) {
        this.alive = false;
        throw new RangeError(`process '${this.name}' yielded delayUs ${awaited}; it must be a safe integer ≥ 0`);
      }
      this.timeoutHandle = this.scheduler.schedule(awaited, this.resumeAfterDelay, this.priority);
    } else if (awaited instanceof Signal) {
      this.unsubscribe = awaited.wait(this.resumeWithValue, this.priority);
    } else if (awaited instanceof Process) {
      this.unsubscribe = awaited.done.wait(this.resumeWithValue, this.priority);
    } else {
      this.alive = false;
      throw new TypeError(
        `process '${this.name}' yielded ${String(awaited)}; expected a delay in µs (number), a Signal or a Process`,
      );
    }
  }
}
