// Discrete-event engine throughput: a steady population of pending events, each callback scheduling
// its successor (the shape of the twin's exact mode), through Simulation, EventQueue alone and
// generator processes, against a plain binary heap of {t, seq, fn} objects doing the same work.
import { EventQueue, Simulation } from '../src/engine/index.js';
import { rateOf, withRatios, type Row } from './measure.js';

const SECTION = 'Engine, 10k pending events, each schedules its successor (events/s)';
const BASELINE = 'binary heap of {t, seq, fn} objects';
/** Pending events at every moment: a fleet of 10,000 rigs, one share event each. */
const PENDING = 10_000;
const EVENTS_PER_BATCH = 1 << 20;
/** Delays are uniform in [1, 2 · MEAN_DELAY_US]; equal times occur, so the seq tie-break is exercised. */
const MEAN_DELAY_US = 10_000_000;

/**
 * xorshift32: every contender draws the same delay sequence at the same cost, and the draw is cheap
 * next to a heap operation, so the figures compare the queues rather than the generator.
 */
function delayStream(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return 1 + (state % (2 * MEAN_DELAY_US));
  };
}

type HeapEntry = { t: number; seq: number; fn: () => void };

/**
 * The baseline: the textbook binary min-heap on (t, seq) over an array of entry objects, one object
 * per scheduled event. Straightforward and correct, no tricks.
 */
export class ObjectHeap {
  private readonly entries: HeapEntry[] = [];
  private nextSeq = 0;
  nowUs = 0;

  get size(): number {
    return this.entries.length;
  }

  schedule(delayUs: number, fn: () => void): void {
    const entries = this.entries;
    entries.push({ t: this.nowUs + delayUs, seq: this.nextSeq++, fn });
    let i = entries.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(entries[i], entries[parent])) break;
      swap(entries, i, parent);
      i = parent;
    }
  }

  /** Runs the earliest entry; false when none is left. */
  step(): boolean {
    const entries = this.entries;
    if (entries.length === 0) return false;
    const top = entries[0];
    const last = entries.pop()!;
    if (entries.length > 0) {
      entries[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < entries.length && before(entries[left], entries[smallest])) smallest = left;
        if (right < entries.length && before(entries[right], entries[smallest])) smallest = right;
        if (smallest === i) break;
        swap(entries, i, smallest);
        i = smallest;
      }
    }
    this.nowUs = top.t;
    top.fn();
    return true;
  }
}

function before(a: HeapEntry, b: HeapEntry): boolean {
  return a.t < b.t || (a.t === b.t && a.seq < b.seq);
}

function swap(entries: HeapEntry[], i: number, j: number): void {
  const entry = entries[i];
  entries[i] = entries[j];
  entries[j] = entry;
}

let sink = 0;

function objectHeapBatch(): () => void {
  const heap = new ObjectHeap();
  const nextDelay = delayStream(1);
  const onEvent = () => {
    sink++;
    heap.schedule(nextDelay(), onEvent);
  };
  for (let i = 0; i < PENDING; i++) heap.schedule(nextDelay(), onEvent);
  return () => {
    for (let i = 0; i < EVENTS_PER_BATCH; i++) heap.step();
  };
}

function simulationBatch(): () => void {
  const sim = new Simulation({ initialCapacity: PENDING });
  const nextDelay = delayStream(1);
  const onEvent = () => {
    sink++;
    sim.schedule(nextDelay(), onEvent);
  };
  for (let i = 0; i < PENDING; i++) sim.schedule(nextDelay(), onEvent);
  return () => {
    sim.run({ maxEvents: EVENTS_PER_BATCH });
  };
}

/** The queue without the Simulation around it: what the clock, checks and run loop add. */
function eventQueueBatch(): () => void {
  const queue = new EventQueue<() => void>(PENDING);
  const nextDelay = delayStream(1);
  let nowUs = 0;
  const onEvent = () => {
    sink++;
    queue.push(nowUs + nextDelay(), onEvent);
  };
  for (let i = 0; i < PENDING; i++) queue.push(nextDelay(), onEvent);
  return () => {
    for (let i = 0; i < EVENTS_PER_BATCH; i++) {
      const fn = queue.pop()!;
      nowUs = queue.lastPoppedAtUs;
      fn();
    }
  };
}

function processBatch(): () => void {
  const sim = new Simulation({ initialCapacity: PENDING });
  const nextDelay = delayStream(1);
  function* rig() {
    for (;;) {
      sink++;
      yield nextDelay();
    }
  }
  for (let i = 0; i < PENDING; i++) sim.process(rig);
  return () => {
    sim.run({ maxEvents: EVENTS_PER_BATCH });
  };
}

export async function benchEngine(quick: boolean): Promise<Row[]> {
  const minSeconds = quick ? 0.3 : 1.5;
  const contenders: { name: string; make: () => () => void; note?: string }[] = [
    { name: 'Simulation.schedule + run', make: simulationBatch },
    { name: 'EventQueue push/pop alone', make: eventQueueBatch, note: 'no clock, checks or run loop' },
    { name: 'Simulation, generator processes', make: processBatch, note: 'each yields its next delay' },
    { name: BASELINE, make: objectHeapBatch },
  ];
  const rows: Row[] = contenders.map((c) => ({
    section: SECTION,
    name: c.name,
    unit: 'ev/s',
    rate: rateOf(c.make(), EVENTS_PER_BATCH, minSeconds),
    ...(c.note === undefined ? {} : { note: c.note }),
  }));
  if (sink < 0) throw new Error('unreachable: keeps the callbacks observable');
  return withRatios(rows, BASELINE);
}
