// The operations dashboard over several containers (DESIGN.md system 3): each group's FleetOps KPIs
// and their fleet-wide combination — availability weighted by rigs, hashrate availability by nominal
// hashrate, mean times by the faults they average over, staff use as busy over on-duty time.
import { COMPONENT_KINDS, type FleetOpsKpis } from '../../../ops/index.js';
import { HS_PER_THS, S_PER_DAY, US_PER_HOUR } from '../../../units.js';
import { round } from '../../result.js';
import type { TableRow } from '../../system.js';

export interface GroupOpsKpis {
  readonly id: string;
  readonly model: string;
  /** Nominal hashrate of one rig, H/s. */
  readonly rigHashrateHs: number;
  readonly kpis: FleetOpsKpis;
}

interface Weighted {
  readonly value: number | null;
  readonly weight: number;
}

/** Mean of the values present, by weight; null when none is present or every weight is 0. */
function weightedMean(items: readonly Weighted[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const { value, weight } of items) {
    if (value === null || weight === 0) continue;
    sum += value * weight;
    weights += weight;
  }
  return weights > 0 ? sum / weights : null;
}

const hours = (us: number | null): number | null => (us === null ? null : round(us / US_PER_HOUR, 4));
const pct = (fraction: number | null): number | null => (fraction === null ? null : round(100 * fraction, 4));
const thsDays = (hashes: number): number => round(hashes / HS_PER_THS / S_PER_DAY, 4);

/** The fleet-wide figures, plus each group's (as a table row). */
interface OpsFigures {
  availabilityPct: number | null;
  hashrateAvailabilityPct: number | null;
  meanTimeToDetectHours: number | null;
  meanTimeToDetectPollingHours: number | null;
  meanTimeToDetectSharesHours: number | null;
  meanTimeToRepairHours: number | null;
  meanTimeToRestoreHours: number | null;
  staffUtilisationPct: number | null;
}

function figures(groups: readonly GroupOpsKpis[]): OpsFigures {
  const ks = groups.map((g) => g.kpis);
  const repaired = ks.map((k) => k.faultsRepaired);
  const onDutyUs = ks.reduce((s, k) => s + k.onDutyTechUs, 0);
  return {
    availabilityPct: pct(weightedMean(ks.map((k) => ({ value: k.availability, weight: k.rigCount })))),
    hashrateAvailabilityPct: pct(weightedMean(groups.map((g) => ({ value: g.kpis.hashrateAvailability, weight: g.kpis.rigCount * g.rigHashrateHs })))),
    meanTimeToDetectHours: hours(weightedMean(ks.map((k) => ({ value: k.meanTimeToDetectUs, weight: k.detectionsByChannel.polling + k.detectionsByChannel.shares })))),
    meanTimeToDetectPollingHours: hours(weightedMean(ks.map((k) => ({ value: k.meanTimeToDetectUsByChannel.polling, weight: k.detectionsByChannel.polling })))),
    meanTimeToDetectSharesHours: hours(weightedMean(ks.map((k) => ({ value: k.meanTimeToDetectUsByChannel.shares, weight: k.detectionsByChannel.shares })))),
    meanTimeToRepairHours: hours(weightedMean(ks.map((k, i) => ({ value: k.meanTimeToRepairUs, weight: repaired[i] })))),
    meanTimeToRestoreHours: hours(weightedMean(ks.map((k, i) => ({ value: k.meanTimeToRestoreUs, weight: repaired[i] })))),
    staffUtilisationPct: onDutyUs > 0 ? round((100 * ks.reduce((s, k) => s + k.busyTechUs, 0)) / onDutyUs, 4) : null,
  };
}

const total = (groups: readonly GroupOpsKpis[], pick: (k: FleetOpsKpis) => number): number => groups.reduce((s, g) => s + pick(g.kpis), 0);

/** Flat KPIs (the run prefixes them `ops.`); a mean with nothing to average (no fault found yet) is left out. */
export function opsKpis(groups: readonly GroupOpsKpis[]): Record<string, number> {
  const out: Record<string, number> = {
    rigs: total(groups, (k) => k.rigCount),
    failures: total(groups, (k) => k.failures),
    ...Object.fromEntries(COMPONENT_KINDS.map((kind) => [`failures.${kind}`, total(groups, (k) => k.failuresByKind[kind])])),
    'detections.polling': total(groups, (k) => k.detectionsByChannel.polling),
    'detections.shares': total(groups, (k) => k.detectionsByChannel.shares),
    'detections.onSite': total(groups, (k) => k.detectionsByChannel.onSite),
    falseAlarms: total(groups, (k) => k.falseAlarms),
    repairsDone: total(groups, (k) => k.repairsDone),
    faultsRepaired: total(groups, (k) => k.faultsRepaired),
    sentAway: total(groups, (k) => k.sentAway),
    partsWaits: total(groups, (k) => k.partsWaits),
    openFaults: total(groups, (k) => k.openFaults),
    undetectedFaults: total(groups, (k) => k.undetectedFaults),
    rigsInRepairAtEnd: total(groups, (k) => k.rigs.inRepair),
    hashrateLostTHsDays: thsDays(total(groups, (k) => k.lostHashes)),
    technicianHoursOnJobs: round(total(groups, (k) => k.handsOnUs) / US_PER_HOUR, 4),
  };
  const f = figures(groups);
  const named: [string, number | null][] = [
    ['availabilityPct', f.availabilityPct],
    ['hashrateAvailabilityPct', f.hashrateAvailabilityPct],
    ['meanTimeToDetectHours', f.meanTimeToDetectHours],
    ['meanTimeToDetectHours.polling', f.meanTimeToDetectPollingHours],
    ['meanTimeToDetectHours.shares', f.meanTimeToDetectSharesHours],
    ['meanTimeToRepairHours', f.meanTimeToRepairHours],
    ['meanTimeToRestoreHours', f.meanTimeToRestoreHours],
    ['staffUtilisationPct', f.staffUtilisationPct],
  ];
  for (const [name, value] of named) if (value !== null) out[name] = value;
  return out;
}

/** One row per group: the same figures as the KPIs, for the container it is. */
export function opsGroupRows(groups: readonly GroupOpsKpis[]): TableRow[] {
  return groups.map((g) => {
    const k = g.kpis;
    const f = figures([g]);
    return {
      group: g.id,
      model: g.model,
      rigs: k.rigCount,
      availabilityPct: f.availabilityPct,
      hashrateAvailabilityPct: f.hashrateAvailabilityPct,
      failures: k.failures,
      meanTimeToDetectHours: f.meanTimeToDetectHours,
      meanTimeToDetectPollingHours: f.meanTimeToDetectPollingHours,
      meanTimeToDetectSharesHours: f.meanTimeToDetectSharesHours,
      meanTimeToRepairHours: f.meanTimeToRepairHours,
      meanTimeToRestoreHours: f.meanTimeToRestoreHours,
      staffUtilisationPct: f.staffUtilisationPct,
      falseAlarms: k.falseAlarms,
      undetectedFaults: k.undetectedFaults,
      openFaults: k.openFaults,
      rigsInRepairAtEnd: k.rigs.inRepair,
      repairsDone: k.repairsDone,
      sentAway: k.sentAway,
      partsWaits: k.partsWaits,
      hashrateLostTHsDays: thsDays(k.lostHashes),
    };
  });
}
