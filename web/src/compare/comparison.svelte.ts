// Two runs side by side: which scenarios (the lab's draft or any library entry), one seed for both,
// and their results. Runs with the same seed share random streams (common random numbers).
import type { DigestedResult, RunFailure, RunReply } from '../../../src/worker/browser-twin-protocol.js';
import type { TwinTask } from '../../../src/worker/browser-twin-pool.js';
import { twin } from '../app/twin';

export const DRAFT_ID = 'draft';

/** A seed as typed: whole numbers are numbers (as in a scenario file), anything else text; blank = the scenario's own. */
export function parseSeed(text: string): string | number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^-?\d+$/.test(trimmed) && Number.isSafeInteger(Number(trimmed)) ? Number(trimmed) : trimmed;
}

export class Comparison {
  a = $state('bundled:default.yaml');
  b = $state(DRAFT_ID);
  seed = $state('');
  running = $state(false);
  progressA = $state(0);
  progressB = $state(0);
  resultA = $state.raw<DigestedResult | undefined>();
  resultB = $state.raw<DigestedResult | undefined>();
  error = $state.raw<(RunFailure & { side: 'A' | 'B' }) | undefined>();
  private tasks: TwinTask<RunReply>[] = [];

  async run(textA: string, textB: string): Promise<void> {
    if (this.running) return;
    const seed = parseSeed(this.seed);
    this.running = true;
    this.error = undefined;
    this.progressA = this.progressB = 0;
    this.tasks = [
      twin.run({ scenarioText: textA, seed }, (f) => (this.progressA = f)),
      twin.run({ scenarioText: textB, seed }, (f) => (this.progressB = f)),
    ];
    const [a, b] = await Promise.all(this.tasks.map((t) => t.done));
    this.running = false;
    this.tasks = [];
    if (!a.ok || !b.ok) {
      // Stop the other side too: half a comparison is no comparison.
      this.error = !a.ok ? { ...a.error, side: 'A' } : { ...(b as { ok: false; error: RunFailure }).error, side: 'B' };
      return;
    }
    this.resultA = a.result;
    this.resultB = b.result;
  }

  cancel(): void {
    for (const task of this.tasks) task.cancel();
  }
}

export const comparison = new Comparison();
