// A sweep's jobs — every combination of the varied values × K seeds — and the summary of their
// results per cell. Job order is fixed by the plan, so results never depend on how many workers ran them.
import type { Override } from '../scenario/index.js';
import { sweepCells, sweepSeed, type Vary } from '../scenario/index.js';

export type SweepJob = { index: number; cell: number; overrides: Override[]; seed: string | number };
export type SweepRun = { index: number; cell: number; seed: string | number; overrides: Override[]; digest: string; kpis: Record<string, number> };
export type SweepCellSummary = { cell: number; overrides: Override[]; runs: number; kpisMean: Record<string, number> };

export function planSweep(varies: Vary[], seeds: number, baseSeed: string | number): SweepJob[] {
  const jobs: SweepJob[] = [];
  sweepCells(varies).forEach((overrides, cell) => {
    for (let k = 0; k < seeds; k++) jobs.push({ index: jobs.length, cell, overrides, seed: sweepSeed(baseSeed, k) });
  });
  return jobs;
}

export function summarizeCells(runs: SweepRun[]): SweepCellSummary[] {
  const byCell = new Map<number, SweepRun[]>();
  for (const run of runs) byCell.set(run.cell, [...(byCell.get(run.cell) ?? []), run]);
  return [...byCell.entries()].sort(([a], [b]) => a - b).map(([cell, cellRuns]) => {
    const kpisMean: Record<string, number> = {};
    for (const key of Object.keys(cellRuns[0].kpis)) {
      kpisMean[key] = Number((cellRuns.reduce((s, r) => s + r.kpis[key], 0) / cellRuns.length).toFixed(6));
    }
    return { cell, overrides: cellRuns[0].overrides, runs: cellRuns.length, kpisMean };
  });
}
