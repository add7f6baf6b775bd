// Spare parts on site, one stock per part kind, refilled one-for-one: each part taken orders a
// replacement that arrives restockLeadUs later (a base-stock policy, the simplest common rule).
import type { Simulation } from '../../engine/index.js';
import { checkCount, checkUs, shown } from './_check.js';
import { PART_KINDS, type PartKind, type PerPart } from './components.js';

export interface SpareSpec {
  /** Parts on the shelf at the start; Infinity for "never short". */
  initial: number;
  restockLeadUs: number;
}

export type RestockedHandler = (part: PartKind, atUs: number) => void;

export class SparesInventory {
  private readonly stock: PerPart<number>;
  private readonly onOrder: PerPart<number>;

  constructor(
    private readonly sim: Simulation,
    private readonly specs: PerPart<SpareSpec>,
    private readonly onRestocked: RestockedHandler,
  ) {
    checkSpares(specs);
    this.stock = { hashboard: 0, fan: 0, psu: 0, controller: 0 };
    this.onOrder = { hashboard: 0, fan: 0, psu: 0, controller: 0 };
    for (const part of PART_KINDS) this.stock[part] = specs[part].initial;
  }

  available(part: PartKind): number {
    return this.stock[part];
  }

  pendingOrders(part: PartKind): number {
    return this.onOrder[part];
  }

  /** Whether every listed part (with repeats) is on the shelf now. */
  has(parts: readonly PartKind[]): boolean {
    const needed = countParts(parts);
    return PART_KINDS.every((part) => needed[part] <= this.stock[part]);
  }

  /** Takes the parts (all must be on the shelf) and orders their replacements. */
  take(parts: readonly PartKind[]): void {
    if (!this.has(parts)) throw new RangeError(`parts must all be in stock, got ${shown(parts.join(','))}`);
    for (const part of parts) {
      this.stock[part]--;
      if (this.stock[part] === Infinity) continue;
      this.onOrder[part]++;
      this.sim.schedule(this.specs[part].restockLeadUs, () => {
        this.onOrder[part]--;
        this.stock[part]++;
        this.onRestocked(part, this.sim.nowUs);
      });
    }
  }
}

function countParts(parts: readonly PartKind[]): PerPart<number> {
  const counts: PerPart<number> = { hashboard: 0, fan: 0, psu: 0, controller: 0 };
  for (const part of parts) counts[part]++;
  return counts;
}

export function checkSpares(specs: PerPart<SpareSpec>, path = 'maintenance.spares'): PerPart<SpareSpec> {
  for (const part of PART_KINDS) {
    const spec = specs[part];
    if (spec.initial !== Infinity) checkCount(`${path}.${part}.initial`, spec.initial);
    checkUs(`${path}.${part}.restockLeadUs`, spec.restockLeadUs);
  }
  return specs;
}
