// The workers a rental scheduler can hand out: each one's share-based health tracker, the active
// monitor's verdict with how long it has held, what it is mining for (and since when), and the
// choice of workers for a new rental or a failover.
import { HealthTracker, type WorkerHealth } from '../../shares/index.js';

/** Primaries serve rentals from the start; spares are kept back for failover. */
export type WorkerRole = 'primary' | 'spare';

/** From fromUs until the next span's fromUs the worker mined for rentalId (null: for the house). */
export interface AssignmentSpan {
  readonly fromUs: number;
  readonly rentalId: string | null;
}

export interface WorkerState {
  readonly id: string;
  readonly hashrateHs: number;
  readonly role: WorkerRole;
  readonly tracker: HealthTracker;
  available: boolean;
  /** The active monitor's latest verdict ('dead' while unavailable). */
  verdict: WorkerHealth;
  /** Start of the current unbroken run of non-alive verdicts, or null while alive. */
  badSinceUs: number | null;
  /** Start of the current unbroken run of 'alive' verdicts (meaningless while bad). */
  aliveSinceUs: number;
  /** Whether the worker was ever judged bad: a worker with a past must prove itself before reuse. */
  everBad: boolean;
  /** The rental it mines for now. */
  rentalId: string | null;
  /** The rental it was failed over from and may take back. */
  awaitingFailbackOf: string | null;
  readonly history: AssignmentSpan[];
}

export interface WorkerJudgementRules {
  readonly confirmDegradedUs: number;
  readonly failbackAfterUs: number;
}

export function createWorkerState(id: string, hashrateHs: number, role: WorkerRole, tracker: HealthTracker, atUs: number): WorkerState {
  return {
    id, hashrateHs, role, tracker,
    available: true,
    verdict: 'alive',
    badSinceUs: null,
    aliveSinceUs: atUs,
    everBad: false,
    rentalId: null,
    awaitingFailbackOf: null,
    history: [{ fromUs: atUs, rentalId: null }],
  };
}

/** Records a new verdict; returns true when it changed. */
export function recordVerdict(worker: WorkerState, verdict: WorkerHealth, atUs: number): boolean {
  const changed = verdict !== worker.verdict;
  if (verdict === 'alive') {
    if (worker.badSinceUs !== null) {
      worker.badSinceUs = null;
      worker.aliveSinceUs = atUs;
    }
  } else if (worker.badSinceUs === null) {
    worker.badSinceUs = atUs;
    worker.everBad = true;
  }
  worker.verdict = verdict;
  return changed;
}

/** Failed enough to act on: unavailable, dead, or degraded for at least confirmDegradedUs. */
export function hasFailed(worker: WorkerState, atUs: number, rules: WorkerJudgementRules): boolean {
  if (!worker.available || worker.verdict === 'dead') return true;
  return worker.verdict === 'degraded' && worker.badSinceUs !== null && atUs - worker.badSinceUs >= rules.confirmDegradedUs;
}

/** Healthy enough to be trusted with work: alive, and alive for failbackAfterUs if it was ever bad. */
export function isTrusted(worker: WorkerState, atUs: number, rules: WorkerJudgementRules): boolean {
  if (!worker.available || worker.verdict !== 'alive') return false;
  return !worker.everBad || atUs - worker.aliveSinceUs >= rules.failbackAfterUs;
}

/** Free to hand out: trusted, mining for nobody, not waiting to take a rental back. */
export function isFree(worker: WorkerState, atUs: number, rules: WorkerJudgementRules): boolean {
  return worker.rentalId === null && worker.awaitingFailbackOf === null && isTrusted(worker, atUs, rules);
}

export function assign(worker: WorkerState, rentalId: string | null, atUs: number): void {
  worker.rentalId = rentalId;
  const last = worker.history[worker.history.length - 1]!;
  if (last.fromUs === atUs) worker.history[worker.history.length - 1] = { fromUs: atUs, rentalId };
  else worker.history.push({ fromUs: atUs, rentalId });
}

/**
 * Workers for a new rental of neededHs, best fit: while short, take the smallest free worker that
 * covers the rest, else the largest; ties by pool order. Primaries only — spares stay back.
 */
export function pickForRental(free: readonly WorkerState[], neededHs: number): WorkerState[] {
  const left = free.filter((w) => w.role === 'primary');
  const picked: WorkerState[] = [];
  let remainingHs = neededHs;
  while (remainingHs > 0 && left.length > 0) {
    let choice = -1;
    for (let i = 0; i < left.length; i++) {
      const w = left[i]!;
      if (w.hashrateHs >= remainingHs && (choice < 0 || w.hashrateHs < left[choice]!.hashrateHs)) choice = i;
    }
    if (choice < 0) {
      choice = 0;
      for (let i = 1; i < left.length; i++) if (left[i]!.hashrateHs > left[choice]!.hashrateHs) choice = i;
    }
    const [w] = left.splice(choice, 1);
    picked.push(w!);
    remainingHs -= w!.hashrateHs;
  }
  return picked;
}

/**
 * The replacement for a failed worker of replacedHs: spares before primaries; within a role the
 * smallest that is at least as fast, else the fastest; ties by pool order. undefined when none.
 */
export function pickReplacement(free: readonly WorkerState[], replacedHs: number): WorkerState | undefined {
  for (const role of ['spare', 'primary'] as const) {
    const group = free.filter((w) => w.role === role);
    if (group.length === 0) continue;
    let best: WorkerState | undefined;
    for (const w of group) if (w.hashrateHs >= replacedHs && (best === undefined || w.hashrateHs < best.hashrateHs)) best = w;
    if (best !== undefined) return best;
    for (const w of group) if (best === undefined || w.hashrateHs > best.hashrateHs) best = w;
    return best;
  }
  return undefined;
}

/**
 * Splits work done over [fromUs, toUs] (a point when equal) among the assignment spans it overlaps:
 * calls credit(rentalId, segFromUs, segToUs, fraction) per rental segment and returns the fraction
 * that was mined for the house.
 */
export function attributeSpan(
  history: readonly AssignmentSpan[], fromUs: number, toUs: number,
  credit: (rentalId: string, segFromUs: number, segToUs: number, fraction: number) => void,
): number {
  if (toUs === fromUs) {
    let span = history[0]!;
    for (const s of history) if (s.fromUs <= toUs) span = s;
    if (span.rentalId === null || span.fromUs > toUs) return 1;
    credit(span.rentalId, toUs, toUs, 1);
    return 0;
  }
  let house = 1;
  const lengthUs = toUs - fromUs;
  for (let i = 0; i < history.length; i++) {
    const span = history[i]!;
    if (span.rentalId === null) continue;
    const endUs = i + 1 < history.length ? history[i + 1]!.fromUs : Infinity;
    const lo = Math.max(fromUs, span.fromUs);
    const hi = Math.min(toUs, endUs);
    if (hi > lo) {
      const fraction = (hi - lo) / lengthUs;
      credit(span.rentalId, lo, hi, fraction);
      house -= fraction;
    }
  }
  return house;
}
