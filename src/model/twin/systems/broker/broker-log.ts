// The broker's events in the run's log: each partner's starting devices as one DevicesEnrolled, then
// DeviceJoined / DeviceLeft one by one up to a budget, and every PartnersPaid. The log holds 10,000
// entries for the whole run (engine Recorder default); a crowd of 100,000 phones churning would
// otherwise push the fleet's and other systems' events out of it.
import type { Recorder } from '../../../../engine/index.js';
import type { BrokerEvent } from '../../../market/broker/index.js';
import { US_PER_DAY } from '../../../units.js';

/** A fifth of the run's 10,000-entry log; device events past it are counted, not logged. */
export const DEVICE_EVENT_BUDGET = 2_000;

const clock = (minute: number): string => {
  const m = ((minute % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

const amounts = (m: ReadonlyMap<string, bigint>): Record<string, string> =>
  Object.fromEntries([...m].filter(([, v]) => v > 0n).map(([k, v]) => [k, v.toString()]));

export class BrokerLog {
  deviceEventsUnlogged = 0;
  private deviceEventsLogged = 0;

  constructor(private readonly recorder: Recorder) {}

  /** Each partner's devices at the start, as one entry per partner. */
  enrolled(atUs: number, partnerId: string, devices: number): void {
    this.recorder.log(atUs, 'DevicesEnrolled', { partner: partnerId, devices });
  }

  event(e: BrokerEvent): void {
    if (e.type === 'PartnersPaid') {
      const total = [...e.partnerSat.values()].reduce((s, v) => s + v, 0n);
      this.recorder.log(e.atUs, 'PartnersPaid', { totalSat: total.toString(), partnersSat: amounts(e.partnerSat), consumerCredits: amounts(e.consumerCredits) });
      return;
    }
    if (e.type === 'DeviceJoined' && e.atStart) return;
    if (this.deviceEventsLogged >= DEVICE_EVENT_BUDGET) {
      this.deviceEventsUnlogged++;
      return;
    }
    this.deviceEventsLogged++;
    if (e.type === 'DeviceJoined') {
      const d = e.device;
      this.recorder.log(e.atUs, 'DeviceJoined', {
        partner: d.partnerId, device: d.id, hashrateHs: d.hashrateHs, consentHours: d.consentHoursPerDay,
        windowStartsLocal: clock(d.consentStartMinuteLocal), utcOffsetMinutes: d.utcOffsetMinutes,
      });
    } else {
      this.recorder.log(e.atUs, 'DeviceLeft', { partner: e.partnerId, device: e.deviceId, stayedDays: Number(((e.atUs - e.joinedAtUs) / US_PER_DAY).toFixed(3)) });
    }
  }
}
