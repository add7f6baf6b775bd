// The one quote API both front ends call: from canonical inputs (quote/inputs.ts), builds the quote's
// scenario from the base text, prices it, runs its seeds as sweep jobs on whatever runs jobs where
// the caller lives — this thread or worker_threads (the CLI), the lab's Web Worker pool — and
// summarises them. Replies are data, never throws. No simulation code is imported here, so a page
// can price as you type without loading the twin.
import type { ScenarioIssue } from '../scenario/index.js';
import {
  encodeQuoteLink, quoteOverrides, quotePrice, quotePriceGrid, quoteRunOf, quoteScenario, summarizeQuote,
  type Quote, type QuoteInputs, type QuotePrice, type QuotePriceGrid,
} from '../scenario/quote/index.js';
import type { SweepJob, SweepRun } from './sweep-plan.js';
import type { RunFailure } from './twin-runner.js';

export type QuoteFailure = { code: 'invalid-quote'; message: string; issues: ScenarioIssue[] } | RunFailure;
export type QuoteReply = { ok: true; quote: Quote } | { ok: false; error: QuoteFailure };

/** The answer of a job runner: every run in job order, or the first failure (the lab pool's `runJobs` shape). */
export type SeedRunsReply = { ok: true; runs: SweepRun[] } | { ok: false; error: RunFailure };
/** Runs the jobs of one scenario text; onRunDone counts finished runs. */
export type RunSeeds = (scenarioText: string, jobs: SweepJob[], onRunDone: (done: number) => void) => Promise<SeedRunsReply>;

export type QuoteHooks = { onProgress?: (doneRuns: number, totalRuns: number) => void };

/** The priced quote before any run: what a form shows as you type. */
export type PricedQuote = { link: string; price: QuotePrice; priceGrid: QuotePriceGrid; jobs: SweepJob[] };

function invalid(issues: ScenarioIssue[]): QuoteFailure {
  return { code: 'invalid-quote', message: `${issues.length} problem(s) in the quote's scenario`, issues };
}

export function priceQuote(inputs: QuoteInputs, baseText: string): { ok: true; priced: PricedQuote } | { ok: false; error: QuoteFailure } {
  const built = quoteScenario(baseText, inputs);
  if (!built.ok) return { ok: false, error: invalid(built.issues) };
  const overrides = quoteOverrides(inputs);
  return {
    ok: true,
    priced: {
      link: encodeQuoteLink(inputs),
      price: quotePrice(inputs, built.scenario),
      priceGrid: quotePriceGrid(inputs, built.scenario),
      // One cell (the quote), one job per seed: the sweep machinery places answers by index.
      jobs: inputs.seeds.map((seed, index) => ({ index, cell: 0, overrides, seed })),
    },
  };
}

export async function runQuote(inputs: QuoteInputs, baseText: string, runSeeds: RunSeeds, hooks: QuoteHooks = {}): Promise<QuoteReply> {
  const priced = priceQuote(inputs, baseText);
  return priced.ok ? runPricedQuote(inputs, priced.priced, baseText, runSeeds, hooks) : priced;
}

/** Runs a quote already priced from these inputs and base text (a page prices as you type, once). */
export async function runPricedQuote(inputs: QuoteInputs, priced: PricedQuote, baseText: string, runSeeds: RunSeeds, hooks: QuoteHooks = {}): Promise<QuoteReply> {
  const { link, price, priceGrid, jobs } = priced;
  hooks.onProgress?.(0, jobs.length);
  const reply = await runSeeds(baseText, jobs, (done) => hooks.onProgress?.(done, jobs.length));
  if (!reply.ok) return reply;
  const runs = reply.runs.map((run, i) => quoteRunOf(inputs.seeds[i], run));
  return { ok: true, quote: { inputs, link, price, priceGrid, runs, summary: summarizeQuote(price, runs) } };
}
