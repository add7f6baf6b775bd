// High-availability rentals on the stratum hub (DESIGN.md system 2): assigns workers to rentals,
// judges each worker by its accepted shares (or, to compare, by a hardware verdict), fails a rental
// over to a spare when its worker fails and back once the worker has been alive for a while, and
// accounts delivered vs. sold hashrate, downtime and refunds (domain-facts §1.1, §1.3, §5).
import type { EventHandle, Simulation } from '../../../engine/index.js';
import type { Ledger } from '../../ledger/ledger.js';
import { HEALTH_EVENT, HealthTracker, type WorkerHealth } from '../../shares/index.js';
import { checkId, checkPositive, checkUs, shown } from '../_check.js';
import { hashesFromDifficulty } from './delivery.js';
import { checkRentalSpec, createRentalBook, creditWork, addDowntime, type RentalBook, type RentalSlot, type RentalSpec } from './rental-book.js';
import { resolveRentalConfig, type RentalSchedulerConfig, type ResolvedRentalConfig } from './rental-config.js';
import { rentalKpi, rentalTotals, type RentalKpis } from './rental-kpis.js';
import { settleRentals, type RentalSettlement } from './rental-settlement.js';
import {
  assign, attributeSpan, createWorkerState, hasFailed, isFree, isTrusted, pickForRental, pickReplacement, recordVerdict,
  type WorkerRole, type WorkerState,
} from './worker-pool.js';

export type RentalEventType =
  | 'RentalStarted' | 'RentalEnded' | 'RentalUnderProvisioned' | 'RentalToppedUp'
  | 'RentalFailedOver' | 'RentalFailedBack' | 'FailoverMissed'
  | 'WorkerDegraded' | 'WorkerDied' | 'WorkerRecovered'
  | 'RentalCharged' | 'RefundIssued';

export interface RentalEvent {
  readonly type: RentalEventType;
  readonly atUs: number;
  readonly rentalId?: string;
  /** The worker the event is about (the failed one for a failover, the owner for a fail-back). */
  readonly workerId?: string;
  /** The worker that took over (failover) or gave the rental back (fail-back). */
  readonly replacementId?: string;
  readonly amountMicroUsd?: bigint;
}

export interface RentalHooks {
  /** Required in 'hardware' mode: what the miner's own API says at atUs. */
  readonly hardwareVerdict?: (workerId: string, atUs: number) => WorkerHealth;
  /** Every event, for the twin's log. */
  readonly onEvent?: (event: RentalEvent) => void;
}

export interface WorkerStatus {
  readonly workerId: string;
  readonly role: WorkerRole;
  readonly hashrateHs: number;
  readonly available: boolean;
  /** The active monitor's verdict. */
  readonly verdict: WorkerHealth;
  /** The share-based verdict, kept in both modes for comparison. */
  readonly shareVerdict: WorkerHealth;
  readonly estimateHs: number;
  readonly rentalId: string | null;
}

export interface RentalScheduler {
  readonly config: ResolvedRentalConfig;
  /** A worker for rentals (role 'primary'). */
  addWorker(workerId: string, hashrateHs: number): void;
  /** A worker held back for failover. Idle spares mine for the house and their shares are fed too. */
  addSpare(workerId: string, hashrateHs: number): void;
  addRental(spec: RentalSpec): void;
  /** Accepted shares of one worker: a batch at atUs (≤ nowUs), spread over [atUs − spanUs, atUs]. */
  onShares(workerId: string, atUs: number, count: number, sumDifficulty: number, spanUs?: number): void;
  /** Taken out (false: counts as dead at once) or back (true: must then prove itself alive). */
  setWorkerAvailable(workerId: string, available: boolean): void;
  workerStatus(workerId: string): WorkerStatus;
  kpis(atUs?: number): RentalKpis;
  /** Hashes credited to rentals so far, 2^32·Σd over every window: a cheap running total for per-slot series. */
  deliveredHashes(): number;
  /** Books charges and refunds of the windows closed by atUs (default nowUs). */
  settle(ledger: Ledger, atUs?: number): RentalSettlement[];
}

export function createRentalScheduler(sim: Simulation, config: RentalSchedulerConfig = {}, hooks: RentalHooks = {}): RentalScheduler {
  const cfg = resolveRentalConfig(config);
  if (cfg.monitoring === 'hardware' && typeof hooks.hardwareVerdict !== 'function') {
    throw new RangeError(`hooks.hardwareVerdict must be a function in 'hardware' monitoring mode, got ${shown(hooks.hardwareVerdict)}`);
  }
  const workers = new Map<string, WorkerState>();
  const rentals = new Map<string, RentalBook>();
  let houseDifficulty = 0;
  let tickHandle: EventHandle | null = null;
  let openRentals = 0;
  const emit = (event: RentalEvent): void => hooks.onEvent?.(event);

  function workerOf(workerId: string): WorkerState {
    const worker = workers.get(workerId);
    if (worker === undefined) throw new RangeError(`workerId must name a known worker, got ${shown(workerId)}`);
    return worker;
  }

  function addWorkerWithRole(workerId: string, hashrateHs: number, role: WorkerRole): void {
    checkId('workerId', workerId);
    checkPositive('hashrateHs', hashrateHs);
    if (workers.has(workerId)) throw new RangeError(`workerId must be new, got ${shown(workerId)} twice`);
    const tracker = new HealthTracker({
      expectedHashrateHs: hashrateHs, windowUs: cfg.windowUs, binUs: cfg.binUs, startedAtUs: sim.nowUs,
      degradedBelowPct: cfg.degradedBelowPct, deadAfterUs: cfg.deadAfterUs,
    });
    workers.set(workerId, createWorkerState(workerId, hashrateHs, role, tracker, sim.nowUs));
  }

  function freeWorkers(atUs: number): WorkerState[] {
    return [...workers.values()].filter((w) => isFree(w, atUs, cfg));
  }

  function ensureTicking(): void {
    if (tickHandle !== null) return;
    const every = cfg.checkEveryUs;
    tickHandle = sim.scheduleAt(Math.ceil(sim.nowUs / every) * every, tick, cfg.priority);
  }

  function tick(): void {
    tickHandle = null;
    check(sim.nowUs);
    if (openRentals > 0) tickHandle = sim.schedule(cfg.checkEveryUs, tick, cfg.priority);
  }

  function judge(worker: WorkerState, atUs: number): WorkerHealth {
    worker.tracker.evaluate(atUs);
    if (!worker.available) return 'dead';
    return cfg.monitoring === 'shares' ? worker.tracker.status : hooks.hardwareVerdict!(worker.id, atUs);
  }

  function check(atUs: number): void {
    for (const worker of workers.values()) {
      if (recordVerdict(worker, judge(worker, atUs), atUs)) emit({ type: HEALTH_EVENT[worker.verdict], atUs, workerId: worker.id, rentalId: worker.rentalId ?? undefined });
    }
    for (const book of rentals.values()) {
      if (book.status !== 'active') continue;
      for (const slot of book.slots) {
        const current = workerOf(slot.currentId);
        const owner = workerOf(slot.ownerId);
        const ownerWaiting = current !== owner && owner.awaitingFailbackOf === book.spec.id && owner.rentalId === null;
        if (ownerWaiting && isTrusted(owner, atUs, cfg)) {
          moveSlot(book, slot, current, owner, atUs);
        } else if (hasFailed(current, atUs, cfg)) {
          const replacement = pickReplacement(freeWorkers(atUs), owner.hashrateHs)
            // A failing replacement with nothing else free hands back to an owner that is alive again,
            // even one not yet alive for failbackAfterUs: better than keeping a worker known to fail.
            ?? (ownerWaiting && owner.available && owner.verdict === 'alive' ? owner : undefined);
          if (replacement !== undefined) {
            moveSlot(book, slot, current, replacement, atUs);
          } else if (!slot.missed) {
            slot.missed = true;
            book.missedFailovers++;
            emit({ type: 'FailoverMissed', atUs, rentalId: book.spec.id, workerId: current.id });
          }
        }
      }
      topUp(book, atUs);
      updateImpaired(book, atUs);
    }
  }

  /**
   * A rental that started short of workers (rigs out for repair, or not yet trusted) takes free
   * primaries as they come back, rather than staying short for its whole period.
   */
  function topUp(book: RentalBook, atUs: number): void {
    if (book.spec.workerIds !== undefined) return;
    const provisionedHs = book.slots.reduce((sum, slot) => sum + workerOf(slot.ownerId).hashrateHs, 0);
    if (provisionedHs >= book.spec.hashrateHs) return;
    const added = pickForRental(freeWorkers(atUs), book.spec.hashrateHs - provisionedHs);
    for (const worker of added) {
      assign(worker, book.spec.id, atUs);
      book.slots.push({ ownerId: worker.id, currentId: worker.id, missed: false });
    }
    if (added.length > 0) emit({ type: 'RentalToppedUp', atUs, rentalId: book.spec.id });
  }

  /** Hands a slot from one worker to another: a fail-back when `to` owns it, else a failover. */
  function moveSlot(book: RentalBook, slot: RentalSlot, from: WorkerState, to: WorkerState, atUs: number): void {
    const owner = workerOf(slot.ownerId);
    assign(from, null, atUs);
    if (from === owner) owner.awaitingFailbackOf = book.spec.id;
    if (to === owner) owner.awaitingFailbackOf = null;
    assign(to, book.spec.id, atUs);
    slot.currentId = to.id;
    slot.missed = false;
    if (to === owner) {
      book.failbacks++;
      emit({ type: 'RentalFailedBack', atUs, rentalId: book.spec.id, workerId: owner.id, replacementId: from.id });
    } else {
      book.failovers++;
      emit({ type: 'RentalFailedOver', atUs, rentalId: book.spec.id, workerId: from.id, replacementId: to.id });
    }
  }

  /** Impaired: the hashrate of slots whose worker has not failed is below the hashrate sold. */
  function updateImpaired(book: RentalBook, atUs: number): void {
    let servingHs = 0;
    for (const slot of book.slots) {
      const worker = workerOf(slot.currentId);
      if (!hasFailed(worker, atUs, cfg)) servingHs += worker.hashrateHs;
    }
    const impaired = book.status === 'active' && servingHs < book.spec.hashrateHs;
    if (impaired && book.impairedSinceUs === null) book.impairedSinceUs = atUs;
    if (!impaired && book.impairedSinceUs !== null) {
      addDowntime(book, book.impairedSinceUs, atUs);
      book.impairedSinceUs = null;
    }
  }

  function startRental(book: RentalBook): void {
    const atUs = sim.nowUs;
    const { spec } = book;
    book.status = 'active';
    // Named workers are taken as they are (healthy or not) unless another rental holds them.
    const picked = spec.workerIds === undefined ? pickForRental(freeWorkers(atUs), spec.hashrateHs) : spec.workerIds.map(workerOf);
    for (const worker of picked) {
      if (worker.rentalId !== null || worker.awaitingFailbackOf !== null) continue;
      assign(worker, spec.id, atUs);
      book.slots.push({ ownerId: worker.id, currentId: worker.id, missed: false });
    }
    emit({ type: 'RentalStarted', atUs, rentalId: spec.id });
    if (book.slots.reduce((sum, slot) => sum + workerOf(slot.ownerId).hashrateHs, 0) < spec.hashrateHs) emit({ type: 'RentalUnderProvisioned', atUs, rentalId: spec.id });
    updateImpaired(book, atUs);
  }

  function endRental(book: RentalBook): void {
    const atUs = sim.nowUs;
    book.status = 'ended';
    openRentals--;
    updateImpaired(book, atUs);
    for (const slot of book.slots) {
      const current = workerOf(slot.currentId);
      if (current.rentalId === book.spec.id) assign(current, null, atUs);
      const owner = workerOf(slot.ownerId);
      if (owner.awaitingFailbackOf === book.spec.id) owner.awaitingFailbackOf = null;
    }
    emit({ type: 'RentalEnded', atUs, rentalId: book.spec.id });
  }

  return {
    config: cfg,
    addWorker: (workerId, hashrateHs) => addWorkerWithRole(workerId, hashrateHs, 'primary'),
    addSpare: (workerId, hashrateHs) => addWorkerWithRole(workerId, hashrateHs, 'spare'),

    addRental(spec: RentalSpec): void {
      checkRentalSpec(spec, sim.nowUs);
      if (rentals.has(spec.id)) throw new RangeError(`id must be a new rental id, got ${shown(spec.id)} twice`);
      spec.workerIds?.forEach((id) => workerOf(id));
      const book = createRentalBook({ ...spec, workerIds: spec.workerIds === undefined ? undefined : [...spec.workerIds] }, cfg.refundWindowUs);
      rentals.set(spec.id, book);
      openRentals++;
      sim.scheduleAt(spec.startUs, () => startRental(book), cfg.priority);
      sim.scheduleAt(spec.endUs, () => endRental(book), cfg.priority);
      ensureTicking();
    },

    onShares(workerId: string, atUs: number, count: number, sumDifficulty: number, spanUs = 0): void {
      const worker = workerOf(workerId);
      checkUs('atUs', atUs);
      if (atUs > sim.nowUs) throw new RangeError(`atUs must be ≤ nowUs (${sim.nowUs}), got ${atUs}`);
      worker.tracker.onShares(atUs, count, sumDifficulty, spanUs);
      if (sumDifficulty === 0) return;
      const fromUs = Math.max(atUs - spanUs, worker.history[0]!.fromUs);
      const houseFraction = attributeSpan(worker.history, fromUs, atUs, (rentalId, lo, hi, fraction) => {
        houseDifficulty += creditWork(rentals.get(rentalId)!, lo, hi, sumDifficulty * fraction);
      });
      houseDifficulty += sumDifficulty * houseFraction;
    },

    setWorkerAvailable(workerId: string, available: boolean): void {
      const worker = workerOf(workerId);
      if (typeof available !== 'boolean') throw new RangeError(`available must be a boolean, got ${shown(available)}`);
      if (worker.available === available) return;
      worker.available = available;
      // Acted on at once: the operator knows, no need to wait for the next check.
      sim.schedule(0, () => check(sim.nowUs), cfg.priority);
    },

    workerStatus(workerId: string): WorkerStatus {
      const w = workerOf(workerId);
      return {
        workerId: w.id, role: w.role, hashrateHs: w.hashrateHs, available: w.available, verdict: w.verdict,
        shareVerdict: w.tracker.status, estimateHs: w.tracker.estimator.estimateHs(sim.nowUs), rentalId: w.rentalId,
      };
    },

    deliveredHashes(): number {
      let sumDifficulty = 0;
      for (const book of rentals.values()) for (const w of book.windows) sumDifficulty += w.sumDifficulty;
      return hashesFromDifficulty(sumDifficulty);
    },

    kpis(atUs: number = sim.nowUs): RentalKpis {
      checkUs('atUs', atUs);
      const list = [...rentals.values()].map((book) => rentalKpi(book, cfg.refundRule, atUs));
      return { atUs, rentals: list, totals: rentalTotals(list, hashesFromDifficulty(Math.max(houseDifficulty, 0))) };
    },

    settle(ledger: Ledger, atUs: number = sim.nowUs): RentalSettlement[] {
      checkUs('atUs', atUs);
      if (atUs > sim.nowUs) throw new RangeError(`atUs must be ≤ nowUs (${sim.nowUs}), got ${atUs}`);
      const settled = settleRentals(rentals.values(), cfg.refundRule, ledger, atUs, cfg);
      for (const s of settled) {
        if (s.chargedMicroUsd > 0n) emit({ type: 'RentalCharged', atUs, rentalId: s.rentalId, amountMicroUsd: s.chargedMicroUsd });
        if (s.refundMicroUsd > 0n) emit({ type: 'RefundIssued', atUs, rentalId: s.rentalId, amountMicroUsd: s.refundMicroUsd });
      }
      return settled;
    },
  };
}
