// The IaaS's events in the run's log, as a planner reads them: hashrates in the algorithm's price unit
// (TH/s or MH/s, named in `unit`), money in US$, the burst offer with its class.
import type { Recorder } from '../../../../engine/index.js';
import {
  HASHRATE_UNIT_HS, HASHRATE_UNIT_LABEL, type BurstOffer, type CrowdDistribution, type CrowdEvent, type TenantEvent,
} from '../../../market/tenants/index.js';
import { HS_PER_THS, microUsdToUsd } from '../../../units.js';

const rounded = (x: number): number => Number(x.toFixed(6));

export function logTenantEvent(recorder: Recorder, e: TenantEvent, offers: ReadonlyMap<string, BurstOffer>): void {
  const inUnit = (hs: number): number => rounded(hs / HASHRATE_UNIT_HS[e.algorithm]);
  const base = { tenant: e.tenantId, algorithm: e.algorithm, unit: HASHRATE_UNIT_LABEL[e.algorithm] };
  switch (e.type) {
    case 'TenantArrived':
      recorder.log(e.atUs, e.type, { ...base, demand: inUnit(e.hashrateHs!) });
      break;
    case 'TenantPlaced':
      recorder.log(e.atUs, e.type, { ...base, parts: e.parts!.map((p) => ({ node: p.nodeId, hashrate: inUnit(p.hashrateHs) })) });
      break;
    case 'BurstStarted':
      recorder.log(e.atUs, e.type, { ...base, offer: e.offerId, class: offers.get(e.offerId!)!.class, hashrate: inUnit(e.hashrateHs!), units: Number(e.units!) });
      break;
    case 'BurstUnavailable':
      recorder.log(e.atUs, e.type, { ...base, hashrate: inUnit(e.hashrateHs!) });
      break;
    case 'BurstEnded':
      recorder.log(e.atUs, e.type, { ...base, offer: e.offerId });
      break;
    case 'TenantLeft':
      recorder.log(e.atUs, e.type, { ...base, marginUsd: microUsdToUsd(e.marginMicroUsd!) });
      break;
  }
}

/** Joins and leaves; distributions are logged with their parts by logCrowdDistribution. */
export function logCrowdEvent(recorder: Recorder, e: CrowdEvent): void {
  if (e.type === 'CrowdNodeJoined') recorder.log(e.atUs, e.type, { node: e.nodeId, hashrateTHs: Number((e.hashrateHs! / HS_PER_THS).toFixed(9)) });
  if (e.type === 'CrowdNodeLeft') recorder.log(e.atUs, e.type, { node: e.nodeId });
}

export function logCrowdDistribution(recorder: Recorder, d: CrowdDistribution): void {
  recorder.log(d.atUs, 'CrowdRewardDistributed', {
    rewardSat: String(d.rewardSat),
    operatorFeeSat: String(d.operatorFeeSat),
    parts: d.parts.map((p) => ({ node: p.nodeId, workDifficulty: p.workDifficulty, sat: String(p.sat) })),
  });
}
