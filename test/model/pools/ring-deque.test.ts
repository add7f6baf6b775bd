// The ring buffer behind the PPLNS window: FIFO order through growth and wrap-around.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RingDeque } from '../../../src/model/pools/ring-deque.js';

describe('RingDeque', () => {
  it('behaves like an array queue under random pushes and shifts', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.integer(), fc.constant(null)), { maxLength: 300 }), (ops) => {
      const deque = new RingDeque<number>();
      const model: number[] = [];
      for (const op of ops) {
        if (op === null) expect(deque.shift()).toBe(model.shift());
        else {
          deque.push(op);
          model.push(op);
        }
        expect(deque.length).toBe(model.length);
        expect(deque.oldest()).toBe(model[0]);
        expect(deque.newest()).toBe(model[model.length - 1]);
        for (let i = 0; i < model.length; i += 7) expect(deque.fromNewest(i)).toBe(model[model.length - 1 - i]);
      }
    }), { seed: 17, numRuns: 200 });
  });

  it('rejects out-of-range reads', () => {
    const deque = new RingDeque<string>();
    deque.push('a');
    expect(() => deque.fromNewest(1)).toThrow(/i must be an integer in \[0, 1\), got 1/);
  });
});
