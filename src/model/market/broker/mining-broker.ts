// Mobile/crowd mining broker (DESIGN.md system 5): devices consent to a few hours of mining a day
// through partner apps, join and leave (churn), and mine inside their windows; the broker earns
// sat from their work, keeps a commission, pays partners the rest and credits consumers with
// content — all through the Ledger with exact splits.
import type { RandomStream, Simulation } from '../../../engine/index.js';
import type { Ledger } from '../../ledger/ledger.js';
import { SAT_UNIT, US_PER_DAY, US_PER_S } from '../../units.js';
import { checkUs } from '../_check.js';
import { checkStart, schedulePoissonArrivals } from '../arrivals.js';
import { CREDIT_UNIT, resolveBrokerConfig, type MiningBrokerConfig } from './broker-config.js';
import { DEFAULT_BROKER_EARNINGS, EarningsAccrual } from './broker-earnings.js';
import { splitSlotEarnings, type DeviceWork } from './broker-payouts.js';
import { consentedUs } from './consent-windows.js';
import { drawDevice, type DeviceSpec } from './device-draw.js';

export type BrokerEventType = 'DeviceJoined' | 'DeviceLeft' | 'PartnersPaid';

export interface BrokerEvent {
  readonly type: BrokerEventType;
  readonly atUs: number;
  readonly deviceId?: string;
  readonly partnerId?: string;
  readonly amountSat?: bigint;
}

export interface BrokerSlotKpi {
  readonly slotIndex: number;
  readonly startUs: number;
  readonly endUs: number;
  /** Devices enrolled at the slot's end. */
  readonly enrolledDevices: number;
  /** Devices mining, time-averaged over the slot. */
  readonly miningDevicesAvg: number;
  readonly effectiveHashrateHs: number;
  readonly earningsSat: bigint;
  readonly commissionSat: bigint;
  readonly partnerPayoutSat: bigint;
  readonly consumerCredits: bigint;
}

export interface BrokerPartnerKpi {
  readonly partnerId: string;
  readonly hashes: number;
  readonly payoutSat: bigint;
  readonly consumerCredits: bigint;
}

export interface BrokerKpis {
  readonly atUs: number;
  readonly enrolledDevices: number;
  readonly devicesJoined: number;
  readonly devicesLeft: number;
  readonly slots: readonly BrokerSlotKpi[];
  readonly partners: readonly BrokerPartnerKpi[];
  readonly earningsSat: bigint;
  readonly commissionSat: bigint;
  readonly partnerPayoutSat: bigint;
  readonly consumerCredits: bigint;
  /** Earned at the hashprice but below one whole sat so far: carried to the next slot. */
  readonly carriedFractionSat: number;
}

export interface BrokerSettlement {
  readonly earningsSat: bigint;
  readonly commissionSat: bigint;
  readonly partnerPayoutSat: bigint;
  readonly consumerCredits: bigint;
}

export interface MiningBroker {
  start(untilUs: number): void;
  enrolledCount(): number;
  kpis(): BrokerKpis;
  /** Books the slots closed since the last settlement (aggregated per account). */
  settle(ledger: Ledger, atUs?: number): BrokerSettlement;
}

interface Device {
  readonly id: string;
  readonly spec: DeviceSpec;
  /** Hashrate rounded to whole H/s, so work in hash·µs is an exact integer. */
  readonly hashrateHsInt: bigint;
  readonly joinedAtUs: number;
  leftAtUs: number | null;
}

export function createMiningBroker(sim: Simulation, rng: RandomStream, config: MiningBrokerConfig = {}, hooks: { onEvent?: (e: BrokerEvent) => void } = {}): MiningBroker {
  const { slotUs, initialDevices, arrivalsPerDay, hazardPerDay, drawConfig, commissionBps, creditsPerSat, priority, accounts } = resolveBrokerConfig(config);
  const accrual = new EarningsAccrual(config.earnings ?? DEFAULT_BROKER_EARNINGS);
  const emit = (e: BrokerEvent): void => hooks.onEvent?.(e);
  let live: Device[] = [];
  let joined = 0;
  let left = 0;
  let started = false;
  const slots: BrokerSlotKpi[] = [];
  const partners = new Map<string, { hashes: number; payoutSat: bigint; consumerCredits: bigint }>();
  // Booked by the next settle: slot totals and per-account sums.
  let pendingSlots: BrokerSlotKpi[] = [];
  let pendingPartnerSat = new Map<string, bigint>();
  let pendingDeviceCredits = new Map<string, { partnerId: string; credits: bigint }>();

  function join(untilUs: number): void {
    const id = `device-${joined++}`;
    const own = rng.child(id);
    const spec = drawDevice(own, drawConfig);
    const hs = Math.round(spec.hashrateHs);
    const device: Device = { id, spec, hashrateHsInt: BigInt(hs > 0 ? hs : 1), joinedAtUs: sim.nowUs, leftAtUs: null };
    live.push(device);
    emit({ type: 'DeviceJoined', atUs: sim.nowUs, deviceId: id, partnerId: spec.partnerId });
    if (hazardPerDay > 0) {
      const leaveUs = sim.nowUs + Math.max(1, Math.round(own.exponential(hazardPerDay / US_PER_DAY)));
      if (leaveUs < untilUs) {
        sim.scheduleAt(leaveUs, () => {
          device.leftAtUs = sim.nowUs;
          left++;
          emit({ type: 'DeviceLeft', atUs: sim.nowUs, deviceId: id, partnerId: spec.partnerId });
        }, priority);
      }
    }
  }

  function closeSlot(slotIndex: number, fromUs: number, toUs: number): void {
    const work: DeviceWork[] = [];
    let activeUsSum = 0;
    let hashMicros = 0n;
    for (const d of live) {
      const enrolledFromUs = Math.max(d.joinedAtUs, fromUs);
      const enrolledToUs = Math.min(d.leftAtUs ?? toUs, toUs);
      if (enrolledToUs <= enrolledFromUs) continue;
      const activeUs = consentedUs(d.spec.consent, enrolledFromUs, enrolledToUs);
      if (activeUs === 0) continue;
      const w = d.hashrateHsInt * BigInt(activeUs);
      activeUsSum += activeUs;
      hashMicros += w;
      work.push({ deviceId: d.id, partnerId: d.spec.partnerId, hashMicros: w });
    }
    live = live.filter((d) => d.leftAtUs === null || d.leftAtUs > toUs);
    const hashes = Number(hashMicros) / US_PER_S;
    const earningsSat = accrual.slotEarningsSat({ slotIndex, startUs: fromUs, endUs: toUs, hashes }, hashMicros);
    const payout = splitSlotEarnings(earningsSat, commissionBps, work, creditsPerSat);
    let partnerPayoutSat = 0n;
    for (const [id, sat] of payout.partnerSat) {
      partnerPayoutSat += sat;
      pendingPartnerSat.set(id, (pendingPartnerSat.get(id) ?? 0n) + sat);
    }
    let consumerCredits = 0n;
    for (const w of work) {
      const credits = payout.deviceCredits.get(w.deviceId) ?? 0n;
      consumerCredits += credits;
      const p = partners.get(w.partnerId) ?? { hashes: 0, payoutSat: 0n, consumerCredits: 0n };
      p.hashes += Number(w.hashMicros) / US_PER_S;
      p.consumerCredits += credits;
      partners.set(w.partnerId, p);
      if (credits > 0n) {
        const pending = pendingDeviceCredits.get(w.deviceId);
        if (pending === undefined) pendingDeviceCredits.set(w.deviceId, { partnerId: w.partnerId, credits });
        else pending.credits += credits;
      }
    }
    for (const [id, sat] of payout.partnerSat) partners.get(id)!.payoutSat += sat;
    const slot: BrokerSlotKpi = {
      slotIndex, startUs: fromUs, endUs: toUs,
      enrolledDevices: live.filter((d) => d.joinedAtUs <= toUs).length,
      miningDevicesAvg: activeUsSum / (toUs - fromUs),
      effectiveHashrateHs: (hashes * US_PER_S) / (toUs - fromUs),
      earningsSat, commissionSat: payout.commissionSat, partnerPayoutSat, consumerCredits,
    };
    slots.push(slot);
    pendingSlots.push(slot);
  }

  const sumSlots = (list: readonly BrokerSlotKpi[], f: (s: BrokerSlotKpi) => bigint): bigint => list.reduce((s, x) => s + f(x), 0n);

  return {
    start(untilUs: number): void {
      checkStart(started, sim, untilUs);
      started = true;
      for (let i = 0; i < initialDevices; i++) join(untilUs);
      schedulePoissonArrivals(sim, rng.child('arrivals'), arrivalsPerDay, untilUs, priority, () => join(untilUs));
      let slotIndex = Math.floor(sim.nowUs / slotUs);
      let fromUs = sim.nowUs;
      const close = (): void => {
        const toUs = sim.nowUs;
        closeSlot(slotIndex, fromUs, toUs);
        slotIndex++;
        fromUs = toUs;
        if (toUs < untilUs) sim.scheduleAt(Math.min((slotIndex + 1) * slotUs, untilUs), close, priority + 1);
      };
      sim.scheduleAt(Math.min((slotIndex + 1) * slotUs, untilUs), close, priority + 1);
    },

    enrolledCount: () => live.filter((d) => d.leftAtUs === null).length,

    kpis(): BrokerKpis {
      return {
        atUs: sim.nowUs,
        enrolledDevices: live.filter((d) => d.leftAtUs === null).length,
        devicesJoined: joined,
        devicesLeft: left,
        slots: [...slots],
        partners: [...partners].map(([partnerId, p]) => ({ partnerId, ...p })),
        earningsSat: sumSlots(slots, (s) => s.earningsSat),
        commissionSat: sumSlots(slots, (s) => s.commissionSat),
        partnerPayoutSat: sumSlots(slots, (s) => s.partnerPayoutSat),
        consumerCredits: sumSlots(slots, (s) => s.consumerCredits),
        carriedFractionSat: accrual.carriedFractionSat,
      };
    },

    settle(ledger: Ledger, atUs: number = sim.nowUs): BrokerSettlement {
      checkUs('atUs', atUs);
      const done: BrokerSettlement = {
        earningsSat: sumSlots(pendingSlots, (s) => s.earningsSat),
        commissionSat: sumSlots(pendingSlots, (s) => s.commissionSat),
        partnerPayoutSat: sumSlots(pendingSlots, (s) => s.partnerPayoutSat),
        consumerCredits: sumSlots(pendingSlots, (s) => s.consumerCredits),
      };
      if (done.earningsSat > 0n) ledger.transfer({ atUs, from: accounts.pool, to: accounts.broker, amount: done.earningsSat, unit: SAT_UNIT, reason: 'BrokerEarned' });
      for (const [id, sat] of pendingPartnerSat) {
        if (sat === 0n) continue;
        ledger.transfer({ atUs, from: accounts.broker, to: accounts.partnerPrefix + id, amount: sat, unit: SAT_UNIT, reason: 'PartnerPaid' });
        emit({ type: 'PartnersPaid', atUs, partnerId: id, amountSat: sat });
      }
      for (const [deviceId, { partnerId, credits }] of pendingDeviceCredits) {
        ledger.transfer({ atUs, from: `${accounts.partnerPrefix}${partnerId}:content`, to: accounts.consumerPrefix + deviceId, amount: credits, unit: CREDIT_UNIT, reason: 'ContentCredited' });
      }
      pendingSlots = [];
      pendingPartnerSat = new Map();
      pendingDeviceCredits = new Map();
      return done;
    },
  };
}
