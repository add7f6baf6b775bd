// The colo's invoices during a run: each slot's allocation billed pay-as-you-play at that slot's price,
// minimum commitments honoured when their term ends, invoices closed at the invoice interval, and the
// rent cut the colo grants in exchange for its share of rewards booked back to the tenant.
import type { Ledger } from '../../../ledger/index.js';
import { BASIS_POINTS_PER_WHOLE } from '../../../ledger/split.js';
import {
  Biller, createCommitment, rentAfterRewardShare, RESOURCE_IDS, type ColoRewardShareTerms, type Invoice, type ResourceId,
} from '../../../pricing/index.js';
import { MICRO_USD_UNIT } from '../../../units.js';
import type { ColoTenantConfig } from './config.js';

export const COLO_ACCOUNT = 'colo';
export const RETAIL_ACCOUNT_PREFIX = 'retail:';

export function retailAccount(tenantId: string): string {
  return `${RETAIL_ACCOUNT_PREFIX}${tenantId}`;
}

export interface TenantBill {
  invoices: number;
  usageMicroUsd: bigint;
  shortfallMicroUsd: bigint;
  rentReductionMicroUsd: bigint;
  /** Usage + shortfall − reduction: what the tenant paid the colo. */
  paidMicroUsd: bigint;
  /** Per resource, the usage charged (for the resources table). */
  readonly usageByResource: Map<ResourceId, bigint>;
  commitmentEndUs?: number;
}

export interface ClosedInvoice {
  readonly invoice: Invoice;
  readonly rentReductionMicroUsd: bigint;
  readonly paidMicroUsd: bigint;
}

export class ColoBilling {
  readonly bills = new Map<string, TenantBill>();
  private readonly biller: Biller;
  private readonly terms: ColoRewardShareTerms;

  constructor(tenants: readonly ColoTenantConfig[], slotUs: number, listMicroUsdPerLotSlot: Readonly<Record<ResourceId, bigint>>, terms: ColoRewardShareTerms) {
    this.biller = new Biller({ slotUs, coloAccount: COLO_ACCOUNT, tenantAccountPrefix: RETAIL_ACCOUNT_PREFIX });
    this.terms = terms;
    for (const tenant of tenants) {
      const bill: TenantBill = { invoices: 0, usageMicroUsd: 0n, shortfallMicroUsd: 0n, rentReductionMicroUsd: 0n, paidMicroUsd: 0n, usageByResource: new Map() };
      this.bills.set(tenant.id, bill);
      const c = tenant.commitment;
      if (c === undefined) continue;
      // The term starts with the tenant's first slot, at the list price of the day it signed.
      const startUs = Math.ceil(tenant.arrivalUs / slotUs) * slotUs;
      for (const resource of RESOURCE_IDS) {
        const base = tenant.resources[resource];
        const quantity = base === undefined ? 0n : (base * BigInt(c.quantityBps)) / BigInt(BASIS_POINTS_PER_WHOLE); // rounded down
        const price = listMicroUsdPerLotSlot[resource];
        if (quantity <= 0n || price <= 0n) continue;
        const commitment = createCommitment({
          commitmentId: `${tenant.id}/${resource}`, tenantId: tenant.id, resource, quantity, priceMicroUsdPerLotSlot: price, startUs, epochs: c.epochs, epoch: c.epoch,
        });
        this.biller.addCommitment(commitment);
        bill.commitmentEndUs = commitment.endUs;
      }
    }
  }

  /** The tenant held `quantity` of the resource during the slot, at the slot's price. */
  recordUsage(tenantId: string, resource: ResourceId, slotStartUs: number, quantity: bigint, priceMicroUsdPerLotSlot: bigint): void {
    if (quantity > 0n) this.biller.recordUsage({ tenantId, resource, slotStartUs, quantity, priceMicroUsdPerLotSlot });
  }

  /** True when usage or a term is waiting to be invoiced before atUs. */
  hasOpenPeriodBefore(atUs: number): boolean {
    return atUs > this.biller.currentPeriodStartUs;
  }

  /** Closes the period at atUs: the Biller books each line tenant → colo; the rent cut goes back colo → tenant. */
  close(atUs: number, ledger: Ledger): ClosedInvoice[] {
    return this.biller.closePeriod(atUs, ledger).map((invoice) => {
      const bill = this.bills.get(invoice.tenantId)!;
      const { rentMicroUsd, reductionMicroUsd } = rentAfterRewardShare(invoice.totalMicroUsd, this.terms);
      if (reductionMicroUsd > 0n) {
        ledger.transfer({ atUs, from: COLO_ACCOUNT, to: retailAccount(invoice.tenantId), amount: reductionMicroUsd, unit: MICRO_USD_UNIT, reason: 'rent reduction for the colo reward share' });
      }
      bill.invoices += 1;
      for (const line of invoice.lines) {
        if (line.reason === 'usage') {
          bill.usageMicroUsd += line.amountMicroUsd;
          bill.usageByResource.set(line.resource, (bill.usageByResource.get(line.resource) ?? 0n) + line.amountMicroUsd);
        } else {
          bill.shortfallMicroUsd += line.amountMicroUsd;
        }
      }
      bill.rentReductionMicroUsd += reductionMicroUsd;
      bill.paidMicroUsd += rentMicroUsd;
      return { invoice, rentReductionMicroUsd: reductionMicroUsd, paidMicroUsd: rentMicroUsd };
    });
  }
}
