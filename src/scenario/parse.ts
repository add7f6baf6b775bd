// Scenario text (YAML or JSON) → a validated scenario with defaults, or every problem with its path.
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { fromZodIssues, type ScenarioIssue } from './errors.js';
import { scenarioSchema, type Scenario } from './schema.js';
import { crossCheck, crossCheckIds } from './cross-check.js';
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
      // linePos is only filled in with prettyErrors, which also appends a code excerpt to the
      // message; so the line and column are computed here from the error's offset.
      return { ok: false, issues: [{ path: lineColumn(text, error.pos[0]), message: error.message.split('\n')[0] }] };
    }
    throw error;
  }
}

/** `line L, column C` (both 1-based) of a character offset in the text. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const line = before.split('\n').length;
  return `line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
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
  if (!result.success) {
    // Reference checks (pool ids, unique ids) still run on the raw document, so one pass lists every problem.
    const issues = fromZodIssues(result.error.issues, document);
    const reported = new Set(issues.map((i) => i.path));
    return { ok: false, issues: [...issues, ...crossCheckIds(document).filter((i) => !reported.has(i.path))] };
  }
  const crossIssues = crossCheck(result.data);
  if (crossIssues.length > 0) return { ok: false, issues: crossIssues };
  return { ok: true, scenario: result.data };
}
