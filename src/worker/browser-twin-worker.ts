// Web Worker body of the lab: runs, sweep jobs and validation as you type, exposed through comlink.
// Runs are synchronous inside the worker, so progress leaves through a comlink proxy and a cancel
// arrives through shared memory (a message could not be read until the run ends).
import { expose } from 'comlink';
import { LineCounter, parseDocument } from 'yaml';
import { listModels } from '../model/hardware/index.js';
import { chartCatalogue } from '../report/charts/index.js';
import { parsePath, parseScenarioText, scenarioJsonSchema, type ScenarioIssue } from '../scenario/index.js';
import type { BrowserTwinWorkerApi, CancelFlag, JobReply, LocatedIssue, ValidateReply } from './browser-twin-protocol.js';
import { runScenario } from './twin-runner.js';

/** Progress messages at most every 1 % of the horizon: enough for a smooth bar, few enough to stay cheap. */
const PROGRESS_STEP = 0.01;

const cancelled = (flag?: CancelFlag) => () => (flag ? Atomics.load(flag, 0) === 1 : false);

/** Adds line/column to each issue whose path leads to a node of the YAML (or to its nearest parent). */
function locate(text: string, issues: ScenarioIssue[]): LocatedIssue[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  return issues.map((issue) => {
    const keys = parsePath(issue.path);
    if (typeof keys === 'string') return issue;
    for (let depth = keys.length; depth > 0; depth--) {
      const node = doc.getIn(keys.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) {
        const { line, col } = lineCounter.linePos(node.range[0]);
        return { ...issue, line, column: col };
      }
    }
    return issue;
  });
}

const api: BrowserTwinWorkerApi = {
  async run(request, onProgress, cancel) {
    let shown = -1;
    const reply = await runScenario(request, {
      onProgress: (fraction) => {
        if (fraction - shown < PROGRESS_STEP && fraction < 1) return;
        shown = fraction;
        onProgress?.(fraction);
      },
      shouldCancel: cancelled(cancel),
    });
    return reply.ok ? { ...reply, charts: chartCatalogue(reply.result) } : reply;
  },

  async runJob(scenarioText, job, cancel): Promise<JobReply> {
    const reply = await runScenario({ scenarioText, seed: job.seed, overrides: job.overrides }, { shouldCancel: cancelled(cancel) });
    if (!reply.ok) return reply;
    const { digest, kpis } = reply.result;
    return { ok: true, run: { index: job.index, cell: job.cell, seed: job.seed, overrides: job.overrides, digest, kpis } };
  },

  validate(text): ValidateReply {
    const parsed = parseScenarioText(text);
    if (!parsed.ok) return { ok: false, issues: locate(text, parsed.issues) };
    const { name, seed, horizon, slot, resolution } = parsed.scenario;
    return { ok: true, summary: { name, seed, horizonUs: horizon, slotUs: slot, resolution } };
  },

  describe() {
    return {
      jsonSchema: scenarioJsonSchema(),
      rigModels: listModels()
        .filter((m) => m.algorithm === 'sha256d')
        .map((m) => ({ id: m.id, name: m.name, hashrateTHs: m.hashrateHs / 1e12, powerW: m.powerW })),
    };
  },
};

expose(api);
