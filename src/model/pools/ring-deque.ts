// A growable ring buffer used as a FIFO with access from the newest end: the PPLNS share window
// pushes at one end and drops at the other, O(1) amortised, memory bounded by what it holds.

export class RingDeque<T> {
  private buffer: (T | undefined)[] = new Array(16);
  private head = 0; // index of the oldest item
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(item: T): void {
    if (this.count === this.buffer.length) this.grow();
    this.buffer[(this.head + this.count) & (this.buffer.length - 1)] = item;
    this.count += 1;
  }

  /** Removes and returns the oldest item. */
  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const item = this.buffer[this.head];
    this.buffer[this.head] = undefined; // let it be collected
    this.head = (this.head + 1) & (this.buffer.length - 1);
    this.count -= 1;
    return item;
  }

  oldest(): T | undefined {
    return this.count === 0 ? undefined : this.buffer[this.head];
  }

  newest(): T | undefined {
    return this.count === 0 ? undefined : this.buffer[(this.head + this.count - 1) & (this.buffer.length - 1)];
  }

  /** i = 0 is the newest item, length − 1 the oldest. */
  fromNewest(i: number): T {
    if (!Number.isInteger(i) || i < 0 || i >= this.count) throw new RangeError(`i must be an integer in [0, ${this.count}), got ${i}`);
    return this.buffer[(this.head + this.count - 1 - i) & (this.buffer.length - 1)]!;
  }

  private grow(): void {
    // Capacity stays a power of two so index wrap-around is a mask.
    const next = new Array<T | undefined>(this.buffer.length * 2);
    for (let i = 0; i < this.count; i++) next[i] = this.buffer[(this.head + i) & (this.buffer.length - 1)];
    this.buffer = next;
    this.head = 0;
  }
}
