// One pool during a run: its payout scheme, the miners' accrued earnings (paid out at the pool's
// payout interval, as real pools do), and the bookings of every satoshi in the ledger.
import type { Ledger } from '../ledger/index.js';
import { createPayoutScheme, type PayoutScheme, type PoolContext, type Settlement } from '../pools/index.js';
import { SAT_UNIT } from '../units.js';
import type { PoolConfig } from './config.js';

export const COINBASE_ACCOUNT = 'network:coinbase';

export function minerAccount(minerId: string): string {
  return `miner:${minerId}`;
}

/**
 * The miner id of a pool's other miners (outside the fleet). The slash cannot appear in a scenario
 * id, so it never collides with a fleet group's id (a group called "<pool>-others" once did).
 */
export function poolOthersMinerId(poolId: string): string {
  return `${poolId}/others`;
}

export class PoolRuntime {
  readonly config: PoolConfig;
  readonly scheme: PayoutScheme;
  readonly walletAccount: string;
  readonly feeAccount: string;
  /** Miners' earnings credited in total (paid or not). */
  readonly creditedSat = new Map<string, bigint>();
  blocksFound = 0;
  /** Blocks the pool's hashrate (fleet and others) should have found so far: luck = found / expected. */
  expectedBlocks = 0;
  private readonly accruedSat = new Map<string, bigint>();
  private readonly ledger: Ledger;
  private lowestReserveSeenSat: bigint;

  constructor(config: PoolConfig, ledger: Ledger, expectedFeesSat: bigint) {
    this.config = config;
    this.ledger = ledger;
    this.walletAccount = `pool:${config.id}`;
    this.feeAccount = `pool:${config.id}:fees`;
    this.scheme = createPayoutScheme(
      config.scheme === 'FPPS' ? { scheme: 'FPPS', feeBps: config.feeBps, expectedFeesSat, startingReserveSat: config.startingReserveSat }
        : config.scheme === 'PPS' ? { scheme: 'PPS', feeBps: config.feeBps, startingReserveSat: config.startingReserveSat }
          : config.scheme === 'PPLNS' ? { scheme: 'PPLNS', feeBps: config.feeBps, windowFactor: config.pplnsWindowFactor }
            : { scheme: config.scheme, feeBps: config.feeBps },
    );
    if (config.startingReserveSat > 0n) {
      ledger.transfer({ atUs: 0, from: `capital:${config.id}`, to: this.walletAccount, amount: config.startingReserveSat, unit: SAT_UNIT, reason: 'starting reserve' });
    }
    this.lowestReserveSeenSat = config.startingReserveSat;
  }

  /** Accepted work of one miner (a batch of shares: difficultySum = Σd). */
  credit(minerId: string, difficultySum: number, atUs: number, ctx: PoolContext): void {
    if (difficultySum <= 0) return;
    this.book(this.scheme.onShare({ minerId, difficulty: difficultySum, atUs }, ctx), atUs);
  }

  block(finderMinerId: string, atUs: number, rewardSat: bigint, feesSat: bigint, ctx: PoolContext): void {
    this.blocksFound++;
    this.book(this.scheme.onBlock({ finderMinerId, atUs, rewardSat, feesSat }, ctx), atUs);
  }

  private book(settlement: Settlement, atUs: number): void {
    if (settlement.inflowSat > 0n) {
      this.ledger.transfer({ atUs, from: COINBASE_ACCOUNT, to: this.walletAccount, amount: settlement.inflowSat, unit: SAT_UNIT, reason: 'block reward' });
    }
    if (settlement.poolFeeSat > 0n) {
      this.ledger.transfer({ atUs, from: this.walletAccount, to: this.feeAccount, amount: settlement.poolFeeSat, unit: SAT_UNIT, reason: `${this.config.scheme} pool fee` });
    }
    for (const payout of settlement.payouts) {
      this.accruedSat.set(payout.minerId, (this.accruedSat.get(payout.minerId) ?? 0n) + payout.amountSat);
      this.creditedSat.set(payout.minerId, (this.creditedSat.get(payout.minerId) ?? 0n) + payout.amountSat);
    }
  }

  /** Pays every miner's accrued earnings out of the pool wallet. */
  payOut(atUs: number): void {
    for (const [minerId, amount] of [...this.accruedSat].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (amount <= 0n) continue;
      this.ledger.transfer({ atUs, from: this.walletAccount, to: minerAccount(minerId), amount, unit: SAT_UNIT, reason: `${this.config.scheme} payout` });
    }
    this.accruedSat.clear();
  }

  /** Called on the model's tick: tracks the lowest reserve seen (below zero is the operator's ruin). */
  observeReserve(): bigint {
    const reserve = this.reserveSat();
    if (reserve < this.lowestReserveSeenSat) this.lowestReserveSeenSat = reserve;
    return reserve;
  }

  walletSat(): bigint {
    return this.ledger.balance(this.walletAccount, SAT_UNIT);
  }

  /** The pool wallet less what it owes miners: for PPS/FPPS, the operator's reserve. */
  reserveSat(): bigint {
    let owed = 0n;
    for (const amount of this.accruedSat.values()) owed += amount;
    return this.walletSat() - owed;
  }

  lowestReserveSat(): bigint {
    return this.lowestReserveSeenSat;
  }
}
