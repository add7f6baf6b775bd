// The operations system (DESIGN.md system 3, "ops"): one FleetOps per watched fleet group (container),
// its rigs' faults and thermal states driving what the group delivers and draws, monitoring by
// hardware polling and the pool's shares, and the dashboard: availability, time to detect and to
// repair, staff use, and each container's health per slot as a heat map.
import { US_PER_MIN } from '../../../units.js';
import type { TwinSystem, TwinSystemContext } from '../../system.js';
import { opsGroupRows, opsKpis } from './ops-kpis.js';
import { OpsGroup } from './ops-group.js';

export const OPS_SYSTEM = 'ops';

/** Exact mode judges each rig's shares this often, as the twin's per-worker health check does (run-twin.ts). */
export const EXACT_SHARE_CHECK_US = US_PER_MIN;
/** After the slot's own tick (run-twin.ts PRIORITY_SLOT = 10) at the same instant. */
const PRIORITY_SHARE_CHECK = 11;

/** The ops groups of a run, for systems that build on them (rentals). */
const GROUPS_BY_RUN = new WeakMap<TwinSystemContext, ReadonlyMap<string, OpsGroup>>();

export function opsGroupsOf(ctx: TwinSystemContext): ReadonlyMap<string, OpsGroup> | undefined {
  return GROUPS_BY_RUN.get(ctx);
}

export function createOpsSystem(ctx: TwinSystemContext): TwinSystem | undefined {
  const config = ctx.config.systems.operations;
  if (config === undefined) return undefined;
  const groups = config.groupIds.map((id) => {
    const group = ctx.groups.find((g) => g.config.id === id);
    if (group === undefined) throw new RangeError(`operations.groupIds must name fleet groups, got '${id}'`);
    return new OpsGroup(ctx, group, config);
  });
  GROUPS_BY_RUN.set(ctx, new Map(groups.map((g) => [g.id, g])));
  const { sim, recorder } = ctx;
  const rigCount = groups.reduce((s, g) => s + g.fleet.rigCount, 0);
  const groupKpis = () => groups.map((g) => ({ id: g.id, model: g.fleet.config.rig.model, rigHashrateHs: g.group.config.hashrateHs, kpis: g.fleet.kpis() }));

  if (ctx.config.resolution === 'exact' && groups.some((g) => g.judge !== undefined)) {
    const check = (): void => {
      for (const g of groups) g.judgeShares(sim.nowUs);
      if (sim.nowUs + EXACT_SHARE_CHECK_US <= ctx.config.horizonUs) sim.schedule(EXACT_SHARE_CHECK_US, check, PRIORITY_SHARE_CHECK);
    };
    sim.schedule(EXACT_SHARE_CHECK_US, check, PRIORITY_SHARE_CHECK);
  }

  return {
    name: OPS_SYSTEM,

    startSlot(_slot, startUs) {
      for (const g of groups) g.startSlot(startUs);
    },

    endSlot(_slot, startUs, endUs) {
      // Aggregate and hashed modes judge each rig once a slot, on shares drawn for its window.
      if (ctx.config.resolution !== 'exact') for (const g of groups) g.judgeShares(endUs);
      let healthy = 0;
      let faulty = 0;
      let inRepair = 0;
      let runningRigUs = 0;
      for (const g of groups) {
        const counts = g.fleet.counts();
        healthy += counts.healthy;
        faulty += counts.faulty;
        inRepair += counts.inRepair;
        runningRigUs += g.takeRunningRigUs(endUs);
        recorder.set(`ops.healthyPct.${g.id}`, startUs, (100 * counts.healthy) / g.fleet.rigCount);
      }
      recorder.set('ops.rigsHealthy', startUs, healthy);
      recorder.set('ops.rigsFaulty', startUs, faulty);
      recorder.set('ops.rigsInRepair', startUs, inRepair);
      recorder.set('ops.availabilityPct', startUs, (100 * runningRigUs) / (rigCount * (endUs - startUs)));
    },

    kpis() {
      return opsKpis(groupKpis());
    },

    tables() {
      return { groups: opsGroupRows(groupKpis()) };
    },

    heatmaps() {
      return {
        health: {
          title: 'Healthy rigs by container (no open fault), at the end of each slot',
          unit: '%',
          rows: groups.map((g) => ({ label: g.id, series: `ops.healthyPct.${g.id}` })),
        },
      };
    },
  };
}
