// Runs the twin: the network's blocks, the fleet's shares at the chosen resolution, the pools'
// payout schemes and the ledger, on the discrete-event engine. Same config + seed → same result.
import { createRoot, Recorder, Simulation, type EventHandle, type RandomStream } from '../../engine/index.js';
import { Ledger } from '../ledger/index.js';
import type { PoolContext } from '../pools/index.js';
import {
  aggregateShareSource, hashedShareSource, nextShareDelayUs, staleProbability, TWO_32, vardiffAfterSlot,
  type HealthTransition, type ShareHasher, type ShareSource,
} from '../shares/index.js';
import { US_PER_S } from '../units.js';
import { Chain } from './chain.js';
import type { TwinConfig } from './config.js';
import { GroupRuntime, vardiffOptionsOf, type ExactWorker } from './group-runtime.js';
import { PoolRuntime, poolOthersMinerId } from './pool-runtime.js';
import { SiteRuntime } from './site-runtime.js';
import { pricePerSlotUsd } from './price-path.js';
import { buildResult, type TwinResult } from './result.js';
import type { TwinSystem, TwinSystemContext } from './system.js';
import { SYSTEM_FACTORIES } from './systems/index.js';
import { getBlockSubsidy, hashpriceSatPerThDay } from '../network/index.js';

export interface TwinHooks {
  /** Required for the hashed resolution: real sha256d scans (the composition root wires the WASM core). */
  shareHasher?: ShareHasher;
  /** Fraction of the horizon simulated, called about once per slot. */
  onProgress?: (fraction: number) => void;
  shouldCancel?: () => boolean;
}

export class TwinCancelled extends Error {
  constructor() {
    super('run cancelled');
    this.name = 'TwinCancelled';
  }
}

/** Ordering of same-time events: blocks first, then the slot's bookkeeping, then payouts. */
const PRIORITY_BLOCK = 0;
const PRIORITY_SLOT = 10;
const PRIORITY_PAYOUT = 20;
/** Exact mode judges each worker's health this often. */
const EXACT_HEALTH_CHECK_US = 60 * US_PER_S;
const NETWORK_FINDER = 'network';

type BlockSource = { id: string; rng: RandomStream; rateHs: () => number; onFound: (atUs: number) => void; handle?: EventHandle };

export function runTwin(config: TwinConfig, hooks: TwinHooks = {}): TwinResult {
  if (config.resolution === 'hashed' && !hooks.shareHasher) throw new Error('the hashed resolution needs hooks.shareHasher');
  const sim = new Simulation();
  const root = createRoot(config.seed);
  const slots = Math.ceil(config.horizonUs / config.slotUs);
  const recorder = new Recorder({ slotUs: config.slotUs });
  const ledger = new Ledger();
  const chain = new Chain(config.network);
  const prices = pricePerSlotUsd(config.network.price, slots, config.slotUs, root.stream('network/price'));
  const feesRng = root.stream('network/fees');
  const pools = new Map(config.pools.map((p) => [p.id, new PoolRuntime(p, ledger, config.network.feesPerBlockSat)]));
  const groups = config.fleet.map((g) => new GroupRuntime(g, pools.get(g.poolId)!, root.stream(`group/${g.id}`), config.monitoring));
  const shareSource: ShareSource = config.resolution === 'hashed' ? hashedShareSource(hooks.shareHasher!) : aggregateShareSource;
  let lastFlushUs = 0;
  let lastBlockAtUs = -Infinity;
  let earnedSat = 0n;
  // Power: the fleet's IT draw billed at facility power (× PUE), exactly, one bill a day.
  const site = new SiteRuntime(config, groups, recorder, root.stream('site/ambient'));
  let fleetExpectedBlocks = 0;
  const slotIndexAt = (atUs: number) => Math.min(slots - 1, Math.floor(atUs / config.slotUs));
  const context = (): PoolContext => ({ networkDifficulty: chain.difficulty, subsidySat: chain.subsidySat() });
  // The fleet's place in the network: curtailed rigs leave the network's hashrate lower, not others' higher.
  const fleetFullHs = groups.reduce((sum, g) => sum + g.fullHashrateHs, 0);
  const poolExtraHs = config.pools.reduce((sum, p) => sum + p.extraHashrateHs, 0);
  const totalBlockRatePerS = () => chain.hashrateHsAt(sim.nowUs) / (chain.difficulty * TWO_32);
  const systemContext: TwinSystemContext = {
    sim, config, root, recorder, ledger, groups, pools, chain, slots, slotIndexAt,
    coinPriceUsd: (slot) => prices[Math.min(slots - 1, Math.max(0, slot))],
    hashpriceSatPerThDay: () => hashpriceSatPerThDay({
      subsidySat: getBlockSubsidy(chain.height + 1), avgFeesSat: config.network.feesPerBlockSat, difficulty: chain.difficulty,
    }),
  };
  const systems: TwinSystem[] = SYSTEM_FACTORIES.map((make) => make(systemContext)).filter((s): s is TwinSystem => s !== undefined);

  function logTransition(groupId: string, worker: string | undefined, t: HealthTransition | undefined): void {
    if (t) recorder.log(t.atUs, t.event, { group: groupId, worker, estimateTHs: t.estimateHs / 1e12, expectedTHs: t.expectedHashrateHs / 1e12 });
  }

  /**
   * Aggregate and hashed modes draw a group's whole slot of work at the slot's start, from the
   * group's own stream: two draws per group per slot whatever else happens, so what-if runs that
   * differ elsewhere (another group, other block times) keep common random numbers. Flushes inside
   * the slot then credit the work pro rata to elapsed time, deterministically.
   */
  function drawSlotWork(slotStartUs: number, slotEndUs: number): void {
    site.startSlot(slotStartUs);
    for (const system of systems) system.startSlot?.(slotIndexAt(slotStartUs), slotStartUs, slotEndUs);
    if (config.resolution === 'exact') return;
    const blockRatePerS = totalBlockRatePerS();
    const spanUs = slotEndUs - slotStartUs;
    for (const g of groups) {
      const stale = staleProbability(g.config.latencyUs, blockRatePerS);
      const accepted = shareSource.sharesIn(`group/${g.config.id}`, g.deliveredHashrateHs * (1 - stale), g.shareDifficulty, spanUs, g.rng);
      const staleShares = g.rng.poisson((g.deliveredHashrateHs * stale * (spanUs / US_PER_S)) / (g.shareDifficulty * TWO_32));
      g.startSlotWork(slotStartUs, slotEndUs, accepted, staleShares);
    }
  }

  /** Moves the work done since the last flush into the pools' schemes (before any block is settled). */
  function flush(nowUs: number): void {
    const spanUs = nowUs - lastFlushUs;
    if (config.resolution !== 'exact' && spanUs > 0) {
      for (const g of groups) {
        const accepted = g.takeSlotWorkUntil(nowUs);
        if (accepted > 0) g.health.onShares(nowUs, accepted, accepted * g.shareDifficulty, spanUs);
      }
    }
    const ctx = context();
    const slot = slotIndexAt(Math.max(0, nowUs - 1));
    for (const g of groups) {
      const work = g.takePending();
      g.pool.credit(g.config.id, work.poolDifficulty, nowUs, ctx);
      recorder.add('fleetSharesAccepted', slot * config.slotUs, work.accepted);
      recorder.add('fleetSharesStale', slot * config.slotUs, work.stale);
      recorder.add('fleetAcceptedDifficulty', slot * config.slotUs, work.difficulty);
    }
    if (spanUs > 0) {
      for (const pool of pools.values()) {
        // The pool's other miners: expected work, their own noise being negligible at pool scale.
        if (pool.config.extraHashrateHs > 0) pool.credit(poolOthersMinerId(pool.config.id), (pool.config.extraHashrateHs * spanUs) / US_PER_S / TWO_32, nowUs, ctx);
      }
    }
    lastFlushUs = nowUs;
  }

  function blockFound(finder: string, pool: PoolRuntime | undefined, atUs: number): void {
    flush(atUs);
    const subsidy = chain.subsidySat();
    const fees = chain.drawFeesSat(feesRng);
    if (pool) {
      pool.block(finder, atUs, subsidy + fees, fees, context());
      const group = groups.find((g) => g.config.id === finder);
      if (group) {
        group.blocksFound++;
        recorder.log(atUs, 'BlockFound', { height: chain.height + 1, group: finder, pool: pool.config.id, rewardSat: String(subsidy + fees) });
      }
    }
    // By who found it, not by name: a fleet group may be called "network" too.
    recorder.add(pool === undefined ? 'networkBlocks' : 'poolBlocks', slotIndexAt(atUs) * config.slotUs, 1);
    lastBlockAtUs = atUs;
    if (chain.onBlock(atUs)) {
      recorder.log(atUs, 'DifficultyRetargeted', { height: chain.height, difficulty: chain.difficulty });
      rescheduleSources();
    }
  }

  // Blocks as Poisson processes: the rest of the network, each pool's other miners, and (outside
  // exact mode) each fleet group. Rates change at retargets and slot edges; memorylessness makes
  // redrawing the next arrival then exact for piecewise-constant rates.
  const sources: BlockSource[] = [
    {
      id: NETWORK_FINDER, rng: root.stream('network/blocks'),
      rateHs: () => Math.max(0, chain.hashrateHsAt(sim.nowUs) - fleetFullHs - poolExtraHs),
      onFound: (atUs) => blockFound(NETWORK_FINDER, undefined, atUs),
    },
    ...[...pools.values()].filter((p) => p.config.extraHashrateHs > 0).map((p): BlockSource => ({
      id: poolOthersMinerId(p.config.id), rng: root.stream(`pool/${p.config.id}/others`),
      rateHs: () => p.config.extraHashrateHs,
      onFound: (atUs) => blockFound(poolOthersMinerId(p.config.id), p, atUs),
    })),
    ...(config.resolution === 'exact' ? [] : groups.map((g): BlockSource => ({
      id: g.config.id, rng: g.rng.child('blocks'),
      rateHs: () => g.poolHashrateHs * (1 - staleProbability(g.config.latencyUs, totalBlockRatePerS())),
      onFound: (atUs) => blockFound(g.config.id, g.pool, atUs),
    }))),
  ];

  function scheduleSource(source: BlockSource): void {
    if (source.handle !== undefined) sim.cancel(source.handle);
    source.handle = undefined;
    const ratePerS = source.rateHs() / (chain.difficulty * TWO_32);
    if (ratePerS <= 0) return;
    const delayUs = Math.max(1, Math.round(source.rng.exponential(ratePerS) * US_PER_S));
    // A block after the horizon is never mined (and a small source's draw can exceed the engine's
    // safe-integer clock); the source is redrawn at the next slot edge anyway (memoryless).
    if (delayUs > config.horizonUs - sim.nowUs) return;
    source.handle = sim.schedule(delayUs, () => {
      source.handle = undefined;
      source.onFound(sim.nowUs);
      if (source.handle === undefined) scheduleSource(source);
    }, PRIORITY_BLOCK);
  }

  function rescheduleSources(): void {
    for (const source of sources) scheduleSource(source);
  }

  /** A share after the horizon is never sent (its delay may not even be a safe integer of µs). */
  function scheduleShare(worker: ExactWorker, delayUs: number): void {
    if (delayUs <= config.horizonUs - sim.nowUs) sim.schedule(delayUs, worker.onShare);
  }

  if (config.resolution === 'exact') {
    for (const g of groups) {
      g.createWorkers(config.monitoring, (worker: ExactWorker) => () => {
        const atUs = sim.nowUs;
        const difficulty = g.workerDifficulty(worker);
        const fraction = g.workerFraction(worker.index);
        if (worker.index >= g.runningCount || fraction === 0) {
          // Curtailed, shut down or broken: the rig is off, so this draw finds nothing (memoryless: it resumes at its rate).
        } else if (atUs - lastBlockAtUs < g.config.latencyUs) {
          g.pendingStale++;
        } else {
          g.addAccepted(1, difficulty);
          worker.health.onShare(atUs, difficulty);
          worker.vardiff?.onShare(atUs);
          g.onRigShare?.(worker.index, atUs, difficulty);
          // Drawn for every share, so renting a rig out does not shift the worker's stream.
          const isBlock = worker.rng.uniform() < difficulty / chain.difficulty;
          if (g.rentedOut.has(worker.index)) g.pendingRentedDifficulty += difficulty;
          else if (isBlock) blockFound(g.config.id, g.pool, atUs);
        }
        scheduleShare(worker, nextShareDelayUs(g.workerHashrateHs * fraction || g.workerHashrateHs, g.workerDifficulty(worker), worker.rng));
      });
      for (const worker of g.workers) scheduleShare(worker, nextShareDelayUs(g.workerHashrateHs, g.workerDifficulty(worker), worker.rng));
    }
    const checkHealth = () => {
      for (const g of groups) {
        for (const worker of g.workers) {
          if (worker.index >= g.runningCount) continue;
          // A rig that is off (shut down by heat, broken, on the bench) is not connected: its vardiff
          // must not fall to the minimum, or its draws would flood the queue when it comes back.
          if (g.workerFraction(worker.index) > 0) worker.vardiff?.onIdle(sim.nowUs);
          logTransition(g.config.id, worker.key, g.countAlert(worker.health.evaluate(sim.nowUs)));
          if (worker.health.status !== 'alive') g.unhealthyWorkerUs += EXACT_HEALTH_CHECK_US;
        }
      }
      if (sim.nowUs + EXACT_HEALTH_CHECK_US <= config.horizonUs) sim.schedule(EXACT_HEALTH_CHECK_US, checkHealth, PRIORITY_SLOT);
    };
    sim.schedule(EXACT_HEALTH_CHECK_US, checkHealth, PRIORITY_SLOT);
  }

  const acceptedAtSlotStart = groups.map(() => 0);
  // The slot tick: settle work, retarget vardiff (aggregate), judge health, record the series.
  for (let slot = 0; slot < slots; slot++) {
    const endUs = Math.min(config.horizonUs, (slot + 1) * config.slotUs);
    sim.scheduleAt(endUs, () => {
      const slotUs = slot * config.slotUs;
      flush(sim.nowUs);
      groups.forEach((g, i) => {
        const acceptedInSlot = g.acceptedShares - acceptedAtSlotStart[i];
        acceptedAtSlotStart[i] = g.acceptedShares;
        if (config.resolution !== 'exact') {
          if (g.pool.config.fixedShareDifficulty === undefined && g.runningCount > 0) {
            const perWorker = acceptedInSlot / g.runningCount;
            g.shareDifficulty = vardiffAfterSlot(g.shareDifficulty, perWorker, (endUs - slotUs) / US_PER_S, vardiffOptionsOf(g.pool.config));
          }
          // A fully curtailed group is off, not dead: it is not judged until it runs again.
          if (g.runningCount > 0) {
            logTransition(g.config.id, undefined, g.countAlert(g.health.evaluate(sim.nowUs)));
            if (g.health.status !== 'alive') g.unhealthyWorkerUs += (endUs - slotUs) * g.runningCount;
          }
        }
      });
      const earnedNowSat = groups.reduce((sum, g) => sum + (g.pool.creditedSat.get(g.config.id) ?? 0n), 0n);
      recorder.add('fleetEarnedSat', slotUs, Number(earnedNowSat - earnedSat));
      earnedSat = earnedNowSat;
      const fleetDeliveredHs = groups.reduce((sum, g) => sum + g.poolHashrateHs, 0);
      fleetExpectedBlocks += (fleetDeliveredHs * ((endUs - slotUs) / US_PER_S)) / (chain.difficulty * TWO_32);
      for (const pool of pools.values()) {
        const poolHs = pool.config.extraHashrateHs + groups.reduce((sum, g) => sum + (g.pool === pool ? g.poolHashrateHs : 0), 0);
        pool.expectedBlocks += (poolHs * ((endUs - slotUs) / US_PER_S)) / (chain.difficulty * TWO_32);
      }
      site.endSlot(slotUs, endUs, ledger);
      for (const system of systems) system.endSlot?.(slot, slotUs, endUs);
      recorder.set('networkDifficulty', slotUs, chain.difficulty);
      recorder.set('networkHashrateEHs', slotUs, chain.hashrateHsAt(sim.nowUs) / 1e18);
      recorder.set('priceUsd', slotUs, prices[slot]);
      recorder.set('fleetHashrateNominalTHs', slotUs, groups.reduce((s, g) => s + g.nominalHashrateHs, 0) / 1e12);
      for (const pool of pools.values()) recorder.set(`pool.${pool.config.id}.reserveBtc`, slotUs, Number(pool.observeReserve()) / 1e8);
      hooks.onProgress?.(endUs / config.horizonUs);
      if (hooks.shouldCancel?.()) throw new TwinCancelled();
      if (slot + 1 < slots) drawSlotWork(endUs, Math.min(config.horizonUs, endUs + config.slotUs));
      rescheduleSources();
    }, PRIORITY_SLOT);
  }

  // Payouts at each pool's interval, and a final one at the horizon.
  for (const pool of pools.values()) {
    for (let atUs = pool.config.payoutIntervalUs; atUs < config.horizonUs; atUs += pool.config.payoutIntervalUs) {
      sim.scheduleAt(atUs, () => pool.payOut(sim.nowUs), PRIORITY_PAYOUT);
    }
  }
  drawSlotWork(0, Math.min(config.horizonUs, config.slotUs));
  rescheduleSources();
  sim.runUntil(config.horizonUs);
  flush(config.horizonUs);
  for (const pool of pools.values()) pool.payOut(config.horizonUs);
  for (const system of systems) system.finish?.(config.horizonUs);
  return buildResult({ config, chain, pools: [...pools.values()], groups, ledger, recorder, prices, slots, eventsRun: sim.eventsRun, fleetExpectedBlocks, energy: site.energy, systems });
}
