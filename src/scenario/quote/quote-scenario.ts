// A quote's scenario: the bundled base (scenarios/quote-base.yaml) with the quote's inputs set as
// overrides — the same mechanism as `hashtwin sweep --vary` — so node and the browser build the same
// scenario from the same text and a link reproduces every run.
import { parseScenarioText } from '../parse.js';
import type { Override } from '../overrides.js';
import type { ScenarioIssue } from '../errors.js';
import type { Scenario } from '../schema.js';
import { HS_PER_THS } from '../../model/units.js';
import { quoteModel, type QuoteInputs, type QuoteScheme } from './inputs.js';

/** Where the base lives, relative to the repository root (the CLI reads it, the lab bundles it). */
export const QUOTE_BASE_SCENARIO_PATH = 'scenarios/quote-base.yaml';

/**
 * Pool fee by scheme, domain-facts §3.5: FPPS 2.5 % (AntPool), PPS 4 % (ViaBTC PPS+), PPLNS 1.5 %
 * (ckpool); PROP and SOLO have no sourced figure and take the schema's default 2 %.
 */
export const QUOTE_POOL_FEE_PCT: Readonly<Record<QuoteScheme, number>> = { FPPS: 2.5, PPS: 4, PPLNS: 1.5, PROP: 2, SOLO: 2 };

/**
 * The rented hashrate as whole rigs of the chosen model, each running at the same share of its
 * nameplate (so the group's total is exactly the hashrate sold, at the model's efficiency).
 */
export function quoteFleet(inputs: QuoteInputs): { count: number; hashrateTHs: number; powerW: number } {
  const model = quoteModel(inputs);
  const modelTHs = model.hashrateHs / HS_PER_THS;
  const count = Math.max(1, Math.ceil(inputs.hashrateTHs / modelTHs));
  const hashrateTHs = inputs.hashrateTHs / count;
  return { count, hashrateTHs, powerW: (model.powerW * hashrateTHs) / modelTHs };
}

export function quoteOverrides(inputs: QuoteInputs): Override[] {
  const fleet = quoteFleet(inputs);
  return [
    { path: 'name', value: `Quote — ${inputs.hashrateTHs} TH/s for ${inputs.days} d on ${inputs.scheme} (${inputs.site})` },
    { path: 'horizon', value: `${inputs.days}d` },
    { path: 'site.powerPriceUSDperKWh', value: inputs.powerUsdPerKWh },
    { path: 'site.pue', value: inputs.pue },
    { path: 'pools[0].scheme', value: inputs.scheme },
    { path: 'pools[0].feePct', value: QUOTE_POOL_FEE_PCT[inputs.scheme] },
    { path: 'fleet[0].model', value: inputs.model },
    { path: 'fleet[0].count', value: fleet.count },
    { path: 'fleet[0].hashrateTHs', value: fleet.hashrateTHs },
    { path: 'fleet[0].powerW', value: fleet.powerW },
  ];
}

export type QuoteScenarioOutcome = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

/** The validated scenario a quote runs (its network sets the hashprice the price is quoted against). */
export function quoteScenario(baseText: string, inputs: QuoteInputs): QuoteScenarioOutcome {
  return parseScenarioText(baseText, quoteOverrides(inputs));
}
