// A sales quote's inputs in canonical form — every value explicit, seeds listed — validated like a
// scenario: each problem with its path (`hashrateTHs: must be > 0, got -5`). The canonical form is
// what the shareable link carries, so a link reproduces the quote exactly.
import { z } from 'zod';
import { findModel, listModels } from '../../model/hardware/index.js';
import { fromZodIssues, type ScenarioIssue } from '../errors.js';
import { SITE_PRESET_IDS, sitePreset, type SitePresetId } from './sites.js';

export const QUOTE_SCHEMES = ['FPPS', 'PPS', 'PPLNS', 'PROP', 'SOLO'] as const;
export type QuoteScheme = (typeof QUOTE_SCHEMES)[number];

/** Rigs a quote can be built on: the catalogue's SHA-256d ASICs. */
export function quoteModelIds(): string[] {
  return listModels().filter((m) => m.kind === 'asic' && m.algorithm === 'sha256d').map((m) => m.id);
}

export const DEFAULT_QUOTE_MODEL = 'antminer-s21';
export const DEFAULT_QUOTE_SCHEME: QuoteScheme = 'FPPS';
/** Ten seeds put P10 and P90 between the two lowest and the two highest runs: a spread, not an anecdote, in seconds. */
export const DEFAULT_SEED_COUNT = 10;
export const MAX_SEEDS = 64;
/** 10 EH/s and a year: beyond that a quote is a different conversation (and a long run in a browser). */
export const MAX_HASHRATE_THS = 10_000_000;
export const MAX_DAYS = 365;

export const quoteInputsSchema = z.strictObject({
  site: z.enum(SITE_PRESET_IDS).describe('a bundled site preset'),
  powerUsdPerKWh: z.number().min(0).max(1).describe('power price at the meter, US$/kWh'),
  pue: z.number().min(1).max(3).describe('facility power / IT power'),
  hashrateTHs: z.number().positive().max(MAX_HASHRATE_THS).describe('hashrate sold, TH/s'),
  days: z.number().int().min(1).max(MAX_DAYS).describe('contract length in whole days'),
  scheme: z.enum(QUOTE_SCHEMES).describe('the pool payout scheme the hashrate mines on'),
  model: z.string().refine((id) => quoteModelIds().includes(id), { message: `must be a SHA-256d ASIC of the catalogue (${quoteModelIds().join(', ')})` }),
  seeds: z.array(z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)).min(1).max(MAX_SEEDS)
    .refine((seeds) => new Set(seeds).size === seeds.length, { message: 'must not repeat a seed' }),
});

export type QuoteInputs = z.output<typeof quoteInputsSchema>;
export type QuoteInputsOutcome = { ok: true; inputs: QuoteInputs } | { ok: false; issues: ScenarioIssue[] };

/** Any document (a link's fields, CLI options, a JSON body) → canonical inputs, or every problem. */
export function parseQuoteInputs(document: unknown): QuoteInputsOutcome {
  const parsed = quoteInputsSchema.safeParse(document);
  return parsed.success ? { ok: true, inputs: parsed.data } : { ok: false, issues: fromZodIssues(parsed.error.issues, document) };
}

/** What a form or a command line gives: the preset fills power and PUE, a seed count becomes seeds 1..K. */
export interface QuoteRequest {
  site?: SitePresetId;
  powerUsdPerKWh?: number;
  pue?: number;
  hashrateTHs: number;
  days: number;
  scheme?: QuoteScheme;
  model?: string;
  seedCount?: number;
  /** An explicit seed list (a shared link's) instead of seeds 1..seedCount. */
  seeds?: number[];
}

/** Seeds 1..count, or what is wrong with the count. */
function firstSeeds(count: number): number[] | ScenarioIssue {
  if (Number.isInteger(count) && count >= 1 && count <= MAX_SEEDS) return Array.from({ length: count }, (_, k) => k + 1);
  return { path: 'seeds', message: `the seed count must be a whole number from 1 to ${MAX_SEEDS}, got ${count}` };
}

export function quoteInputsFrom(request: QuoteRequest): QuoteInputsOutcome {
  const site = request.site ?? 'standard-colo';
  // An unknown site is reported by the schema; the standard preset then fills power and PUE, so the
  // site is the one problem named.
  const preset = sitePreset(SITE_PRESET_IDS.includes(site) ? site : 'standard-colo');
  const seeds = request.seeds ?? firstSeeds(request.seedCount ?? DEFAULT_SEED_COUNT);
  const parsed = parseQuoteInputs({
    site,
    powerUsdPerKWh: request.powerUsdPerKWh ?? preset.powerUsdPerKWh,
    pue: request.pue ?? preset.pue,
    hashrateTHs: request.hashrateTHs,
    days: request.days,
    scheme: request.scheme ?? DEFAULT_QUOTE_SCHEME,
    model: request.model ?? DEFAULT_QUOTE_MODEL,
    seeds: Array.isArray(seeds) ? seeds : [1],
  });
  if (Array.isArray(seeds)) return parsed;
  return { ok: false, issues: [...(parsed.ok ? [] : parsed.issues), seeds] };
}

/** The rig model a quote's hashrate runs on (validated inputs name a catalogue ASIC). */
export function quoteModel(inputs: QuoteInputs) {
  return findModel(inputs.model)!;
}
