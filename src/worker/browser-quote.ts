// The quote page's worker API: the quote's pure parts (inputs, link, price — cheap enough to run as
// you type) and a seed runner over the lab's twin pool, whose sweep jobs answer with digests and
// KPIs only (small messages, no long task on the page when they land). The simulation itself runs
// only in the pool's Web Workers.
import type { BrowserTwinPool, TwinTask } from './browser-twin-pool.js';
import type { RunSeeds, SeedRunsReply } from './quote-runner.js';

export {
  DEFAULT_SEED_COUNT, MAX_DAYS, MAX_HASHRATE_THS, MAX_SEEDS, QUOTE_ROUTE, QUOTE_SCHEMES, SITE_PRESETS,
  decodeQuoteLink, numberOrText, quoteFleet, quoteInputsFrom, quoteModelIds, quoteOverrides, sitePreset,
  type Quote, type QuoteInputs, type QuoteRequest, type QuoteRun, type QuoteScheme, type QuoteSpread, type SitePresetId,
} from '../scenario/quote/index.js';
export type { ScenarioIssue } from '../scenario/index.js';
export { priceQuote, runPricedQuote, type PricedQuote, type QuoteFailure, type QuoteReply } from './quote-runner.js';
export { formatMicroUsd } from '../report/money.js';
export { quotePriceGridOption } from '../report/quote-chart.js';

/** Runs a quote's seeds as jobs on the pool; `cancel` stops the jobs in flight (the quote then fails as cancelled). */
export class PoolSeedRunner {
  private readonly pool: BrowserTwinPool;
  private task: TwinTask<SeedRunsReply> | undefined;

  constructor(pool: BrowserTwinPool) {
    this.pool = pool;
  }

  readonly runSeeds: RunSeeds = async (scenarioText, jobs, onRunDone) => {
    const task = this.pool.runJobs(scenarioText, jobs, (done) => onRunDone(done));
    this.task = task;
    try {
      return await task.done;
    } finally {
      if (this.task === task) this.task = undefined;
    }
  };

  cancel(): void {
    this.task?.cancel();
  }
}
