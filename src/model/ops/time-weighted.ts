// A piecewise-constant quantity and its integral over sim time (value·µs), for time-weighted KPIs
// such as rigs running, hashrate delivered and technicians busy.

export class TimeWeighted {
  private current: number;
  private integral = 0;
  private lastAtUs: number;

  constructor(atUs: number, value = 0) {
    this.lastAtUs = atUs;
    this.current = value;
  }

  get value(): number {
    return this.current;
  }

  set(value: number, atUs: number): void {
    this.advance(atUs);
    this.current = value;
  }

  add(delta: number, atUs: number): void {
    this.set(this.current + delta, atUs);
  }

  /** ∫ value dt from the start to atUs, in value·µs. */
  integralTo(atUs: number): number {
    if (atUs < this.lastAtUs) throw new RangeError(`atUs must be ≥ the last update (${this.lastAtUs}), got ${atUs}`);
    return this.integral + this.current * (atUs - this.lastAtUs);
  }

  private advance(atUs: number): void {
    this.integral = this.integralTo(atUs);
    this.lastAtUs = atUs;
  }
}
