// Signal: something processes can wait on and callbacks can trigger with a value.
// Wake-ups are scheduled as events at the trigger time, never run inside trigger(), so no re-entrancy.

import type { EventHandle } from './event-queue.js';

/** The part of the simulation a Signal needs; keeps this file free of an import cycle. */
export interface Scheduler {
  readonly nowUs: number;
  schedule(delayUs: number, fn: () => void, priority?: number): EventHandle;
}

export interface SignalOptions {
  /** Name used in error messages. */
  name?: string;
  /**
   * A once-signal may trigger only one time and stays triggered (SimPy's Event):
   * waiters that arrive later wake at once with the stored value. A plain signal is
   * edge-triggered and reusable: trigger() wakes only the waiters present at that moment.
   */
  once?: boolean;
}

interface Waiter<T> {
  callback: (value: T) => void;
  priority: number;
  persistent: boolean;
  active: boolean;
}

export class Signal<T = void> {
  readonly name: string;
  readonly once: boolean;
  private waiters: Waiter<T>[] = [];
  private triggerCount = 0;
  private lastValue: T | undefined = undefined;

  constructor(
    private readonly scheduler: Scheduler,
    options: SignalOptions = {},
  ) {
    this.name = options.name ?? 'signal';
    this.once = options.once ?? false;
  }

  /** How many times trigger() has been called. */
  get timesTriggered(): number {
    return this.triggerCount;
  }

  /** The value of the latest trigger (undefined before the first). */
  get value(): T | undefined {
    return this.lastValue;
  }

  /** Wakes every current waiter at the current time, in the order they began waiting. Returns how many. */
  trigger(value: T): number {
    if (this.once && this.triggerCount > 0) {
      throw new Error(`once-signal '${this.name}' was already triggered`);
    }
    this.triggerCount++;
    this.lastValue = value;
    const waiters = this.waiters;
    // Persistent listeners stay subscribed; one-shot waiters are consumed by this trigger.
    this.waiters = this.once ? [] : waiters.filter((w) => w.persistent);
    for (const waiter of waiters) this.wake(waiter, value);
    return waiters.length;
  }

  /** Calls callback (as an event) on the next trigger only. Returns a function that unsubscribes. */
  wait(callback: (value: T) => void, priority = 0): () => void {
    return this.subscribe(callback, priority, false);
  }

  /** Calls callback (as an event) on every trigger until unsubscribed. Returns the unsubscribe function. */
  on(callback: (value: T) => void, priority = 0): () => void {
    return this.subscribe(callback, priority, true);
  }

  private subscribe(callback: (value: T) => void, priority: number, persistent: boolean): () => void {
    if (typeof callback !== 'function') {
      throw new TypeError(`callback must be a function, got ${typeof callback}`);
    }
    const waiter: Waiter<T> = { callback, priority, persistent, active: true };
    if (this.once && this.triggerCount > 0) {
      this.wake(waiter, this.lastValue as T);
    } else {
      this.waiters.push(waiter);
    }
    return () => {
      // Also stops a wake-up that was already scheduled but has not run yet.
      waiter.active = false;
      const index = this.waiters.indexOf(waiter);
      if (index >= 0) this.waiters.splice(index, 1);
    };
  }

  private wake(waiter: Waiter<T>, value: T): void {
    this.scheduler.schedule(
      0,
      () => {
        if (waiter.active) {
          if (!waiter.persistent) waiter.active = false;
          waiter.callback(value);
        }
      },
      waiter.priority,
    );
  }
}
