// Scenario problems as (path, message) pairs: `fleet[2].powerW: must be > 0`, every one reported.
import type { z } from 'zod';

export type ScenarioIssue = { path: string; message: string };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

function describeReceived(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `"${value.length > 30 ? `${value.slice(0, 27)}…` : value}"`;
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node = input;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** zod's names of expected types in plain words (others read as `a <name>`). */
const EXPECTED: Record<string, string> = { object: 'a mapping', array: 'a list', int: 'a whole number' };

/** Plain-language messages for zod's issue codes, naming the value received. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], input: unknown): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  for (const issue of issues) {
    const received = describeReceived(valueAt(input, issue.path));
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) out.push({ path: formatPath([...issue.path, key]), message: 'unknown key (check the spelling; see `hashtwin schema`)' });
        break;
      case 'invalid_type':
        out.push({ path: formatPath(issue.path), message: received === 'nothing' ? 'is required' : `must be ${EXPECTED[issue.expected] ?? `a ${issue.expected}`}, got ${received}` });
        break;
      case 'too_small':
        out.push({ path: formatPath(issue.path), message: issue.origin === 'array'
          ? `must have at least ${issue.minimum} item(s)`
          : `must be ${issue.inclusive ? '≥' : '>'} ${issue.minimum}, got ${received}` });
        break;
      case 'too_big':
        out.push({ path: formatPath(issue.path), message: `must be ${issue.inclusive ? '≤' : '<'} ${issue.maximum}, got ${received}` });
        break;
      case 'invalid_value':
        out.push({ path: formatPath(issue.path), message: `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${received}` });
        break;
      case 'invalid_union':
        out.push({ path: formatPath(issue.path), message: `is not a valid choice, got ${received}` });
        break;
      default:
        out.push({ path: formatPath(issue.path), message: `${issue.message.replace(/^Invalid input: /, '')}` });
    }
  }
  return out;
}

export class ScenarioError extends Error {
  readonly issues: ScenarioIssue[];
  constructor(source: string, issues: ScenarioIssue[]) {
    super(`${source}: ${issues.length} problem(s)\n${issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`);
    this.name = 'ScenarioError';
    this.issues = issues;
  }
}
