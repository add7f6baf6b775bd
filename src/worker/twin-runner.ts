// The one run API both front ends call (the CLI directly or on worker_threads, the lab in a Web
// Worker): scenario text in, a digested result or every problem as data out. This composition root
// wires the WASM core into the model (hashed shares, digests).
import { bytesToHex, loadHashCore, scan, sha256, type HashCore } from '../hash/index.js';
import type { Resolution } from '../model/twin/index.js';
import { runTwin, TwinCancelled } from '../model/twin/index.js';
import type { ShareHasher } from '../model/shares/index.js';
import { withDigest, type DigestedResult } from '../report/index.js';
import { parseScenarioText, toTwinConfig, type Override, type ScenarioIssue } from '../scenario/index.js';

export type RunRequest = {
  scenarioText: string;
  seed?: string | number;
  resolution?: Resolution;
  overrides?: Override[];
};

export type RunFailure =
  | { code: 'invalid-scenario'; message: string; issues: ScenarioIssue[] }
  | { code: 'cancelled'; message: string }
  | { code: 'internal'; message: string };

export type RunReply = { ok: true; result: DigestedResult } | { ok: false; error: RunFailure };

export type RunHooks = { onProgress?: (fraction: number) => void; shouldCancel?: () => boolean };

export function wasmShareHasher(core: HashCore): ShareHasher {
  return {
    countMeeting: (header, target, startNonce, nonceCount) => scan(core, header, target, { start: startNonce, count: nonceCount }).nonces.length,
  };
}

export async function runScenario(request: RunRequest, hooks: RunHooks = {}): Promise<RunReply> {
  const parsed = parseScenarioText(request.scenarioText, request.overrides ?? []);
  if (!parsed.ok) {
    return { ok: false, error: { code: 'invalid-scenario', message: `${parsed.issues.length} problem(s) in the scenario`, issues: parsed.issues } };
  }
  try {
    const core = await loadHashCore();
    const config = toTwinConfig(parsed.scenario, request.seed);
    if (request.resolution) config.resolution = request.resolution;
    const result = runTwin(config, { ...hooks, shareHasher: wasmShareHasher(core) });
    return { ok: true, result: withDigest(result, (bytes) => bytesToHex(sha256(core, bytes))) };
  } catch (error) {
    if (error instanceof TwinCancelled) return { ok: false, error: { code: 'cancelled', message: 'run cancelled' } };
    return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
  }
}
