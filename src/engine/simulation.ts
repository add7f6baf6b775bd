// The discrete-event simulation clock and run loop: schedule callbacks, run them in
// (time, priority, insertion) order, start processes, report progress and honour cancellation.

import { EventQueue, type EventHandle } from './event-queue.js';
import { Process, type ProcessGenerator } from './process.js';
import { Signal, type SignalOptions } from './signal.js';

export type EventCallback = () => void;

export interface SimulationOptions {
  /** Clock value before the first event; default 0. */
  startUs?: number;
  /** Pre-sized pending-event capacity (grows as needed). */
  initialCapacity?: number;
}

export interface RunOptions {
  /** Stop after this many events in this call (a safety bound); default unbounded. */
  maxEvents?: number;
  /** Polled before the first event and then every cancelCheckEveryEvents events; true stops the run. */
  shouldCancel?: () => boolean;
  /** Default 1000: often enough for a responsive UI, rare enough to cost nothing. */
  cancelCheckEveryEvents?: number;
}

/** Why a run returned. */
export type RunOutcome = 'exhausted' | 'reachedUntil' | 'stopped' | 'cancelled' | 'maxEvents';

export interface RunResult {
  outcome: RunOutcome;
  /** True when shouldCancel() asked the run to stop. */
  cancelled: boolean;
  /** Events executed by this call. */
  eventsRun: number;
  nowUs: number;
}

export interface ProcessOptions {
  name?: string;
  /** Priority of this process's resume events (lower runs first at equal times); default 0. */
  priority?: number;
}

interface ProgressListener {
  fn: (nowUs: number) => void;
  everyUs: number;
  nextAtUs: number;
}

export class Simulation {
  private readonly queue: EventQueue<EventCallback>;
  private now: number;
  private totalEvents = 0;
  private running = false;
  private stopRequested = false;
  private processCount = 0;
  private progressListeners: ProgressListener[] = [];
  // Min of the listeners' nextAtUs, so the hot loop pays one comparison per event.
  private nextProgressAtUs = Infinity;

  constructor(options: SimulationOptions = {}) {
    const startUs = options.startUs ?? 0;
    if (!Number.isSafeInteger(startUs) || startUs < 0) {
      throw new RangeError(`startUs must be a safe integer ≥ 0, got ${startUs}`);
    }
    this.now = startUs;
    this.queue = new EventQueue<EventCallback>(options.initialCapacity ?? 1024);
  }

  /** Current simulation time in µs. */
  get nowUs(): number {
    return this.now;
  }

  /** Events executed since construction. */
  get eventsRun(): number {
    return this.totalEvents;
  }

  /** Scheduled events not yet run or cancelled. */
  get pendingCount(): number {
    return this.queue.size;
  }

  /** Time of the next pending event, or Infinity. */
  peekAtUs(): number {
    return this.queue.peekAtUs();
  }

  /** Runs fn after delayUs (integer µs ≥ 0). Lower priority runs first at equal times. */
  schedule(delayUs: number, fn: EventCallback, priority = 0): EventHandle {
    if (!Number.isSafeInteger(delayUs) || delayUs < 0) {
      throw new RangeError(`delayUs must be a safe integer ≥ 0, got ${delayUs}`);
    }
    if (typeof fn !== 'function') throw new TypeError(`fn must be a function, got ${typeof fn}`);
    return this.queue.push(this.now + delayUs, fn, priority);
  }

  /** Runs fn at absolute time atUs (integer µs ≥ nowUs). */
  scheduleAt(atUs: number, fn: EventCallback, priority = 0): EventHandle {
    if (!Number.isSafeInteger(atUs) || atUs < this.now) {
      throw new RangeError(`atUs must be a safe integer ≥ nowUs (${this.now}), got ${atUs}`);
    }
    if (typeof fn !== 'function') throw new TypeError(`fn must be a function, got ${typeof fn}`);
    return this.queue.push(atUs, fn, priority);
  }

  /** Cancels a pending event; false if it already ran or was cancelled. */
  cancel(handle: EventHandle): boolean {
    return this.queue.cancel(handle);
  }

  isPending(handle: EventHandle): boolean {
    return this.queue.isPending(handle);
  }

  /** Starts a process at the current time (as an event, so creation order is start order). */
  process<R>(body: ProcessGenerator<R> | (() => ProcessGenerator<R>), options: ProcessOptions = {}): Process<R> {
    const generator = typeof body === 'function' ? body() : body;
    if (generator === null || typeof generator !== 'object' || typeof generator.next !== 'function') {
      throw new TypeError(`body must be a generator or a generator function, got ${typeof generator}`);
    }
    const name = options.name ?? `process#${this.processCount}`;
    this.processCount++;
    return new Process<R>(this, generator, name, options.priority ?? 0);
  }

  /** A new Signal bound to this simulation (see SignalOptions for once vs. edge-triggered). */
  signal<T = void>(options: SignalOptions = {}): Signal<T> {
    return new Signal<T>(this, options);
  }

  /**
   * Calls fn(nowUs) when sim time first reaches or passes each multiple of everyUs (at most once
   * per clock advance, however many multiples it skips). Returns a function that removes it.
   */
  onProgress(fn: (nowUs: number) => void, everyUs: number): () => void {
    if (typeof fn !== 'function') throw new TypeError(`fn must be a function, got ${typeof fn}`);
    if (!Number.isSafeInteger(everyUs) || everyUs <= 0) {
      throw new RangeError(`everyUs must be a safe integer > 0, got ${everyUs}`);
    }
    const listener: ProgressListener = { fn, everyUs, nextAtUs: nextMultipleAfter(this.now, everyUs) };
    this.progressListeners.push(listener);
    this.recomputeNextProgress();
    return () => {
      this.progressListeners = this.progressListeners.filter((l) => l !== listener);
      this.recomputeNextProgress();
    };
  }

  /** Asks the current run to return after the event that is executing. */
  stop(): void {
    this.stopRequested = true;
  }

  /** Runs the next event. Returns false (and does nothing) when none is pending. */
  step(): boolean {
    this.enterRun();
    try {
      const atUs = this.queue.peekAtUs();
      if (atUs === Infinity) return false;
      this.advanceTo(atUs);
      this.totalEvents++;
      this.queue.pop()!();
      return true;
    } finally {
      this.running = false;
    }
  }

  /**
   * Runs every event with atUs ≤ untilUs, then sets nowUs = untilUs. If the run is stopped,
   * cancelled or hits maxEvents first, nowUs stays at the last event so a later call resumes exactly.
   */
  runUntil(untilUs: number, options: RunOptions = {}): RunResult {
    if (!Number.isSafeInteger(untilUs) || untilUs < this.now) {
      throw new RangeError(`untilUs must be a safe integer ≥ nowUs (${this.now}), got ${untilUs}`);
    }
    const result = this.loop(untilUs, 'reachedUntil', options);
    if (result.outcome === 'reachedUntil') {
      this.advanceTo(untilUs);
      result.nowUs = untilUs;
    }
    return result;
  }

  /** Runs until no events remain (or stop/cancel/maxEvents). */
  run(options: RunOptions = {}): RunResult {
    // Every event time is a safe integer, so this bound only excludes the empty queue's Infinity.
    return this.loop(Number.MAX_SAFE_INTEGER, 'exhausted', options);
  }

  private loop(untilUs: number, outcomeWhenPast: RunOutcome, options: RunOptions): RunResult {
    const maxEvents = options.maxEvents ?? Infinity;
    if (maxEvents !== Infinity && (!Number.isSafeInteger(maxEvents) || maxEvents < 0)) {
      throw new RangeError(`maxEvents must be a safe integer ≥ 0 or Infinity, got ${maxEvents}`);
    }
    const shouldCancel = options.shouldCancel;
    const checkEvery = options.cancelCheckEveryEvents ?? 1000;
    if (!Number.isSafeInteger(checkEvery) || checkEvery < 1) {
      throw new RangeError(`cancelCheckEveryEvents must be a safe integer ≥ 1, got ${checkEvery}`);
    }
    this.enterRun();
    this.stopRequested = false;
    const queue = this.queue;
    let outcome: RunOutcome;
    let eventsRun = 0;
    let untilCheck = 0; // 0 → poll before the first event
    try {
      for (;;) {
        if (this.stopRequested) {
          outcome = 'stopped';
          break;
        }
        if (shouldCancel !== undefined && untilCheck-- === 0) {
          untilCheck = checkEvery - 1;
          if (shouldCancel()) {
            outcome = 'cancelled';
            break;
          }
        }
        const atUs = queue.peekAtUs();
        if (atUs > untilUs) {
          outcome = outcomeWhenPast;
          break;
        }
        if (eventsRun >= maxEvents) {
          outcome = 'maxEvents';
          break;
        }
        this.advanceTo(atUs);
        eventsRun++;
        this.totalEvents++;
        queue.pop()!();
      }
    } finally {
      this.running = false;
    }
    return { outcome, cancelled: outcome === 'cancelled', eventsRun, nowUs: this.now };
  }

  private advanceTo(atUs: number): void {
    // Guards the queue invariant; scheduling rejects past times, so this firing means an engine bug.
    if (atUs < this.now) throw new Error(`time went backwards: ${atUs} < nowUs ${this.now}`);
    this.now = atUs;
    if (atUs >= this.nextProgressAtUs) this.fireProgress();
  }

  private fireProgress(): void {
    for (const listener of this.progressListeners) {
      if (this.now >= listener.nextAtUs) {
        listener.nextAtUs = nextMultipleAfter(this.now, listener.everyUs);
        listener.fn(this.now);
      }
    }
    this.recomputeNextProgress();
  }

  private recomputeNextProgress(): void {
    let next = Infinity;
    for (const listener of this.progressListeners) next = Math.min(next, listener.nextAtUs);
    this.nextProgressAtUs = next;
  }

  private enterRun(): void {
    // A nested run from inside an event would execute events out of the caller's context.
    if (this.running) throw new Error('step/run/runUntil called from inside a running event');
    this.running = true;
  }
}

function nextMultipleAfter(atUs: number, everyUs: number): number {
  return (Math.floor(atUs / everyUs) + 1) * everyUs;
}

export function createSimulation(options: SimulationOptions = {}): Simulation {
  return new Simulation(options);
}
