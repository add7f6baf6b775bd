// The broker's books: value accrues partner by partner and device by device, and what is booked is
// always the floor of a cumulative entitlement — the broker's commission ⌊b·V + unattributed⌋, each
// partner's payout ⌊(1 − b)·V_p⌋, each consumer's credits ⌊rule⌋ — so nothing is lost to per-slot
// rounding however small a slot's value (a phone earns micro-sat an hour), and no partner collects
// every slot's stray sat (a per-slot largest-remainder split gave each one to the busiest partner).
// What is not yet a whole sat or credit is carried, never dropped.
import { divFloor } from '../../ledger/exact.js';
import { US_PER_HOUR } from '../../units.js';
import { BPS_PER_WHOLE_N } from '../_check.js';
import type { ResolvedBrokerConfig } from './broker-config.js';
import { VALUE_PER_SAT, valueToSat } from './broker-earnings.js';

/** What the books keep per device: its cumulative value, mining time and credits booked. */
export interface DeviceAccrual {
  value: bigint;
  miningUs: number;
  credits: bigint;
}

export interface Booking {
  readonly commissionSat: bigint;
  /** Partner id → sat booked, for every partner that has accrued value (in first-accrued order). */
  readonly partnerSat: ReadonlyMap<string, bigint>;
}

export class BrokerBooks {
  private readonly partnerValue = new Map<string, bigint>();
  private readonly partnerBookedSat = new Map<string, bigint>();
  private readonly keepBps: bigint;
  private readonly commissionBps: bigint;
  private attributed = 0n;
  private unattributed = 0n;
  private commissionBooked = 0n;
  private partnersBooked = 0n;

  constructor(commissionBps: number, private readonly credits: ResolvedBrokerConfig['credits']) {
    this.commissionBps = BigInt(commissionBps);
    this.keepBps = BPS_PER_WHOLE_N - this.commissionBps;
  }

  /** Adds a device's value and mining time in a slot; returns the content credits that made whole. */
  accrueDevice(partnerId: string, device: DeviceAccrual, value: bigint, miningUs: number): bigint {
    device.value += value;
    device.miningUs += miningUs;
    this.partnerValue.set(partnerId, (this.partnerValue.get(partnerId) ?? 0n) + value);
    this.attributed += value;
    const rate = this.credits.rate;
    const due = this.credits.kind === 'per-sat'
      ? divFloor(device.value * this.keepBps * rate.num, BPS_PER_WHOLE_N * VALUE_PER_SAT * rate.den)
      : divFloor(BigInt(device.miningUs) * rate.num, BigInt(US_PER_HOUR) * rate.den);
    const credits = due - device.credits;
    device.credits = due;
    return credits;
  }

  /** Value no device's work accounts for: the broker's whole. */
  accrueUnattributed(value: bigint): void {
    this.unattributed += value;
  }

  /** Books whatever the accruals since the last call made whole. */
  book(): Booking {
    const commissionDue = divFloor(this.commissionBps * this.attributed + BPS_PER_WHOLE_N * this.unattributed, BPS_PER_WHOLE_N * VALUE_PER_SAT);
    const commissionSat = commissionDue - this.commissionBooked;
    this.commissionBooked = commissionDue;
    const partnerSat = new Map<string, bigint>();
    for (const [id, value] of this.partnerValue) {
      const due = divFloor(value * this.keepBps, BPS_PER_WHOLE_N * VALUE_PER_SAT);
      const sat = due - (this.partnerBookedSat.get(id) ?? 0n);
      this.partnerBookedSat.set(id, due);
      this.partnersBooked += sat;
      partnerSat.set(id, sat);
    }
    return { commissionSat, partnerSat };
  }

  /** The exact value accrued so far (fine units). */
  get value(): bigint {
    return this.attributed + this.unattributed;
  }

  get valueSat(): number {
    return valueToSat(this.value);
  }

  /** Whole sat booked so far: commission + partners. */
  get bookedSat(): bigint {
    return this.commissionBooked + this.partnersBooked;
  }

  /** Value accrued but not yet a whole sat of anyone's (< 1 + number of partners). */
  get unbookedSat(): number {
    return valueToSat(this.value - this.bookedSat * VALUE_PER_SAT);
  }
}
