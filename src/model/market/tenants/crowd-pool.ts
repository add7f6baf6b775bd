// Crowd worker nodes (DESIGN.md system 4): nodes join (Poisson) and leave (exponential stays), do
// accepted work — Poisson share counts per slot at their hashrate (domain-facts §2.1), or fed by the
// caller — and each reward is split in proportion to the work done since the last one, to the sat,
// through the Ledger (largest remainder, so every sat lands somewhere).
import type { RandomStream, Simulation } from '../../../engine/index.js';
import { findModel } from '../../hardware/index.js';
import type { Ledger } from '../../ledger/ledger.js';
import { splitByBasisPoints, splitByNumberWeights } from '../../ledger/split.js';
import { difficultyForSharePeriod, expectedShares } from '../../shares/index.js';
import { SAT_UNIT, US_PER_DAY, US_PER_MIN } from '../../units.js';
import { checkStart, schedulePoissonArrivals } from '../arrivals.js';
import { BPS_PER_WHOLE, checkBps, checkCount, checkId, checkNonNegative, checkNonNegativeBigint, checkPositive, checkPositiveUs, checkUs, overlapUs, shown } from '../_check.js';

/**
 * 20 nodes at the start, 5 joining a day, staying a week on average (a daily leave hazard of 1/7),
 * each a median catalogue CPU server (320 MH/s SHA-256d) spread ×e^±0.3, shares every ~15 s at the
 * median, work counted per 15-min slot, no operator fee — all assumptions [D].
 */
export const DEFAULT_CROWD = Object.freeze({
  initialNodes: 20,
  joinsPerDay: 5,
  meanStayUs: 7 * US_PER_DAY,
  medianHashrateHs: findModel('cpu-server-32c')!.hashrateHs,
  hashrateSigma: 0.3,
  workSlotUs: 15 * US_PER_MIN,
  operatorFeeBps: 0,
});

export interface CrowdPoolConfig {
  readonly initialNodes?: number;
  readonly joinsPerDay?: number;
  readonly meanStayUs?: number;
  readonly medianHashrateHs?: number;
  readonly hashrateSigma?: number;
  /** Share difficulty of the generated work; default: one share per 15 s at the median hashrate. */
  readonly shareDifficulty?: number;
  /** Work is drawn per slot of this length; null: the caller feeds work with onWork. */
  readonly workSlotUs?: number | null;
  /** The operator's cut of each reward before the crowd's split. */
  readonly operatorFeeBps?: number;
  readonly priority?: number;
  readonly accounts?: { readonly operator?: string; readonly nodePrefix?: string };
}

export type CrowdEventType = 'CrowdNodeJoined' | 'CrowdNodeLeft' | 'CrowdRewardDistributed';

export interface CrowdEvent {
  readonly type: CrowdEventType;
  readonly atUs: number;
  readonly nodeId?: string;
  readonly hashrateHs?: number;
  readonly amountSat?: bigint;
}

export interface CrowdNodeKpi {
  readonly nodeId: string;
  readonly hashrateHs: number;
  readonly joinedAtUs: number;
  readonly leftAtUs: number | null;
  /** Σ difficulty of accepted work, all time. */
  readonly workDifficulty: number;
  readonly rewardSat: bigint;
}

export interface CrowdDistribution {
  readonly atUs: number;
  readonly rewardSat: bigint;
  readonly operatorFeeSat: bigint;
  /** Node id → sat, in node order; only nodes with work since the last distribution. */
  readonly parts: readonly { readonly nodeId: string; readonly workDifficulty: number; readonly sat: bigint }[];
}

export interface CrowdPool {
  start(untilUs: number): void;
  /** Work of a node measured elsewhere (the node must be active at atUs). */
  onWork(nodeId: string, atUs: number, sumDifficulty: number): void;
  activeCount(): number;
  /** Splits rewardSat (from fromAccount) over the work since the last distribution. */
  distribute(ledger: Ledger, atUs: number, rewardSat: bigint, fromAccount: string): CrowdDistribution;
  nodes(): CrowdNodeKpi[];
  /** Active nodes at the end of each work slot (generated work only). */
  activeSeries(): readonly { readonly atUs: number; readonly activeNodes: number }[];
}

interface CrowdNode {
  readonly id: string;
  readonly hashrateHs: number;
  readonly joinedAtUs: number;
  leftAtUs: number | null;
  readonly shares: RandomStream;
  workTotal: number;
  workPending: number;
  rewardSat: bigint;
}

export function createCrowdPool(sim: Simulation, rng: RandomStream, config: CrowdPoolConfig = {}, hooks: { onEvent?: (e: CrowdEvent) => void } = {}): CrowdPool {
  const initialNodes = checkCount('initialNodes', config.initialNodes ?? DEFAULT_CROWD.initialNodes);
  const joinsPerDay = checkNonNegative('joinsPerDay', config.joinsPerDay ?? DEFAULT_CROWD.joinsPerDay);
  const meanStayUs = checkPositive('meanStayUs', config.meanStayUs ?? DEFAULT_CROWD.meanStayUs);
  const medianHs = checkPositive('medianHashrateHs', config.medianHashrateHs ?? DEFAULT_CROWD.medianHashrateHs);
  const sigma = checkNonNegative('hashrateSigma', config.hashrateSigma ?? DEFAULT_CROWD.hashrateSigma);
  const shareDifficulty = checkPositive('shareDifficulty', config.shareDifficulty ?? difficultyForSharePeriod(medianHs, 15));
  const workSlotUs = config.workSlotUs === null ? null : checkPositiveUs('workSlotUs', config.workSlotUs ?? DEFAULT_CROWD.workSlotUs);
  const feeBps = checkBps('operatorFeeBps', config.operatorFeeBps ?? DEFAULT_CROWD.operatorFeeBps);
  const priority = config.priority ?? 1;
  const operator = checkId('accounts.operator', config.accounts?.operator ?? 'operator:crowd');
  const nodePrefix = checkId('accounts.nodePrefix', config.accounts?.nodePrefix ?? 'crowd:');
  const all: CrowdNode[] = [];
  const byId = new Map<string, CrowdNode>();
  const series: { atUs: number; activeNodes: number }[] = [];
  const emit = (e: CrowdEvent): void => hooks.onEvent?.(e);
  let started = false;
  let lastDistributionUs = sim.nowUs;

  function join(untilUs: number): void {
    const id = `node-${all.length}`;
    const own = rng.child(id);
    const node: CrowdNode = {
      id, hashrateHs: own.lognormal(Math.log(medianHs), sigma), joinedAtUs: sim.nowUs, leftAtUs: null,
      shares: own.child('shares'), workTotal: 0, workPending: 0, rewardSat: 0n,
    };
    const leaveUs = sim.nowUs + Math.max(1, Math.round(own.exponential(1 / meanStayUs)));
    all.push(node);
    byId.set(id, node);
    emit({ type: 'CrowdNodeJoined', atUs: sim.nowUs, nodeId: id, hashrateHs: node.hashrateHs });
    if (leaveUs < untilUs) {
      sim.scheduleAt(leaveUs, () => {
        node.leftAtUs = sim.nowUs;
        emit({ type: 'CrowdNodeLeft', atUs: sim.nowUs, nodeId: id });
      }, priority);
    }
  }

  function addWork(node: CrowdNode, sumDifficulty: number): void {
    node.workTotal += sumDifficulty;
    node.workPending += sumDifficulty;
  }

  return {
    start(untilUs: number): void {
      checkStart(started, sim, untilUs);
      started = true;
      for (let i = 0; i < initialNodes; i++) join(untilUs);
      schedulePoissonArrivals(sim, rng.child('arrivals'), joinsPerDay, untilUs, priority, () => join(untilUs));
      if (workSlotUs !== null) {
        let fromUs = sim.nowUs;
        const slot = (): void => {
          const toUs = sim.nowUs;
          for (const node of all) {
            const activeUs = overlapUs(node.joinedAtUs, node.leftAtUs ?? toUs, fromUs, toUs);
            if (activeUs === 0) continue;
            const count = node.shares.poisson(expectedShares(node.hashrateHs, shareDifficulty, activeUs));
            if (count > 0) addWork(node, count * shareDifficulty);
          }
          series.push({ atUs: toUs, activeNodes: all.filter((n) => n.leftAtUs === null).length });
          fromUs = toUs;
          if (toUs < untilUs) sim.scheduleAt(Math.min(toUs + workSlotUs, untilUs), slot, priority + 1);
        };
        sim.scheduleAt(Math.min(sim.nowUs + workSlotUs, untilUs), slot, priority + 1);
      }
    },

    onWork(nodeId: string, atUs: number, sumDifficulty: number): void {
      const node = byId.get(nodeId);
      if (node === undefined) throw new RangeError(`nodeId must name a known crowd node, got ${shown(nodeId)}`);
      checkUs('atUs', atUs);
      checkNonNegative('sumDifficulty', sumDifficulty);
      if (atUs < node.joinedAtUs || (node.leftAtUs !== null && atUs > node.leftAtUs)) {
        throw new RangeError(`atUs must fall in node ${nodeId}'s stay [${node.joinedAtUs}, ${node.leftAtUs ?? '…'}], got ${atUs}`);
      }
      addWork(node, sumDifficulty);
    },

    activeCount: () => all.filter((n) => n.leftAtUs === null).length,

    distribute(ledger: Ledger, atUs: number, rewardSat: bigint, fromAccount: string): CrowdDistribution {
      checkUs('atUs', atUs);
      checkNonNegativeBigint('rewardSat', rewardSat);
      checkId('fromAccount', fromAccount);
      if (atUs < lastDistributionUs) throw new RangeError(`atUs must be ≥ the last distribution's ${lastDistributionUs}, got ${atUs}`);
      lastDistributionUs = atUs;
      const workers = all.filter((n) => n.workPending > 0);
      // With no work since the last distribution the whole reward is the operator's.
      const [fee, crowd] = workers.length === 0 ? [rewardSat, 0n] : splitByBasisPoints(rewardSat, [feeBps, BPS_PER_WHOLE - feeBps]) as [bigint, bigint];
      if (fee > 0n) ledger.transfer({ atUs, from: fromAccount, to: operator, amount: fee, unit: SAT_UNIT, reason: 'CrowdFeeTaken' });
      const sats = workers.length === 0 ? [] : splitByNumberWeights(crowd, workers.map((n) => n.workPending));
      const parts = workers.map((n, i) => ({ nodeId: n.id, workDifficulty: n.workPending, sat: sats[i]! }));
      for (const p of parts) {
        if (p.sat > 0n) ledger.transfer({ atUs, from: fromAccount, to: nodePrefix + p.nodeId, amount: p.sat, unit: SAT_UNIT, reason: 'CrowdRewardPaid' });
        const node = byId.get(p.nodeId)!;
        node.rewardSat += p.sat;
        node.workPending = 0;
      }
      emit({ type: 'CrowdRewardDistributed', atUs, amountSat: rewardSat });
      return { atUs, rewardSat, operatorFeeSat: fee, parts };
    },

    nodes: () => all.map((n) => ({
      nodeId: n.id, hashrateHs: n.hashrateHs, joinedAtUs: n.joinedAtUs, leftAtUs: n.leftAtUs, workDifficulty: n.workTotal, rewardSat: n.rewardSat,
    })),

    activeSeries: () => [...series],
  };
}
