// The quote page's state: the form as typed, its canonical inputs and price (pure, recomputed as you
// type), and the seeded runs on the lab's twin workers. A shared link fills the form and runs it.
import baseText from '../../../scenarios/quote-base.yaml?raw';
import {
  DEFAULT_SEED_COUNT, PoolSeedRunner, decodeQuoteLink, numberOrText, priceQuote, quoteInputsFrom, runPricedQuote, sitePreset,
  type Quote, type QuoteFailure, type QuoteInputs, type QuoteRequest, type ScenarioIssue, type SitePresetId,
} from '../../../src/worker/browser-quote.js';
import { twin } from '../app/twin';

export type QuoteForm = {
  site: SitePresetId;
  powerUsdPerKWh: string;
  pue: string;
  hashrateTHs: string;
  days: string;
  scheme: string;
  model: string;
  seedCount: string;
};
export type Status = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

/** A typed number, or the text itself so validation names it (`must be a number, got "abc"`); blank is unset. */
function typed(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : (numberOrText(trimmed) as number);
}

function formOf(inputs: Pick<QuoteInputs, 'site' | 'powerUsdPerKWh' | 'pue' | 'hashrateTHs' | 'days' | 'scheme' | 'model'>, seedCount: number): QuoteForm {
  return {
    site: inputs.site, powerUsdPerKWh: String(inputs.powerUsdPerKWh), pue: String(inputs.pue), hashrateTHs: String(inputs.hashrateTHs),
    days: String(inputs.days), scheme: inputs.scheme, model: inputs.model, seedCount: String(seedCount),
  };
}

const preset = sitePreset('standard-colo');
const DEFAULT_FORM = formOf(
  { site: 'standard-colo', powerUsdPerKWh: preset.powerUsdPerKWh, pue: preset.pue, hashrateTHs: 500, days: 30, scheme: 'FPPS', model: 'antminer-s21' },
  DEFAULT_SEED_COUNT,
);

export class QuoteState {
  form = $state<QuoteForm>({ ...DEFAULT_FORM });
  /** A shared link's seeds, used while the seed count still matches them. */
  linkSeeds = $state.raw<number[] | undefined>();
  status = $state<Status>('idle');
  doneRuns = $state(0);
  totalRuns = $state(0);
  elapsedMs = $state(0);
  quote = $state.raw<Quote | undefined>();
  failure = $state.raw<QuoteFailure | undefined>();
  linkIssues = $state.raw<ScenarioIssue[]>([]);
  private readonly runner = new PoolSeedRunner(twin);
  /** The last link query opened: a link fills the form once, however often the page looks at it. */
  private openedQuery: string | undefined;

  readonly checked = $derived.by(() => {
    const count = typed(this.form.seedCount);
    const request: QuoteRequest = {
      site: this.form.site,
      powerUsdPerKWh: typed(this.form.powerUsdPerKWh),
      pue: typed(this.form.pue),
      hashrateTHs: typed(this.form.hashrateTHs)!,
      days: typed(this.form.days)!,
      scheme: this.form.scheme as QuoteRequest['scheme'],
      model: this.form.model,
      seedCount: count,
      seeds: this.linkSeeds && count === this.linkSeeds.length ? this.linkSeeds : undefined,
    };
    return quoteInputsFrom(request);
  });

  /** Each input's problem by its path (`hashrateTHs`), for the form. */
  readonly issues = $derived(this.checked.ok ? {} : Object.fromEntries(this.checked.issues.map((i) => [i.path, i.message])) as Record<string, string>);

  readonly priced = $derived.by(() => (this.checked.ok ? priceQuote(this.checked.inputs, baseText) : undefined));

  /** The runs shown belong to other inputs than the form's (or the form holds no valid quote). */
  readonly stale = $derived(this.quote !== undefined && (this.priced?.ok !== true || this.priced.priced.link !== this.quote.link));

  get running(): boolean {
    return this.status === 'running';
  }

  /** The site's power price and PUE come with it; both can be changed after. */
  chooseSite(site: SitePresetId): void {
    const chosen = sitePreset(site);
    this.form = { ...this.form, site, powerUsdPerKWh: String(chosen.powerUsdPerKWh), pue: String(chosen.pue) };
  }

  /** Fills the form from a link's query (`v=1&site=…`) not opened before; returns whether to run it. */
  openLink(query: string): boolean {
    if (query === this.openedQuery) return false;
    this.openedQuery = query;
    const decoded = decodeQuoteLink(`?${query}`);
    if (!decoded.ok) {
      this.linkIssues = decoded.issues;
      return false;
    }
    this.linkIssues = [];
    this.linkSeeds = decoded.inputs.seeds;
    this.form = formOf(decoded.inputs, decoded.inputs.seeds.length);
    return true;
  }

  async run(): Promise<void> {
    if (this.running || !this.checked.ok || !this.priced?.ok) return;
    const inputs = this.checked.inputs;
    const priced = this.priced.priced;
    this.status = 'running';
    this.failure = undefined;
    this.doneRuns = 0;
    this.totalRuns = inputs.seeds.length;
    const started = performance.now();
    const reply = await runPricedQuote(inputs, priced, baseText, this.runner.runSeeds, {
      onProgress: (done) => (this.doneRuns = done),
    });
    this.elapsedMs = performance.now() - started;
    if (reply.ok) {
      this.quote = reply.quote;
      this.status = 'done';
      // The address bar becomes the quote's link, so a reload or a bookmark reproduces it.
      history.replaceState(null, '', reply.quote.link);
    } else {
      this.failure = reply.error;
      this.status = reply.error.code === 'cancelled' ? 'cancelled' : 'failed';
    }
  }

  cancel(): void {
    this.runner.cancel();
  }

  /** The full URL of the quote shown (what "copy link" copies). */
  shareUrl(): string | undefined {
    return this.quote ? `${location.origin}${location.pathname}${this.quote.link}` : undefined;
  }
}

export const quoteState = new QuoteState();
