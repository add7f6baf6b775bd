// `hashtwin quote --hashrate-ths N --days D [--scheme S] [--power-usd-per-kwh P] [--seeds K] … [--json]`
// or `hashtwin quote --link LINK`: a sales quote priced and run over K seeds, with the lab link that
// reproduces it. Bad input is one line naming the option (exit 2).
import { readFileSync } from 'node:fs';
import type { ScenarioIssue } from '../../scenario/index.js';
import {
  decodeQuoteLink, MAX_SEEDS, numberOrText, quoteInputsFrom, quoteToJson, QUOTE_BASE_SCENARIO_PATH, type QuoteInputsOutcome, type QuoteRequest,
} from '../../scenario/quote/index.js';
import { quoteText } from '../../report/index.js';
import { runQuote } from '../../worker/quote-runner.js';
import { runSeedsOnThreads } from '../../worker/run-seeds-on-threads.js';
import { parseCommandArgs, parseWholeNumber } from '../args.js';
import { createProgress } from '../progress.js';
import { UsageError } from '../usage-error.js';

const BASE_URL = new URL(`../../../../${QUOTE_BASE_SCENARIO_PATH}`, import.meta.url);

/** Each quote input and the option that sets it, so a problem names what the user typed. */
const OPTION_OF: Record<string, string> = {
  site: '--site', powerUsdPerKWh: '--power-usd-per-kwh', pue: '--pue', hashrateTHs: '--hashrate-ths',
  days: '--days', scheme: '--scheme', model: '--model', seeds: '--seeds',
};
const INPUT_OPTIONS = ['site', 'power-usd-per-kwh', 'pue', 'hashrate-ths', 'days', 'scheme', 'model', 'seeds'] as const;

function decimalOption(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  const value = numberOrText(text);
  if (typeof value === 'string') throw new UsageError(`${option} must be a number, got '${text}'`);
  return value;
}

function requireValue<T>(value: T | undefined, option: string, example: string): T {
  if (value === undefined) throw new UsageError(`missing ${option} (${example})`);
  return value;
}

function oneLine(issues: ScenarioIssue[], fromLink: boolean): string {
  return issues.map((i) => {
    const head = i.path.split(/[.[]/)[0];
    return fromLink || !OPTION_OF[head] ? `${fromLink ? '--link ' : ''}${i.path}: ${i.message}` : `${OPTION_OF[head]} ${i.message}`;
  }).join('; ');
}

export async function quoteCommand(argv: string[]): Promise<void> {
  const { values } = parseCommandArgs(argv, {
    'hashrate-ths': { type: 'string' }, days: { type: 'string' }, scheme: { type: 'string' },
    'power-usd-per-kwh': { type: 'string' }, pue: { type: 'string' }, site: { type: 'string' },
    model: { type: 'string' }, seeds: { type: 'string' }, link: { type: 'string' }, json: { type: 'boolean' },
  }, 0);
  let checked: QuoteInputsOutcome;
  if (values.link !== undefined) {
    const extra = INPUT_OPTIONS.find((o) => values[o] !== undefined);
    if (extra) throw new UsageError(`--link carries every input; drop --${extra}`);
    checked = decodeQuoteLink(values.link);
  } else {
    const request: QuoteRequest = {
      hashrateTHs: requireValue(decimalOption(values['hashrate-ths'], '--hashrate-ths'), '--hashrate-ths', 'TH/s to quote, e.g. 500'),
      days: requireValue(decimalOption(values.days, '--days'), '--days', 'contract length in days, e.g. 30'),
      scheme: values.scheme as QuoteRequest['scheme'],
      powerUsdPerKWh: decimalOption(values['power-usd-per-kwh'], '--power-usd-per-kwh'),
      pue: decimalOption(values.pue, '--pue'),
      site: values.site as QuoteRequest['site'],
      model: values.model,
      seedCount: parseWholeNumber(values.seeds, '--seeds', 1, MAX_SEEDS),
    };
    checked = quoteInputsFrom(request);
  }
  if (!checked.ok) throw new UsageError(oneLine(checked.issues, values.link !== undefined));

  const progress = createProgress(`quoting ${checked.inputs.seeds.length} seeds`);
  const reply = await runQuote(checked.inputs, readFileSync(BASE_URL, 'utf8'), runSeedsOnThreads(), {
    onProgress: (done, total) => progress.update(done / total, `${done}/${total} runs`),
  });
  progress.done();
  if (!reply.ok) {
    if (reply.error.code === 'invalid-quote') {
      throw new UsageError(reply.error.issues.map((i) => `${QUOTE_BASE_SCENARIO_PATH}: ${i.path}: ${i.message}`).join('; '));
    }
    throw new Error(reply.error.message);
  }
  console.log(values.json ? JSON.stringify(quoteToJson(reply.quote)) : quoteText(reply.quote));
}
