// EventQueue: ordering by (time, priority, insertion), lazy cancel, handle safety, validation.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventQueue, MAX_PRIORITY, MIN_PRIORITY } from '../../src/engine/index.js';

type Op =
  | { kind: 'push'; atUs: number; priority: number }
  | { kind: 'cancel'; pick: number }
  | { kind: 'pop' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('push' as const), atUs: fc.integer({ min: 0, max: 20 }), priority: fc.integer({ min: -2, max: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('pop' as const) }) },
);

describe('EventQueue', () => {
  it('pops in the order of a sort by (atUs, priority, seq) under random push/cancel/pop sequences', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 300 }), (ops) => {
        const queue = new EventQueue<{ seq: number }>(1); // capacity 1 forces growth paths
        const model: { atUs: number; priority: number; seq: number; handle: number; live: boolean }[] = [];
        let seq = 0;
        const popOne = () => {
          const live = model.filter((e) => e.live);
          live.sort((a, b) => a.atUs - b.atUs || a.priority - b.priority || a.seq - b.seq);
          const expected = live[0];
          const got = queue.pop();
          if (expected === undefined) {
            expect(got).toBeUndefined();
          } else {
            expect(got?.seq).toBe(expected.seq);
            expect(queue.lastPoppedAtUs).toBe(expected.atUs);
            expected.live = false;
          }
        };
        for (const op of ops) {
          if (op.kind === 'push') {
            const handle = queue.push(op.atUs, { seq }, op.priority);
            model.push({ ...op, seq, handle, live: true });
            seq++;
          } else if (op.kind === 'cancel') {
            if (model.length === 0) continue;
            const entry = model[op.pick % model.length];
            expect(queue.cancel(entry.handle)).toBe(entry.live);
            entry.live = false;
          } else {
            popOne();
          }
          expect(queue.size).toBe(model.filter((e) => e.live).length);
          const live = model.filter((e) => e.live).map((e) => e.atUs);
          expect(queue.peekAtUs()).toBe(live.length === 0 ? Infinity : Math.min(...live));
        }
        while (queue.size > 0) popOne();
        expect(queue.pop()).toBeUndefined();
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('keeps insertion order among equal (time, priority) and priority order among equal times', () => {
    const queue = new EventQueue<string>();
    queue.push(5, 'late');
    queue.push(1, 'b0', 0);
    queue.push(1, 'c1', 1);
    queue.push(1, 'a-1', -1);
    queue.push(1, 'b0-second', 0);
    queue.push(1, 'a-1-second', -1);
    const order: string[] = [];
    for (let item = queue.pop(); item !== undefined; item = queue.pop()) order.push(item);
    expect(order).toEqual(['a-1', 'a-1-second', 'b0', 'b0-second', 'c1', 'late']);
  });

  it('cancel is idempotent and a handle stays stale after its slot is reused', () => {
    const queue = new EventQueue<number>(2);
    const stale: number[] = [];
    for (let i = 0; i < 5000; i++) {
      stale.push(queue.push(i, i));
      expect(queue.pop()).toBe(i);
    }
    const live = queue.push(10_000, 42);
    for (const handle of stale) {
      expect(queue.cancel(handle)).toBe(false);
      expect(queue.isPending(handle)).toBe(false);
    }
    expect(queue.isPending(live)).toBe(true);
    expect(queue.cancel(live)).toBe(true);
    expect(queue.cancel(live)).toBe(false);
    expect(queue.size).toBe(0);
    expect(queue.pop()).toBeUndefined();
    expect(queue.cancel(-1)).toBe(false);
    expect(queue.cancel(1.5)).toBe(false);
  });

  it('clear() empties the queue and invalidates handles', () => {
    const queue = new EventQueue<number>();
    const h = queue.push(3, 3);
    queue.push(1, 1);
    queue.clear();
    expect(queue.size).toBe(0);
    expect(queue.cancel(h)).toBe(false);
    queue.push(2, 2);
    expect(queue.pop()).toBe(2);
  });

  it('rejects bad times and priorities, naming the argument and value', () => {
    const queue = new EventQueue<number>();
    expect(() => queue.push(1.5, 0)).toThrow(/atUs must be a safe integer.*got 1\.5/);
    expect(() => queue.push(2 ** 53, 0)).toThrow(RangeError);
    expect(() => queue.push(Number.NaN, 0)).toThrow(/got NaN/);
    expect(() => queue.push(0, 0, MAX_PRIORITY + 1)).toThrow(/priority must be an integer.*got 128/);
    expect(() => queue.push(0, 0, 0.5)).toThrow(RangeError);
    expect(() => new EventQueue(0)).toThrow(/initialCapacity/);
    queue.push(0, 1, MIN_PRIORITY);
    queue.push(0, 2, MAX_PRIORITY);
    expect(queue.pop()).toBe(1);
  });
});
