// The lab's worker protocol, typed in one place (STYLE.md: the Svelte REPL's worker protocol): what the
// twin Web Worker answers, with every failure as data. It also re-exports the few pure helpers the page
// needs (paths, sweeps), so the web imports the worker API and report types only.
import type { ScenarioIssue } from '../scenario/index.js';
import type { ChartSpec } from '../report/charts/index.js';
import type { SweepJob, SweepRun } from './sweep-plan.js';
import type { RunFailure, RunReply, RunRequest } from './twin-runner.js';

export type { RunFailure, RunReply, RunRequest, SweepJob, SweepRun, ScenarioIssue };
import type { DigestedResult } from '../report/index.js';
export type { DigestedResult, ChartSpec };
export type { Override, Vary } from '../scenario/index.js';
export { formatPath, parsePath, parseVary } from '../scenario/index.js';
export { planSweep, summarizeCells, type SweepCellSummary } from './sweep-plan.js';

/** A scenario problem with where it is in the text (1-based), when the path leads to a node. */
export type LocatedIssue = ScenarioIssue & { line?: number; column?: number };

/** What the editor shows of a valid scenario without running it. */
export type ScenarioSummary = { name: string; seed: string | number; horizonUs: number; slotUs: number; resolution: string };

export type ValidateReply = { ok: true; summary: ScenarioSummary } | { ok: false; issues: LocatedIssue[] };

export type RigModelChoice = { id: string; name: string; hashrateTHs: number; powerW: number };

/** What the form needs to describe any path: the JSON Schema (types, enums, defaults, hints) and the rig catalogue. */
export type ScenarioCatalogue = { jsonSchema: Record<string, unknown>; rigModels: RigModelChoice[] };

/**
 * A single run's reply in the lab: the result and its default charts (chartCatalogue), built in the
 * worker — building ~30 chart options takes 30–50 ms, which on the page would be a long task.
 */
export type LabRunReply = { ok: true; result: DigestedResult; charts: ChartSpec[] } | { ok: false; error: RunFailure };

export type JobReply = { ok: true; run: SweepRun } | { ok: false; error: RunFailure };

/**
 * A cancel flag shared with the worker (Int32Array over a SharedArrayBuffer; 1 = cancel), read at
 * every slot edge. Needs a cross-origin-isolated page; without one the owner terminates the worker.
 */
export type CancelFlag = Int32Array;

export interface BrowserTwinWorkerApi {
  run(request: RunRequest, onProgress?: (fraction: number) => void, cancel?: CancelFlag): Promise<LabRunReply>;
  runJob(scenarioText: string, job: SweepJob, cancel?: CancelFlag): Promise<JobReply>;
  validate(text: string): ValidateReply;
  describe(): ScenarioCatalogue;
}
