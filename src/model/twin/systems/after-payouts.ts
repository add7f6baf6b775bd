// Systems that move money the pools paid out run after everything else at the same instant: after the
// blocks (priority 0), the slot tick (10) and the pools' payouts (20) of run-twin.ts — the engine's
// highest priorities — so a payout at a slot edge is split at that edge, not a slot later.
import { MAX_PRIORITY } from '../../../engine/index.js';
import { usdToMicroUsd } from '../../units.js';
import type { TwinSystemContext } from '../system.js';

/** Splitting rewards the pools have just paid (colo). */
export const PRIORITY_SETTLE_REWARDS = MAX_PRIORITY - 1;
/** Paying investors out of what was just split. */
export const PRIORITY_PAY_INVESTORS = MAX_PRIORITY;

/** Calls pay(atUs) at every multiple of intervalUs before the horizon (the system's finish pays the rest). */
export function scheduleEvery(ctx: TwinSystemContext, intervalUs: number, priority: number, pay: (atUs: number) => void): void {
  for (let atUs = intervalUs; atUs < ctx.config.horizonUs; atUs += intervalUs) ctx.sim.scheduleAt(atUs, () => pay(atUs), priority);
}

/** The coin price (µUSD per BTC) of the slot that ends at atUs — the one whose money is being moved. */
export function priceMicroUsdPerBtcBefore(ctx: TwinSystemContext, atUs: number): bigint {
  return usdToMicroUsd(ctx.coinPriceUsd(ctx.slotIndexAt(Math.max(0, atUs - 1))));
}
