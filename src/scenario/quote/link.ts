// A quote's shareable link: the canonical inputs as a readable URL hash (`#/quote?v=1&site=…&seeds=1,2,3`).
// Numbers are written as their shortest round-trip decimal (String(x)), so decoding gives back the
// very same doubles and the same quote; keys are the input names, so problems name them.
import type { ScenarioIssue } from '../errors.js';
import { parseQuoteInputs, type QuoteInputs, type QuoteInputsOutcome } from './inputs.js';

export const QUOTE_ROUTE = '#/quote';
/** Bump when the meaning of a link changes (a new base scenario), so old links fail loudly. */
export const QUOTE_LINK_VERSION = '1';

const KEYS = ['site', 'powerUsdPerKWh', 'pue', 'hashrateTHs', 'days', 'scheme', 'model', 'seeds'] as const satisfies readonly (keyof QuoteInputs)[];
const NUMBER_KEYS = new Set<string>(['powerUsdPerKWh', 'pue', 'hashrateTHs', 'days']);
/** A plain decimal as String(number) prints it (no hex, no Infinity, no blanks, which Number() would accept). */
const DECIMAL = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** `#/quote?v=1&site=…`: the hash part of the page URL that reproduces this quote. */
export function encodeQuoteLink(inputs: QuoteInputs): string {
  const params = new URLSearchParams({ v: QUOTE_LINK_VERSION });
  for (const key of KEYS) params.set(key, key === 'seeds' ? inputs.seeds.join(',') : String(inputs[key]));
  // URLSearchParams writes ',' as %2C; seeds read better with plain commas, which a hash may hold.
  return `${QUOTE_ROUTE}?${params.toString().replace(/%2C/g, ',')}`;
}

/** A decimal as typed (a link, an option, a form field) → its number; anything else stays text, for validation to name. */
export function numberOrText(text: string): number | string {
  return DECIMAL.test(text) ? Number(text) : text;
}

/** A full URL, a hash (`#/quote?…`) or just its query → canonical inputs, or every problem. */
export function decodeQuoteLink(link: string): QuoteInputsOutcome {
  const hashAt = link.indexOf('#');
  const hash = hashAt >= 0 ? link.slice(hashAt) : link.startsWith('?') ? `${QUOTE_ROUTE}${link}` : `${QUOTE_ROUTE}?${link}`;
  if (!hash.startsWith(`${QUOTE_ROUTE}?`)) return { ok: false, issues: [{ path: '(link)', message: `must be a quote link (${QUOTE_ROUTE}?v=…), got "${hash.slice(0, 30)}"` }] };
  const params = new URLSearchParams(hash.slice(QUOTE_ROUTE.length + 1));
  const issues: ScenarioIssue[] = [];
  if (params.get('v') !== QUOTE_LINK_VERSION) {
    issues.push({ path: 'v', message: `must be ${QUOTE_LINK_VERSION} (this version's quote links), got ${JSON.stringify(params.get('v'))}` });
  }
  const fields: Record<string, unknown> = {};
  for (const [key, value] of params) {
    if (key === 'v') continue;
    if (!(KEYS as readonly string[]).includes(key)) issues.push({ path: key, message: 'unknown key in the quote link' });
    else if (key === 'seeds') fields.seeds = value === '' ? [] : value.split(',').map(numberOrText);
    else fields[key] = NUMBER_KEYS.has(key) ? numberOrText(value) : value;
  }
  const parsed = parseQuoteInputs(fields);
  if (issues.length > 0) return { ok: false, issues: [...issues, ...(parsed.ok ? [] : parsed.issues)] };
  return parsed;
}
