// Where a tenant's work goes. 'least-loaded': the node with the lowest utilisation history (EWMA)
// that fits the whole demand; 'first-fit': the first node in list order that fits. When no node fits
// it whole, the demand is split over the free capacity in the rule's order, and only what is left
// when every node is full bursts to third-party capacity.

export type PlacementRule = 'least-loaded' | 'first-fit';

export interface NodeLoad {
  readonly index: number;
  readonly capacityQuanta: bigint;
  readonly usedQuanta: bigint;
  /** Utilisation history (EWMA of per-slot utilisation). */
  readonly ewmaUtilisation: number;
}

export interface Placement {
  readonly parts: readonly { readonly index: number; readonly quanta: bigint }[];
  /** What no local node could take. */
  readonly burstQuanta: bigint;
}

/** Nodes in the order the rule prefers them. Ties: current utilisation, then list order. */
export function preferenceOrder(rule: PlacementRule, nodes: readonly NodeLoad[]): NodeLoad[] {
  if (rule === 'first-fit') return [...nodes].sort((a, b) => a.index - b.index);
  // used/capacity compared exactly by cross-multiplication.
  return [...nodes].sort((a, b) =>
    a.ewmaUtilisation - b.ewmaUtilisation
    || (a.usedQuanta * b.capacityQuanta < b.usedQuanta * a.capacityQuanta ? -1 : a.usedQuanta * b.capacityQuanta > b.usedQuanta * a.capacityQuanta ? 1 : 0)
    || a.index - b.index);
}

export function placeDemand(rule: PlacementRule, nodes: readonly NodeLoad[], demandQuanta: bigint): Placement {
  if (rule !== 'least-loaded' && rule !== 'first-fit') throw new RangeError(`rule must be 'least-loaded' or 'first-fit', got ${String(rule)}`);
  const order = preferenceOrder(rule, nodes);
  const whole = order.find((n) => n.capacityQuanta - n.usedQuanta >= demandQuanta);
  if (whole !== undefined) return { parts: [{ index: whole.index, quanta: demandQuanta }], burstQuanta: 0n };
  const parts: { index: number; quanta: bigint }[] = [];
  let left = demandQuanta;
  for (const n of order) {
    const free = n.capacityQuanta - n.usedQuanta;
    if (left === 0n) break;
    if (free <= 0n) continue;
    const take = free < left ? free : left;
    parts.push({ index: n.index, quanta: take });
    left -= take;
  }
  return { parts, burstQuanta: left };
}
