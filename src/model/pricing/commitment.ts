// Minimum commitments: a tenant holds at least a quantity of a resource for N mining epochs; what
// it used less than that over the term is charged once, when the term ends, at the agreed rate.
import { divCeil, shown } from '../ledger/exact.js';
import { checkAtUs, checkName, checkNonNegativeBigint, checkPositiveBigint, checkPositiveUs } from './_check.js';
import { commitmentDurationUs, DEFAULT_COMMITMENT_EPOCH, DEFAULT_COMMITMENT_EPOCHS, type MiningEpoch } from './epochs.js';
import { resourceSpec, type ResourceId } from './resources.js';

export interface Commitment {
  readonly commitmentId: string;
  readonly tenantId: string;
  readonly resource: ResourceId;
  /** Base units the tenant commits to use in every slot of the term, on average. */
  readonly quantity: bigint;
  /** Rate a shortfall is charged at, µUSD per lot per slot (e.g. the list price when signed). */
  readonly priceMicroUsdPerLotSlot: bigint;
  readonly startUs: number;
  /** Exclusive: usage in slots starting before endUs counts. */
  readonly endUs: number;
}

export interface CommitmentInput {
  readonly commitmentId: string;
  readonly tenantId: string;
  readonly resource: ResourceId;
  readonly quantity: bigint;
  readonly priceMicroUsdPerLotSlot: bigint;
  readonly startUs: number;
  /** Default 6 (DESIGN.md §1). */
  readonly epochs?: number;
  /** Default SHA256D_RETARGET_EPOCH (epochs.ts). */
  readonly epoch?: MiningEpoch;
}

export function createCommitment(input: CommitmentInput): Commitment {
  checkName('commitmentId', input.commitmentId);
  checkName('tenantId', input.tenantId);
  resourceSpec(input.resource);
  checkPositiveBigint('quantity', input.quantity);
  checkPositiveBigint('priceMicroUsdPerLotSlot', input.priceMicroUsdPerLotSlot);
  checkAtUs('startUs', input.startUs);
  const endUs = input.startUs + commitmentDurationUs(input.epochs ?? DEFAULT_COMMITMENT_EPOCHS, input.epoch ?? DEFAULT_COMMITMENT_EPOCH);
  return { commitmentId: input.commitmentId, tenantId: input.tenantId, resource: input.resource, quantity: input.quantity, priceMicroUsdPerLotSlot: input.priceMicroUsdPerLotSlot, startUs: input.startUs, endUs };
}

/** quantity · slots in the term (a term that ends mid-slot counts that slot: ⌈(end − start)/slot⌉). */
export function committedQuantitySlots(commitment: Commitment, slotUs: number): bigint {
  checkPositiveUs('slotUs', slotUs);
  if (commitment.endUs <= commitment.startUs) throw new RangeError(`commitment.endUs must be > startUs = ${commitment.startUs}, got ${commitment.endUs}`);
  return commitment.quantity * divCeil(BigInt(commitment.endUs - commitment.startUs), BigInt(slotUs));
}

export interface Shortfall {
  readonly committedQuantitySlots: bigint;
  readonly usedQuantitySlots: bigint;
  /** max(0, committed − used): the commitment is aggregate, so a busy slot makes up for a quiet one. */
  readonly shortfallQuantitySlots: bigint;
  /** ⌈shortfall · rate / lot⌉: rounded up, so any shortfall is charged at least 1 µUSD. */
  readonly amountMicroUsd: bigint;
}

export function commitmentShortfall(commitment: Commitment, usedQuantitySlots: bigint, slotUs: number): Shortfall {
  checkNonNegativeBigint('usedQuantitySlots', usedQuantitySlots);
  const committed = committedQuantitySlots(commitment, slotUs);
  const shortfall = committed > usedQuantitySlots ? committed - usedQuantitySlots : 0n;
  const lot = resourceSpec(commitment.resource).lotSize;
  const amount = divCeil(shortfall * commitment.priceMicroUsdPerLotSlot, lot);
  if (shortfall > 0n && amount <= 0n) throw new RangeError(`commitment.priceMicroUsdPerLotSlot must be > 0n, got ${shown(commitment.priceMicroUsdPerLotSlot)}`);
  return { committedQuantitySlots: committed, usedQuantitySlots, shortfallQuantitySlots: shortfall, amountMicroUsd: amount };
}
