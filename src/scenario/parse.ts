// Scenario text (YAML or JSON) → a validated scenario with defaults, or every problem with its path.
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { fromZodIssues, type ScenarioIssue } from './errors.js';
import { scenarioSchema, type Scenario } from './schema.js';
import { crossCheck } from './cross-check.js';
import { applyOverrides, type Override } from './overrides.js';

export type ParseOutcome = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

export type DocumentOutcome = { ok: true; document: unknown } | { ok: false; issues: ScenarioIssue[] };

/** Scenario text → the raw document (before validation), or the YAML/JSON syntax problem. */
export function parseScenarioDocument(text: string): DocumentOutcome {
  try {
    // YAML 1.2 is a superset of JSON, so one parser reads both formats.
    return { ok: true, document: parseYaml(text, { prettyErrors: false, maxAliasCount: 100 }) };
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const where = error.linePos ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}` : '(document)';
      return { ok: false, issues: [{ path: where, message: error.message.split('\n')[0] }] };
    }
    throw error;
  }
}

/** Text → validated scenario, with optional overrides applied to the document first. */
export function parseScenarioText(text: string, overrides: Override[] = []): ParseOutcome {
  const parsed = parseScenarioDocument(text);
  if (!parsed.ok) return parsed;
  if (overrides.length === 0) return validateScenario(parsed.document);
  const applied = applyOverrides(parsed.document, overrides);
  if (applied.issues.length > 0) return { ok: false, issues: applied.issues };
  return validateScenario(applied.document);
}

export function validateScenario(document: unknown): ParseOutcome {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    return { ok: false, issues: [{ path: '(root)', message: 'must be a mapping of scenario keys (name, pools, fleet, …)' }] };
  }
  const result = scenarioSchema.safeParse(document);
  if (!result.success) return { ok: false, issues: fromZodIssues(result.error.issues, document) };
  const crossIssues = crossCheck(result.data);
  if (crossIssues.length > 0) return { ok: false, issues: crossIssues };
  return { ok: true, scenario: result.data };
}
