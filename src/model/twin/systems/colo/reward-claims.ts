// Rewards the fleet earned but the pools have not paid yet: each slot's earnings wait with the rules
// in force when they were earned (tier, who held the hashrate), and are split as the cash arrives,
// oldest first — so a daily payout is divided slot by slot, not by the tier of the payout's moment.
import { checkNonNegativeBigint } from '../../../checks.js';

export interface Claim<R> {
  readonly amountSat: bigint;
  readonly rules: R;
}

export class RewardClaims<R> {
  private readonly queue: Claim<R>[] = [];
  private head = 0;
  private pending = 0n;

  /** Earned, unpaid sat. */
  get pendingSat(): bigint {
    return this.pending;
  }

  add(amountSat: bigint, rules: R): void {
    if (checkNonNegativeBigint('amountSat', amountSat) === 0n) return;
    this.queue.push({ amountSat, rules });
    this.pending += amountSat;
  }

  /**
   * Takes cashSat (≤ pendingSat) of the oldest claims: whole claims, then part of the next one,
   * which keeps the rest of its amount and its rules. Σ taken = cashSat exactly.
   */
  take(cashSat: bigint): Claim<R>[] {
    checkNonNegativeBigint('cashSat', cashSat);
    if (cashSat > this.pending) throw new RangeError(`cashSat must be ≤ the pending ${this.pending} sat, got ${cashSat}`);
    const taken: Claim<R>[] = [];
    let left = cashSat;
    while (left > 0n) {
      const claim = this.queue[this.head]!;
      if (claim.amountSat <= left) {
        taken.push(claim);
        left -= claim.amountSat;
        this.head++;
      } else {
        taken.push({ amountSat: left, rules: claim.rules });
        this.queue[this.head] = { amountSat: claim.amountSat - left, rules: claim.rules };
        left = 0n;
      }
    }
    this.pending -= cashSat;
    // Drop consumed claims now and then, so a long run keeps only what is unpaid.
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    return taken;
  }
}
