// The wholesale operator's hashrate in one slot: who holds how much of it, and the demand level that
// picks the reward tier. A retail pool serves no more hashrate than its pool servers at the colo carry.
import { allocateProRata, demandBps, selectRewardTierWithBand, type RewardTier, type SlotOutcome } from '../../../pricing/index.js';
import type { SlotDemand } from './tenant-demand.js';

export interface HashrateShares {
  /** Per tenant, in tenant order (GH/s). */
  readonly heldGHs: bigint[];
  readonly soldGHs: bigint;
  /** What the tenants wanted, served or not. */
  readonly demandGHs: bigint;
  /** demandGHs as basis points of the wholesale capacity (reward-tiers.ts demandBps). */
  readonly levelBps: number;
  readonly tier: RewardTier;
}

/** The share of its requests a tenant was granted, over the resources it asked for (1 when it asked for none). */
export function servedFraction(outcome: SlotOutcome, tenantId: string): { num: bigint; den: bigint } {
  let worst = { num: 1n, den: 1n };
  for (const o of Object.values(outcome.resources)) {
    for (const a of o!.allocations) {
      if (a.tenantId !== tenantId || a.requestedQuantity === 0n) continue;
      if (a.allocatedQuantity * worst.den < worst.num * a.requestedQuantity) worst = { num: a.allocatedQuantity, den: a.requestedQuantity };
    }
  }
  return worst;
}

/**
 * Each tenant's hashrate request shrinks with its worst-served resource (rounded down), then the
 * capacity is shared pro rata when the requests exceed it (pricing/pro-rata.ts). The tier follows
 * what was wanted, not what was served (a busy market is busy even when the colo is full), with a dead
 * band on the way down.
 */
export function shareHashrate(
  demands: readonly SlotDemand[], tenantIds: readonly string[], outcome: SlotOutcome, capacityGHs: bigint,
  tiers: { readonly list: readonly RewardTier[]; readonly current: RewardTier | undefined; readonly bandBps: number },
): HashrateShares {
  const servable = demands.map((d, i) => {
    if (!d.active) return 0n;
    const served = servedFraction(outcome, tenantIds[i]!);
    return (d.hashrateGHs * served.num) / served.den;
  });
  const heldGHs = allocateProRata(servable, capacityGHs);
  const demandGHs = demands.reduce((sum, d) => sum + d.hashrateGHs, 0n);
  const levelBps = demandBps(demandGHs, capacityGHs);
  return { heldGHs, soldGHs: heldGHs.reduce((a, b) => a + b, 0n), demandGHs, levelBps, tier: selectRewardTierWithBand(levelBps, tiers.current, tiers.bandBps, tiers.list) };
}
