// Mobile/crowd mining broker (DESIGN.md system 5): devices consent to a few hours of mining a day
// through partner apps, join and leave (churn), and mine inside their windows; the broker earns
// sat from their work, keeps a commission, pays partners the rest and credits consumers with
// content — all through the Ledger, booked from exact cumulative value (broker-books.ts).
// The owner closes slots (closeSlot) and settles: the twin at its slot edges and payout interval.
import type { RandomStream, Simulation } from '../../../engine/index.js';
import type { Ledger } from '../../ledger/ledger.js';
import { SAT_UNIT, US_PER_S } from '../../units.js';
import { checkUs } from '../_check.js';
import { checkStart } from '../arrivals.js';
import { BrokerBooks } from './broker-books.js';
import { CREDIT_UNIT, resolveBrokerConfig, type MiningBrokerConfig } from './broker-config.js';
import { slotValues, valueToSat } from './broker-earnings.js';
import { consentedUs } from './consent-windows.js';
import { startPopulation, type Device } from './device-population.js';

/** Ledger accounts; the `broker:` prefix keeps them apart from pools, miners and other systems. */
export const BROKER_ACCOUNTS = Object.freeze({
  /** The pool the broker mines through, outside the simulation: it pays the broker's earnings. */
  upstream: 'broker:upstream-pool',
  /** The broker's own wallet: it receives earnings, pays partners and keeps the commission. */
  wallet: 'broker:wallet',
  partner: (partnerId: string) => `broker:partner:${partnerId}`,
  /** Issues the partner's content credits (its balance is minus the credits handed out). */
  content: (partnerId: string) => `broker:partner:${partnerId}:content`,
  /** The partner's consumers, together: a crowd of thousands would swamp the journal one by one. */
  consumers: (partnerId: string) => `broker:consumers:${partnerId}`,
});

export type BrokerEvent =
  | { readonly type: 'DeviceJoined'; readonly atUs: number; readonly device: DeviceReport; readonly atStart: boolean }
  | { readonly type: 'DeviceLeft'; readonly atUs: number; readonly deviceId: string; readonly partnerId: string; readonly joinedAtUs: number }
  | { readonly type: 'PartnersPaid'; readonly atUs: number; readonly partnerSat: ReadonlyMap<string, bigint>; readonly consumerCredits: ReadonlyMap<string, bigint> };

export type BrokerEventType = BrokerEvent['type'];

export interface DeviceReport {
  readonly id: string;
  readonly partnerId: string;
  readonly hashrateHs: number;
  readonly consentHoursPerDay: number;
  readonly consentStartMinuteLocal: number;
  readonly utcOffsetMinutes: number;
  readonly joinedAtUs: number;
  readonly leftAtUs: number | null;
  /** Time mined so far (inside the consent window, while enrolled). */
  readonly miningUs: number;
  readonly valueSat: number;
  readonly credits: bigint;
}

export interface BrokerSlotKpi {
  readonly slotIndex: number;
  readonly startUs: number;
  readonly endUs: number;
  /** Devices enrolled at the slot's end. */
  readonly enrolledDevices: number;
  /** Devices mining, time-averaged over the slot, in total and per partner. */
  readonly miningDevicesAvg: number;
  readonly miningDevicesAvgByPartner: ReadonlyMap<string, number>;
  readonly effectiveHashrateHs: number;
  /** Exact value of the slot's work (sat, as a double): what the books accrued. */
  readonly valueSat: number;
  /** Whole sat the slot made bookable: commission + partners. */
  readonly earningsSat: bigint;
  readonly commissionSat: bigint;
  readonly partnerSat: bigint;
  readonly consumerCredits: bigint;
}

export interface BrokerPartnerKpi {
  readonly partnerId: string;
  readonly devicesAtStart: number;
  /** Devices that joined after the start. */
  readonly devicesJoined: number;
  readonly devicesLeft: number;
  readonly enrolledDevices: number;
  /** Σ over its devices of the time enrolled (device·µs). */
  readonly enrolledDeviceUs: number;
  readonly miningDeviceUs: number;
  readonly hashes: number;
  readonly valueSat: number;
  /** Whole sat booked to the partner (paid at the next settlement). */
  readonly payoutSat: bigint;
  readonly consumerCredits: bigint;
}

export interface BrokerKpis {
  readonly atUs: number;
  readonly enrolledDevices: number;
  readonly devicesAtStart: number;
  /** Devices that joined after the start. */
  readonly devicesJoined: number;
  readonly devicesLeft: number;
  readonly enrolledDeviceUs: number;
  readonly miningDeviceUs: number;
  readonly slots: readonly BrokerSlotKpi[];
  readonly partners: readonly BrokerPartnerKpi[];
  /** Exact value of all the work so far (sat, as a double). */
  readonly valueSat: number;
  readonly earningsSat: bigint;
  readonly commissionSat: bigint;
  readonly partnerPayoutSat: bigint;
  readonly consumerCredits: bigint;
  /** Value not yet a whole sat of anyone's: carried, < 1 + number of partners. */
  readonly unbookedSat: number;
}

export interface BrokerSettlement {
  readonly earningsSat: bigint;
  readonly commissionSat: bigint;
  readonly partnerPayoutSat: bigint;
  readonly consumerCredits: bigint;
}

export interface MiningBroker {
  /** Enrols the starting devices now and schedules joins and leaves until untilUs. */
  start(untilUs: number): void;
  /** Closes the slot since the last close (or the start) at toUs: measures the work and books it. */
  closeSlot(toUs: number): BrokerSlotKpi;
  /** Books the slots closed since the last settlement in the ledger: earnings, payouts, credits. */
  settle(ledger: Ledger, atUs?: number): BrokerSettlement;
  enrolledCount(): number;
  kpis(): BrokerKpis;
  devices(): DeviceReport[];
}

interface PartnerState {
  devicesAtStart: number;
  devicesJoined: number;
  devicesLeft: number;
  enrolledDeviceUs: number;
  miningDeviceUs: number;
  hashMicros: bigint;
  value: bigint;
  payoutSat: bigint;
  consumerCredits: bigint;
  pendingSat: bigint;
  pendingCredits: bigint;
}

function reportOf(d: Device): DeviceReport {
  return {
    id: d.id, partnerId: d.partnerId, hashrateHs: Number(d.hashrateHsInt),
    consentHoursPerDay: d.spec.consent.lengthMinutes / 60, consentStartMinuteLocal: d.spec.consent.startMinuteLocal,
    utcOffsetMinutes: d.spec.consent.utcOffsetMinutes, joinedAtUs: d.joinedAtUs, leftAtUs: d.leftAtUs,
    miningUs: d.miningUs, valueSat: valueToSat(d.value), credits: d.credits,
  };
}

/** rng: the broker's stream; partner p's devices draw under rng.child('partner').child(p). */
export function createMiningBroker(sim: Simulation, rng: RandomStream, config: MiningBrokerConfig = {}, hooks: { onEvent?: (e: BrokerEvent) => void } = {}): MiningBroker {
  const { partners, earnings, commissionBps, credits, priority } = resolveBrokerConfig(config);
  const books = new BrokerBooks(commissionBps, credits);
  const emit = (e: BrokerEvent): void => hooks.onEvent?.(e);
  const state = new Map<string, PartnerState>(partners.map((p) => [p.id, {
    devicesAtStart: 0, devicesJoined: 0, devicesLeft: 0, enrolledDeviceUs: 0, miningDeviceUs: 0, hashMicros: 0n, value: 0n,
    payoutSat: 0n, consumerCredits: 0n, pendingSat: 0n, pendingCredits: 0n,
  }]));
  const all: Device[] = [];
  let live: Device[] = [];
  let started = false;
  let lastCloseUs = 0;
  const slots: BrokerSlotKpi[] = [];
  let pendingCommissionSat = 0n;

  function closeSlot(toUs: number): BrokerSlotKpi {
    if (!started) throw new RangeError('closeSlot needs start(untilUs) first');
    checkUs('toUs', toUs);
    const fromUs = lastCloseUs;
    if (toUs <= fromUs) throw new RangeError(`toUs must be > the last close (${fromUs}), got ${toUs}`);
    const spanUs = toUs - fromUs;
    const active: Device[] = [];
    const activeUs: number[] = [];
    const work: bigint[] = [];
    let enrolledAtEnd = 0;
    for (const d of live) {
      const enrolledFromUs = Math.max(d.joinedAtUs, fromUs);
      const enrolledToUs = Math.min(d.leftAtUs ?? toUs, toUs);
      if (d.joinedAtUs <= toUs && (d.leftAtUs === null || d.leftAtUs > toUs)) enrolledAtEnd++;
      if (enrolledToUs <= enrolledFromUs) continue;
      state.get(d.partnerId)!.enrolledDeviceUs += enrolledToUs - enrolledFromUs;
      const us = consentedUs(d.spec.consent, enrolledFromUs, enrolledToUs);
      if (us === 0) continue;
      active.push(d);
      activeUs.push(us);
      work.push(d.hashrateHsInt * BigInt(us));
    }
    live = live.filter((d) => d.leftAtUs === null || d.leftAtUs > toUs);
    const hashMicros = work.reduce((s, w) => s + w, 0n);
    const valueBefore = books.value;
    const { values, unattributed } = slotValues(earnings, { slotIndex: slots.length, startUs: fromUs, endUs: toUs, hashes: Number(hashMicros) / US_PER_S }, work);
    const miningByPartner = new Map<string, number>(partners.map((p) => [p.id, 0]));
    let miningUsSum = 0;
    let consumerCredits = 0n;
    active.forEach((d, i) => {
      const p = state.get(d.partnerId)!;
      const credited = books.accrueDevice(d.partnerId, d, values[i]!, activeUs[i]!);
      p.miningDeviceUs += activeUs[i]!;
      p.hashMicros += work[i]!;
      p.value += values[i]!;
      p.consumerCredits += credited;
      p.pendingCredits += credited;
      consumerCredits += credited;
      miningUsSum += activeUs[i]!;
      miningByPartner.set(d.partnerId, miningByPartner.get(d.partnerId)! + activeUs[i]!);
    });
    books.accrueUnattributed(unattributed);
    const booking = books.book();
    let partnerSat = 0n;
    for (const [id, sat] of booking.partnerSat) {
      const p = state.get(id)!;
      p.payoutSat += sat;
      p.pendingSat += sat;
      partnerSat += sat;
    }
    pendingCommissionSat += booking.commissionSat;
    const slot: BrokerSlotKpi = {
      slotIndex: slots.length, startUs: fromUs, endUs: toUs,
      enrolledDevices: enrolledAtEnd,
      miningDevicesAvg: miningUsSum / spanUs,
      miningDevicesAvgByPartner: new Map([...miningByPartner].map(([id, us]) => [id, us / spanUs])),
      effectiveHashrateHs: Number(hashMicros) / spanUs,
      valueSat: valueToSat(books.value - valueBefore),
      earningsSat: booking.commissionSat + partnerSat,
      commissionSat: booking.commissionSat,
      partnerSat,
      consumerCredits,
    };
    slots.push(slot);
    lastCloseUs = toUs;
    return slot;
  }

  const sumSlots = (f: (s: BrokerSlotKpi) => bigint): bigint => slots.reduce((s, x) => s + f(x), 0n);
  const enrolledNow = (): number => live.filter((d) => d.leftAtUs === null).length;

  return {
    start(untilUs: number): void {
      checkStart(started, sim, untilUs);
      started = true;
      lastCloseUs = sim.nowUs;
      for (const partner of partners) {
        const p = state.get(partner.id)!;
        startPopulation(sim, rng.child('partner').child(partner.id), partner, untilUs, priority, {
          onJoined(device, atStart) {
            all.push(device);
            live.push(device);
            if (atStart) p.devicesAtStart++;
            else p.devicesJoined++;
            emit({ type: 'DeviceJoined', atUs: sim.nowUs, device: reportOf(device), atStart });
          },
          onLeft(device) {
            p.devicesLeft++;
            emit({ type: 'DeviceLeft', atUs: sim.nowUs, deviceId: device.id, partnerId: device.partnerId, joinedAtUs: device.joinedAtUs });
          },
        });
      }
    },

    closeSlot,

    settle(ledger: Ledger, atUs: number = sim.nowUs): BrokerSettlement {
      checkUs('atUs', atUs);
      const partnerSat = new Map<string, bigint>();
      const creditsByPartner = new Map<string, bigint>();
      let partnerPayoutSat = 0n;
      let consumerCredits = 0n;
      for (const [id, p] of state) {
        partnerSat.set(id, p.pendingSat);
        creditsByPartner.set(id, p.pendingCredits);
        partnerPayoutSat += p.pendingSat;
        consumerCredits += p.pendingCredits;
      }
      const done: BrokerSettlement = { earningsSat: pendingCommissionSat + partnerPayoutSat, commissionSat: pendingCommissionSat, partnerPayoutSat, consumerCredits };
      if (done.earningsSat > 0n) ledger.transfer({ atUs, from: BROKER_ACCOUNTS.upstream, to: BROKER_ACCOUNTS.wallet, amount: done.earningsSat, unit: SAT_UNIT, reason: 'BrokerEarned' });
      for (const [id, sat] of partnerSat) {
        if (sat > 0n) ledger.transfer({ atUs, from: BROKER_ACCOUNTS.wallet, to: BROKER_ACCOUNTS.partner(id), amount: sat, unit: SAT_UNIT, reason: 'PartnerPaid' });
        const credited = creditsByPartner.get(id)!;
        if (credited > 0n) ledger.transfer({ atUs, from: BROKER_ACCOUNTS.content(id), to: BROKER_ACCOUNTS.consumers(id), amount: credited, unit: CREDIT_UNIT, reason: 'ContentCredited' });
      }
      if (partnerPayoutSat > 0n) emit({ type: 'PartnersPaid', atUs, partnerSat, consumerCredits: creditsByPartner });
      for (const p of state.values()) {
        p.pendingSat = 0n;
        p.pendingCredits = 0n;
      }
      pendingCommissionSat = 0n;
      return done;
    },

    enrolledCount: enrolledNow,

    kpis(): BrokerKpis {
      const partnerKpis = partners.map((partner): BrokerPartnerKpi => {
        const p = state.get(partner.id)!;
        return {
          partnerId: partner.id, devicesAtStart: p.devicesAtStart, devicesJoined: p.devicesJoined, devicesLeft: p.devicesLeft,
          enrolledDevices: p.devicesAtStart + p.devicesJoined - p.devicesLeft, enrolledDeviceUs: p.enrolledDeviceUs, miningDeviceUs: p.miningDeviceUs,
          hashes: Number(p.hashMicros) / US_PER_S, valueSat: valueToSat(p.value), payoutSat: p.payoutSat, consumerCredits: p.consumerCredits,
        };
      });
      return {
        atUs: sim.nowUs,
        enrolledDevices: enrolledNow(),
        devicesAtStart: partnerKpis.reduce((s, p) => s + p.devicesAtStart, 0),
        devicesJoined: partnerKpis.reduce((s, p) => s + p.devicesJoined, 0),
        devicesLeft: partnerKpis.reduce((s, p) => s + p.devicesLeft, 0),
        enrolledDeviceUs: partnerKpis.reduce((s, p) => s + p.enrolledDeviceUs, 0),
        miningDeviceUs: partnerKpis.reduce((s, p) => s + p.miningDeviceUs, 0),
        slots: [...slots],
        partners: partnerKpis,
        valueSat: books.valueSat,
        earningsSat: sumSlots((s) => s.earningsSat),
        commissionSat: sumSlots((s) => s.commissionSat),
        partnerPayoutSat: sumSlots((s) => s.partnerSat),
        consumerCredits: sumSlots((s) => s.consumerCredits),
        unbookedSat: books.unbookedSat,
      };
    },

    devices: () => all.map(reportOf),
  };
}
