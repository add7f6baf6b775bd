// One slot's earnings split exactly: the broker's commission (bps), the rest to partner apps by
// their devices' work, and each partner's part credited to its consumers as content credits
// (creditsPerSat per sat, split by each device's work). Largest remainder everywhere, so every sat
// and every credit lands somewhere (ledger/split.ts).
import { splitByBasisPoints, splitByWeights } from '../../ledger/split.js';
import { BPS_PER_WHOLE } from '../_check.js';

export interface DeviceWork {
  readonly deviceId: string;
  readonly partnerId: string;
  readonly hashMicros: bigint;
}

export interface SlotPayout {
  readonly earningsSat: bigint;
  readonly commissionSat: bigint;
  /** Partner id → sat, partners in first-seen order. */
  readonly partnerSat: ReadonlyMap<string, bigint>;
  /** Device id → credits. */
  readonly deviceCredits: ReadonlyMap<string, bigint>;
}

/** With no work in the slot (a payout callback may still pay), the whole amount is the broker's. */
export function splitSlotEarnings(earningsSat: bigint, commissionBps: number, work: readonly DeviceWork[], creditsPerSat: bigint): SlotPayout {
  const partnerWork = new Map<string, bigint>();
  const devicesOf = new Map<string, DeviceWork[]>();
  for (const w of work) {
    if (w.hashMicros === 0n) continue;
    partnerWork.set(w.partnerId, (partnerWork.get(w.partnerId) ?? 0n) + w.hashMicros);
    const list = devicesOf.get(w.partnerId);
    if (list === undefined) devicesOf.set(w.partnerId, [w]);
    else list.push(w);
  }
  if (partnerWork.size === 0) return { earningsSat, commissionSat: earningsSat, partnerSat: new Map(), deviceCredits: new Map() };
  const [commissionSat, partnersSat] = splitByBasisPoints(earningsSat, [commissionBps, BPS_PER_WHOLE - commissionBps]) as [bigint, bigint];
  const partnerIds = [...partnerWork.keys()];
  const parts = splitByWeights(partnersSat, partnerIds.map((id) => partnerWork.get(id)!));
  const partnerSat = new Map<string, bigint>();
  const deviceCredits = new Map<string, bigint>();
  partnerIds.forEach((id, i) => {
    const sat = parts[i]!;
    partnerSat.set(id, sat);
    const devices = devicesOf.get(id)!;
    const credits = splitByWeights(sat * creditsPerSat, devices.map((d) => d.hashMicros));
    devices.forEach((d, j) => deviceCredits.set(d.deviceId, (deviceCredits.get(d.deviceId) ?? 0n) + credits[j]!));
  });
  return { earningsSat, commissionSat, partnerSat, deviceCredits };
}
