// The resource × slot price matrix behind the heat maps (DESIGN.md §1): one row per resource, one
// column per billing slot, µUSD per lot per slot.
import { shown } from '../ledger/exact.js';
import { checkAtUs, checkNonNegativeBigint, checkPositiveUs } from './_check.js';
import { isResourceId, type ResourceId } from './resources.js';

export interface PriceMatrix {
  readonly resources: readonly ResourceId[];
  /** Slot start times in µs, strictly increasing. */
  readonly slots: readonly number[];
  readonly slotUs: number;
  /** valuesMicroUsd[r][s]: price of resources[r] in the slot starting at slots[s]. */
  readonly valuesMicroUsd: readonly (readonly bigint[])[];
}

export interface PriceMatrixJson {
  resources: ResourceId[];
  slots: number[];
  slotUs: number;
  /** Decimal strings, so the JSON is exact and canonical. */
  valuesMicroUsd: string[][];
}

export class PriceMatrixRecorder {
  private readonly rows: bigint[][];
  private readonly slotStarts: number[] = [];

  constructor(
    readonly resources: readonly ResourceId[],
    readonly slotUs: number,
  ) {
    checkPositiveUs('slotUs', slotUs);
    if (resources.length === 0) throw new RangeError('resources must not be empty, got []');
    resources.forEach((r, i) => {
      if (!isResourceId(r)) throw new RangeError(`resources[${i}] must be a resource id, got ${shown(r)}`);
      if (resources.indexOf(r) !== i) throw new RangeError(`resources[${i}] must be unique, got ${shown(r)} twice`);
    });
    this.rows = resources.map(() => []);
  }

  /** Adds the column for one slot; every resource needs a price, slots must move forward. */
  record(slotStartUs: number, pricesMicroUsd: Readonly<Partial<Record<ResourceId, bigint>>>): void {
    checkAtUs('slotStartUs', slotStartUs);
    const last = this.slotStarts[this.slotStarts.length - 1];
    if (last !== undefined && slotStartUs <= last) throw new RangeError(`slotStartUs must be > the last slot's ${last}, got ${slotStartUs}`);
    const column = this.resources.map((r) => {
      const price = pricesMicroUsd[r];
      if (price === undefined) throw new RangeError(`pricesMicroUsd.${r} must be given, got undefined`);
      return checkNonNegativeBigint(`pricesMicroUsd.${r}`, price);
    });
    column.forEach((price, i) => this.rows[i]!.push(price));
    this.slotStarts.push(slotStartUs);
  }

  get slotCount(): number {
    return this.slotStarts.length;
  }

  toMatrix(): PriceMatrix {
    return { resources: [...this.resources], slots: [...this.slotStarts], slotUs: this.slotUs, valuesMicroUsd: this.rows.map((row) => [...row]) };
  }
}

export function priceMatrixToJson(matrix: PriceMatrix): PriceMatrixJson {
  return {
    resources: [...matrix.resources],
    slots: [...matrix.slots],
    slotUs: matrix.slotUs,
    valuesMicroUsd: matrix.valuesMicroUsd.map((row) => row.map((v) => v.toString())),
  };
}
