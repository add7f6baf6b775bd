// Scenarios for the operations and rentals tests, and the run's event log read back into each rig's
// state (open faults by kind, on the bench or not) to check the twin's series and bills against.
import type { TwinResult } from '../../../src/model/twin/index.js';
import { baseScenario, type TestDoc } from './fixtures.js';

export const HOUR_US = 3_600_000_000;
export const DAY_US = 24 * HOUR_US;

/** Only these component rates (%/yr), the others 0. */
export function ratesPct(rates: Partial<Record<'hashboard' | 'chips' | 'fan' | 'psu' | 'controller', number>>) {
  return { hashboard: 0, chips: 0, fan: 0, psu: 0, controller: 0, ...rates };
}

/** A round-the-clock crew, so repairs never wait for a shift. */
export const ALWAYS_ON_CREW = { shifts: [{ startHour: 0, endHour: 24, staff: 2 }] };

/** One group of S21-like rigs (3 boards, 4 fans, 3.5 kW) under operations, no climate, 1-hour slots. */
export function opsDoc(operations: Record<string, unknown>, options: { count?: number; horizon?: string; seed?: number; slot?: string } = {}): TestDoc {
  const doc = baseScenario();
  doc.seed = options.seed ?? 1;
  doc.horizon = options.horizon ?? '30d';
  doc.slot = options.slot ?? '1h';
  doc.site = { pue: 1.1, powerPriceUSDperKWh: 0.05 };
  doc.fleet = [{ id: 'g', count: options.count ?? 20, model: 'antminer-s21', pool: 'p', latencyMs: 0 }];
  doc.operations = operations;
  return doc;
}

export interface RigReplay {
  /** Open faults by kind (a rig may have several of one kind: boards, fans). */
  open: string[];
  inRepair: boolean;
}

/** The rigs' states after each logged event of a group, in log order (the log is in time order). */
export function replayRigs(result: TwinResult, groupId: string, count: number): { atUs: number; rigs: RigReplay[] }[] {
  const rigs: RigReplay[] = Array.from({ length: count }, () => ({ open: [], inRepair: false }));
  const states: { atUs: number; rigs: RigReplay[] }[] = [];
  for (const event of result.events) {
    const data = event.data as { group?: string; rig?: number; kind?: string; kinds?: string[] };
    if (data.group !== groupId || data.rig === undefined) continue;
    const rig = rigs[data.rig];
    if (event.type === 'ComponentFailed') rig.open.push(data.kind!);
    if (event.type === 'RepairStarted') rig.inRepair = true;
    if (event.type === 'RigRepaired') {
      rig.inRepair = false;
      for (const kind of data.kinds!) rig.open.splice(rig.open.indexOf(kind), 1);
    }
    states.push({ atUs: event.atUs, rigs: rigs.map((r) => ({ open: [...r.open], inRepair: r.inRepair })) });
  }
  return states;
}

/** The state of the rigs at atUs (after every event logged at or before it). */
export function rigsAt(states: { atUs: number; rigs: RigReplay[] }[], atUs: number, count: number): RigReplay[] {
  let found: RigReplay[] = Array.from({ length: count }, () => ({ open: [], inRepair: false }));
  for (const state of states) {
    if (state.atUs > atUs) break;
    found = state.rigs;
  }
  return found;
}

export function statusOf(rig: RigReplay): 'healthy' | 'faulty' | 'inRepair' {
  return rig.inRepair ? 'inRepair' : rig.open.length > 0 ? 'faulty' : 'healthy';
}

/** Power / nominal of a rig as the hardware stands: 0 on the bench or with a dead PSU or controller, else its working boards. */
export function powerFractionOf(rig: RigReplay, boards: number): number {
  if (rig.inRepair || rig.open.includes('psu') || rig.open.includes('controller')) return 0;
  return (boards - rig.open.filter((k) => k === 'hashboard').length) / boards;
}

/**
 * A group of `count` S21s under operations, its rigs rented: a 30-minute pool window (N ≈ 120 shares,
 * so noise rarely looks like a failure), 15-minute slots.
 */
export function rentalsDoc(
  rentals: Record<string, unknown>, operations: Record<string, unknown>, options: { count?: number; horizon?: string; seed?: number } = {},
): TestDoc {
  const doc = opsDoc(operations, { count: options.count ?? 6, horizon: options.horizon ?? '5d', seed: options.seed, slot: '15m' });
  doc.monitoring = { windowMinutes: 30 };
  doc.rentals = { group: 'g', ...rentals };
  return doc;
}
