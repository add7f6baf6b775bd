// Double-entry ledger: every movement of value is one entry debiting one account and crediting
// another, so each unit's balances sum to zero — external sources ('network:coinbase') go negative.
import { shown } from './exact.js';
import { splitByWeights } from './split.js';

export interface TransferInput {
  readonly atUs: number;
  /** Debited account. */
  readonly from: string;
  /** Credited account. */
  readonly to: string;
  /** > 0n, in the smallest unit of `unit` (sat, uUSD, …). */
  readonly amount: bigint;
  readonly unit: string;
  readonly reason: string;
}

export interface LedgerEntry extends TransferInput {
  /** 0-based position in the journal. */
  readonly seq: number;
}

export interface DistributeInput {
  readonly atUs: number;
  readonly from: string;
  readonly unit: string;
  readonly reason: string;
  /** ≥ 0n; split with splitByWeights, so the recorded parts sum to it exactly. */
  readonly amount: bigint;
  readonly recipients: readonly { readonly account: string; readonly weight: bigint }[];
}

export interface LedgerEntryJson {
  seq: number;
  atUs: number;
  from: string;
  to: string;
  amount: string;
  unit: string;
  reason: string;
}

export interface LedgerJson {
  /** Journal in order (empty when the ledger keeps no entries; see entryCount). */
  entries: LedgerEntryJson[];
  entryCount: number;
  /** unit → account → balance as a decimal string; keys sorted so the JSON is canonical. */
  balances: Record<string, Record<string, string>>;
}

export interface LedgerOptions {
  /** Keep the journal (default true). Long runs may keep balances only. */
  readonly keepEntries?: boolean;
}

function checkName(argument: string, value: unknown): void {
  if (typeof value !== 'string' || value.length === 0) throw new RangeError(`${argument} must be a non-empty string, got ${shown(value)}`);
}

function checkAtUs(atUs: unknown, lastAtUs: number): void {
  if (typeof atUs !== 'number' || !Number.isSafeInteger(atUs) || atUs < 0) {
    throw new RangeError(`atUs must be an integer ≥ 0, got ${shown(atUs)}`);
  }
  // A journal is in time order; an entry from the past means an event was processed out of order.
  if (atUs < lastAtUs) throw new RangeError(`atUs must be ≥ the last entry's ${lastAtUs}, got ${atUs}`);
}

function sortedRecord<V, W>(map: ReadonlyMap<string, V>, f: (v: V) => W): Record<string, W> {
  const out: Record<string, W> = Object.create(null) as Record<string, W>;
  for (const key of [...map.keys()].sort()) out[key] = f(map.get(key)!);
  return out;
}

export class Ledger {
  private readonly journal: LedgerEntry[] = [];
  private readonly keepEntries: boolean;
  private readonly byUnit = new Map<string, Map<string, bigint>>();
  private count = 0;
  private lastAtUs = 0;

  constructor(options: LedgerOptions = {}) {
    this.keepEntries = options.keepEntries ?? true;
  }

  /** Records one transfer: `from` is debited, `to` credited. */
  transfer(input: TransferInput): LedgerEntry {
    const { atUs, from, to, amount, unit, reason } = input;
    checkAtUs(atUs, this.lastAtUs);
    checkName('from', from);
    checkName('to', to);
    checkName('unit', unit);
    checkName('reason', reason);
    if (from === to) throw new RangeError(`to must differ from from, got ${shown(to)} for both`);
    if (typeof amount !== 'bigint' || amount <= 0n) throw new RangeError(`amount must be a bigint > 0n, got ${shown(amount)}`);

    let accounts = this.byUnit.get(unit);
    if (accounts === undefined) {
      accounts = new Map();
      this.byUnit.set(unit, accounts);
    }
    accounts.set(from, (accounts.get(from) ?? 0n) - amount);
    accounts.set(to, (accounts.get(to) ?? 0n) + amount);

    const entry: LedgerEntry = { seq: this.count, atUs, from, to, amount, unit, reason };
    this.count += 1;
    this.lastAtUs = atUs;
    if (this.keepEntries) this.journal.push(entry);
    return entry;
  }

  /**
   * Splits `amount` over the recipients by weight (largest remainder) and records one transfer per
   * non-zero part. A part whose recipient is `from` itself stays put (no self-transfer is recorded).
   */
  distribute(input: DistributeInput): LedgerEntry[] {
    const { recipients, amount } = input;
    recipients.forEach((r, i) => checkName(`recipients[${i}].account`, r.account));
    const parts = splitByWeights(amount, recipients.map((r) => r.weight));
    const entries: LedgerEntry[] = [];
    parts.forEach((part, i) => {
      const account = recipients[i]!.account;
      if (part > 0n && account !== input.from) {
        entries.push(this.transfer({ atUs: input.atUs, from: input.from, to: account, amount: part, unit: input.unit, reason: input.reason }));
      }
    });
    return entries;
  }

  /** Balance of one account in one unit (0n if it never moved). */
  balance(account: string, unit: string): bigint {
    return this.byUnit.get(unit)?.get(account) ?? 0n;
  }

  /** unit → account → balance (a copy, in first-seen order). */
  balances(): Map<string, Map<string, bigint>> {
    return new Map([...this.byUnit].map(([unit, accounts]) => [unit, new Map(accounts)]));
  }

  /** Units that have at least one entry, in first-seen order. */
  units(): string[] {
    return [...this.byUnit.keys()];
  }

  /** Sum of all balances in a unit: 0n always, because every entry debits what it credits. */
  sum(unit: string): bigint {
    let total = 0n;
    for (const b of this.byUnit.get(unit)?.values() ?? []) total += b;
    return total;
  }

  /** The journal (empty if the ledger was created with keepEntries: false). */
  entries(): readonly LedgerEntry[] {
    return this.journal;
  }

  get entryCount(): number {
    return this.count;
  }

  toJSON(): LedgerJson {
    return {
      entries: this.journal.map((e) => ({ seq: e.seq, atUs: e.atUs, from: e.from, to: e.to, amount: e.amount.toString(), unit: e.unit, reason: e.reason })),
      entryCount: this.count,
      balances: sortedRecord(this.byUnit, (accounts) => sortedRecord(accounts, (b) => b.toString())),
    };
  }
}
