// Pay-as-you-play billing: usage × slot price per tenant, gathered into invoices per billing period,
// commitment shortfalls charged when a term ends, every line booked tenant → colo in the Ledger.
import { divRoundHalfEven, shown } from '../ledger/exact.js';
import type { Ledger, LedgerEntry } from '../ledger/ledger.js';
import { MICRO_USD_UNIT } from '../units.js';
import { checkAtUs, checkName, checkNonNegativeBigint, checkPositiveUs } from './_check.js';
import { commitmentShortfall, type Commitment } from './commitment.js';
import { RESOURCE_IDS, resourceSpec, type ResourceId } from './resources.js';

export type InvoiceLineReason = 'usage' | 'commitment-shortfall';

export interface InvoiceLine {
  readonly tenantId: string;
  readonly resource: ResourceId;
  readonly reason: InvoiceLineReason;
  /** Σ quantity over the slots billed (base units × slots); for a shortfall, the unused part. */
  readonly quantitySlots: bigint;
  readonly slotCount: number;
  readonly amountMicroUsd: bigint;
  /** Why, in words, for the invoice. */
  readonly note: string;
}

export interface Invoice {
  readonly invoiceId: string;
  readonly tenantId: string;
  readonly periodStartUs: number;
  readonly periodEndUs: number;
  readonly lines: readonly InvoiceLine[];
  readonly totalMicroUsd: bigint;
}

export interface UsageRecord {
  readonly tenantId: string;
  readonly resource: ResourceId;
  /** On the slot grid (a multiple of slotUs). */
  readonly slotStartUs: number;
  /** Base units used (or allocated) in the slot. */
  readonly quantity: bigint;
  /** The slot's discovered price, µUSD per lot. */
  readonly priceMicroUsdPerLotSlot: bigint;
}

export interface BillerOptions {
  readonly slotUs: number;
  /** Ledger account credited (default 'colo'). */
  readonly coloAccount?: string;
  /** Prefix of tenants' ledger accounts (default 'tenant:'). */
  readonly tenantAccountPrefix?: string;
  /** Start of the first billing period (default 0). */
  readonly startUs?: number;
}

interface UsageSum {
  /** Σ quantity · price per lot: the exact amount times the lot size. */
  amountTimesLot: bigint;
  quantitySlots: bigint;
  slotCount: number;
}

interface OpenCommitment {
  readonly commitment: Commitment;
  usedQuantitySlots: bigint;
}

/**
 * Rounding rule: a usage line's amount is Σ_slots quantity · price / lot, summed exactly and rounded
 * half-to-even once per line (so a line is within ½ µUSD of the exact charge); a shortfall rounds
 * up (commitment.ts). Lines with a zero amount (a free resource) appear on the invoice but are not
 * booked, since a ledger transfer must be > 0; Σ booked = Σ line amounts all the same.
 */
export class Biller {
  readonly slotUs: number;
  readonly coloAccount: string;
  readonly tenantAccountPrefix: string;
  private periodStartUs: number;
  private lastSlotEndUs: number;
  private readonly usage = new Map<string, Map<ResourceId, UsageSum>>();
  private readonly commitments: OpenCommitment[] = [];
  private readonly commitmentIds = new Set<string>();

  constructor(options: BillerOptions) {
    this.slotUs = checkPositiveUs('slotUs', options.slotUs);
    this.coloAccount = checkName('coloAccount', options.coloAccount ?? 'colo');
    this.tenantAccountPrefix = options.tenantAccountPrefix ?? 'tenant:';
    this.periodStartUs = checkAtUs('startUs', options.startUs ?? 0);
    this.lastSlotEndUs = this.periodStartUs;
  }

  tenantAccount(tenantId: string): string {
    return `${this.tenantAccountPrefix}${tenantId}`;
  }

  get currentPeriodStartUs(): number {
    return this.periodStartUs;
  }

  /** Registers a commitment before any of its term is billed. */
  addCommitment(commitment: Commitment): void {
    if (this.commitmentIds.has(commitment.commitmentId)) throw new RangeError(`commitment.commitmentId must be unique, got ${shown(commitment.commitmentId)} twice`);
    if (commitment.startUs < this.periodStartUs) {
      throw new RangeError(`commitment.startUs must be ≥ the open period's start ${this.periodStartUs}, got ${commitment.startUs}`);
    }
    this.commitmentIds.add(commitment.commitmentId);
    this.commitments.push({ commitment, usedQuantitySlots: 0n });
  }

  recordUsage(record: UsageRecord): void {
    checkName('tenantId', record.tenantId);
    resourceSpec(record.resource);
    checkAtUs('slotStartUs', record.slotStartUs);
    if (record.slotStartUs % this.slotUs !== 0) throw new RangeError(`slotStartUs must be a multiple of slotUs = ${this.slotUs}, got ${record.slotStartUs}`);
    if (record.slotStartUs < this.periodStartUs) throw new RangeError(`slotStartUs must be ≥ the open period's start ${this.periodStartUs}, got ${record.slotStartUs}`);
    checkNonNegativeBigint('quantity', record.quantity);
    checkNonNegativeBigint('priceMicroUsdPerLotSlot', record.priceMicroUsdPerLotSlot);

    let byResource = this.usage.get(record.tenantId);
    if (byResource === undefined) {
      byResource = new Map();
      this.usage.set(record.tenantId, byResource);
    }
    const sum = byResource.get(record.resource) ?? { amountTimesLot: 0n, quantitySlots: 0n, slotCount: 0 };
    sum.amountTimesLot += record.quantity * record.priceMicroUsdPerLotSlot;
    sum.quantitySlots += record.quantity;
    sum.slotCount += 1;
    byResource.set(record.resource, sum);
    this.lastSlotEndUs = Math.max(this.lastSlotEndUs, record.slotStartUs + this.slotUs);

    for (const open of this.commitments) {
      const c = open.commitment;
      if (c.tenantId === record.tenantId && c.resource === record.resource && record.slotStartUs >= c.startUs && record.slotStartUs < c.endUs) {
        open.usedQuantitySlots += record.quantity;
      }
    }
  }

  /**
   * Closes the period [start, periodEndUs): one invoice per tenant with usage lines (resource order
   * of RESOURCE_IDS) and a shortfall line for each commitment whose term ended by periodEndUs; each
   * non-zero line is one ledger transfer at periodEndUs. Tenants are invoiced in sorted id order.
   */
  closePeriod(periodEndUs: number, ledger: Ledger): Invoice[] {
    checkAtUs('periodEndUs', periodEndUs);
    if (periodEndUs <= this.periodStartUs) throw new RangeError(`periodEndUs must be > the period's start ${this.periodStartUs}, got ${periodEndUs}`);
    if (periodEndUs < this.lastSlotEndUs) throw new RangeError(`periodEndUs must cover every recorded slot (to ${this.lastSlotEndUs}), got ${periodEndUs}`);

    const lines = new Map<string, InvoiceLine[]>();
    const linesOf = (tenantId: string): InvoiceLine[] => {
      let list = lines.get(tenantId);
      if (list === undefined) {
        list = [];
        lines.set(tenantId, list);
      }
      return list;
    };
    for (const [tenantId, byResource] of this.usage) {
      for (const resource of RESOURCE_IDS) {
        const sum = byResource.get(resource);
        if (sum === undefined) continue;
        const lot = resourceSpec(resource).lotSize;
        linesOf(tenantId).push({
          tenantId,
          resource,
          reason: 'usage',
          quantitySlots: sum.quantitySlots,
          slotCount: sum.slotCount,
          amountMicroUsd: divRoundHalfEven(sum.amountTimesLot, lot),
          note: `pay-as-you-play: ${sum.quantitySlots} ${resourceSpec(resource).quantityUnit}·slots over ${sum.slotCount} slot records`,
        });
      }
    }
    for (let i = 0; i < this.commitments.length; ) {
      const { commitment: c, usedQuantitySlots } = this.commitments[i]!;
      if (c.endUs > periodEndUs) {
        i += 1;
        continue;
      }
      this.commitments.splice(i, 1);
      const s = commitmentShortfall(c, usedQuantitySlots, this.slotUs);
      if (s.shortfallQuantitySlots === 0n) continue;
      linesOf(c.tenantId).push({
        tenantId: c.tenantId,
        resource: c.resource,
        reason: 'commitment-shortfall',
        quantitySlots: s.shortfallQuantitySlots,
        slotCount: Number(s.committedQuantitySlots / c.quantity),
        amountMicroUsd: s.amountMicroUsd,
        note: `commitment ${c.commitmentId}: used ${s.usedQuantitySlots} of ${s.committedQuantitySlots} committed ${resourceSpec(c.resource).quantityUnit}·slots, shortfall at ${c.priceMicroUsdPerLotSlot} µUSD per ${resourceSpec(c.resource).lotLabel} per slot`,
      });
    }

    const invoices: Invoice[] = [];
    for (const tenantId of [...lines.keys()].sort()) {
      const tenantLines = lines.get(tenantId)!;
      let total = 0n;
      for (const line of tenantLines) {
        total += line.amountMicroUsd;
        if (line.amountMicroUsd > 0n) this.book(ledger, periodEndUs, line);
      }
      invoices.push({ invoiceId: `${tenantId}@${this.periodStartUs}`, tenantId, periodStartUs: this.periodStartUs, periodEndUs, lines: tenantLines, totalMicroUsd: total });
    }
    this.usage.clear();
    this.periodStartUs = periodEndUs;
    this.lastSlotEndUs = periodEndUs;
    return invoices;
  }

  private book(ledger: Ledger, atUs: number, line: InvoiceLine): LedgerEntry {
    return ledger.transfer({ atUs, from: this.tenantAccount(line.tenantId), to: this.coloAccount, amount: line.amountMicroUsd, unit: MICRO_USD_UNIT, reason: `${line.reason}:${line.resource}` });
  }
}
