// Records what a model reports: named counters, per-slot time series and a bounded event log.
// Slots are fixed-length intervals of sim time (slot i covers [i·slotUs, (i+1)·slotUs)).

/** How values recorded into one slot combine; fixed per series by its first use. */
export type SeriesKind = 'sum' | 'last' | 'max';

export interface LogEntry {
  atUs: number;
  /** Past-tense name of what happened, e.g. 'RigFailed'. */
  type: string;
  data: unknown;
}

export interface RecorderOptions {
  /** Slot length in µs, e.g. 900_000_000 for 15 minutes. */
  slotUs: number;
  /** Log entries kept; later ones are counted in droppedLogEntries, not stored. Default 10,000. */
  maxLogEntries?: number;
}

const MAX_SLOTS = 2 ** 26;

interface Series {
  kind: SeriesKind;
  values: Float64Array;
  // 1 where the slot holds a recorded value: 'last' carries forward from it, 'max' compares with it.
  written: Uint8Array;
}

export class Recorder {
  readonly slotUs: number;
  readonly maxLogEntries: number;
  private readonly counterValues = new Map<string, number | bigint>();
  private readonly seriesByName = new Map<string, Series>();
  private highestSlot = -1;
  private readonly logEntries: LogEntry[] = [];
  private dropped = 0;

  constructor(options: RecorderOptions) {
    if (!Number.isSafeInteger(options.slotUs) || options.slotUs <= 0) {
      throw new RangeError(`slotUs must be a safe integer > 0, got ${options.slotUs}`);
    }
    const maxLogEntries = options.maxLogEntries ?? 10_000;
    if (!Number.isSafeInteger(maxLogEntries) || maxLogEntries < 0) {
      throw new RangeError(`maxLogEntries must be a safe integer ≥ 0, got ${maxLogEntries}`);
    }
    this.slotUs = options.slotUs;
    this.maxLogEntries = maxLogEntries;
  }

  // ---- counters ----

  /** Adds delta (default 1) to a counter. A counter stays the type (number or bigint) it started with. */
  count(name: string, delta: number | bigint = 1): void {
    checkName(name);
    const current = this.counterValues.get(name);
    if (typeof delta === 'number' && !Number.isFinite(delta)) {
      throw new RangeError(`delta must be finite, got ${delta}`);
    }
    if (current === undefined) {
      this.counterValues.set(name, delta);
    } else if (typeof current !== typeof delta) {
      throw new TypeError(`counter '${name}' holds a ${typeof current}; delta must be one too, got ${typeof delta}`);
    } else {
      this.counterValues.set(name, (current as number) + (delta as number));
    }
  }

  /** The counter's value, or 0 if it was never counted. */
  counter(name: string): number | bigint {
    return this.counterValues.get(name) ?? 0;
  }

  /** All counters, sorted by name so output is stable. */
  counters(): Record<string, number | bigint> {
    const out: Record<string, number | bigint> = {};
    for (const name of [...this.counterValues.keys()].sort()) out[name] = this.counterValues.get(name)!;
    return out;
  }

  // ---- time series ----

  /** Sums value into the slot containing atUs. */
  add(name: string, atUs: number, value: number): void {
    const slot = this.slotOf(atUs);
    const series = this.seriesFor(name, 'sum', slot, value);
    series.values[slot] += value;
    series.written[slot] = 1;
  }

  /** Sets the slot's value; the last call for a slot wins (by call order, not atUs). */
  set(name: string, atUs: number, value: number): void {
    const slot = this.slotOf(atUs);
    const series = this.seriesFor(name, 'last', slot, value);
    series.values[slot] = value;
    series.written[slot] = 1;
  }

  /** Keeps the largest value recorded in the slot. */
  max(name: string, atUs: number, value: number): void {
    const slot = this.slotOf(atUs);
    const series = this.seriesFor(name, 'max', slot, value);
    if (series.written[slot] === 0 || value > series.values[slot]) series.values[slot] = value;
    series.written[slot] = 1;
  }

  /** Highest slot any series has touched (-1 if none). */
  get lastSlot(): number {
    return this.highestSlot;
  }

  seriesNames(): string[] {
    return [...this.seriesByName.keys()].sort();
  }

  seriesKind(name: string): SeriesKind | undefined {
    return this.seriesByName.get(name)?.kind;
  }

  /**
   * Dense values for slots 0..lastSlot (default: the highest slot of any series, so all series
   * align). Empty slots: 'sum' and 'max' give 0; 'last' carries the previous slot's value
   * forward (0 before the first set). Unknown names give all zeros.
   */
  series(name: string, lastSlot: number = this.highestSlot): number[] {
    if (!Number.isSafeInteger(lastSlot) || lastSlot < -1) {
      throw new RangeError(`lastSlot must be a safe integer ≥ -1, got ${lastSlot}`);
    }
    const out = new Array<number>(lastSlot + 1).fill(0);
    const series = this.seriesByName.get(name);
    if (series === undefined) return out;
    const stored = Math.min(series.values.length, lastSlot + 1);
    let carried = 0;
    for (let slot = 0; slot <= lastSlot; slot++) {
      const written = slot < stored && series.written[slot] === 1;
      if (series.kind === 'last') {
        if (written) carried = series.values[slot];
        out[slot] = carried;
      } else if (written) {
        out[slot] = series.values[slot];
      }
    }
    return out;
  }

  // ---- event log ----

  /** Appends an event; once maxLogEntries are stored, further ones are only counted. */
  log(atUs: number, type: string, data: unknown = undefined): void {
    checkTime(atUs);
    checkName(type, 'type');
    if (this.logEntries.length < this.maxLogEntries) {
      this.logEntries.push({ atUs, type, data });
    } else {
      this.dropped++;
    }
  }

  /** The stored log entries, in call order. */
  get logged(): readonly LogEntry[] {
    return this.logEntries;
  }

  /** Entries refused because the log was full. */
  get droppedLogEntries(): number {
    return this.dropped;
  }

  private slotOf(atUs: number): number {
    checkTime(atUs);
    const slot = Math.floor(atUs / this.slotUs);
    // Series are dense arrays, so a stray huge atUs would otherwise allocate gigabytes.
    if (slot >= MAX_SLOTS) {
      throw new RangeError(`atUs must fall within ${MAX_SLOTS} slots of ${this.slotUs} µs, got ${atUs}`);
    }
    return slot;
  }

  private seriesFor(name: string, kind: SeriesKind, slot: number, value: number): Series {
    checkName(name);
    if (!Number.isFinite(value)) throw new RangeError(`value must be finite, got ${value}`);
    let series = this.seriesByName.get(name);
    if (series === undefined) {
      series = { kind, values: new Float64Array(64), written: new Uint8Array(64) };
      this.seriesByName.set(name, series);
    } else if (series.kind !== kind) {
      throw new TypeError(`series '${name}' is a '${series.kind}' series; it cannot take a '${kind}' value`);
    }
    if (slot >= series.values.length) {
      // Doubling keeps appends amortised O(1) as the run moves through slots.
      let capacity = series.values.length * 2;
      while (capacity <= slot) capacity *= 2;
      const values = new Float64Array(capacity);
      values.set(series.values);
      const written = new Uint8Array(capacity);
      written.set(series.written);
      series.values = values;
      series.written = written;
    }
    if (slot > this.highestSlot) this.highestSlot = slot;
    return series;
  }
}

function checkTime(atUs: number): void {
  if (!Number.isSafeInteger(atUs) || atUs < 0) {
    throw new RangeError(`atUs must be a safe integer ≥ 0, got ${atUs}`);
  }
}

function checkName(name: string, argument = 'name'): void {
  if (typeof name !== 'string' || name.length === 0) {
    throw new RangeError(`${argument} must be a non-empty string, got ${typeof name === 'string' ? '""' : typeof name}`);
  }
}
