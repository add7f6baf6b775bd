// What-if overrides and sweeps: `fleet[0].count=40,80` style paths set on the scenario document
// before validation, so an override is checked exactly like a value typed into the file.
import { parse as parseYaml } from 'yaml';
import { formatPath, type ScenarioIssue } from './errors.js';

export type PathKey = string | number;
export type Override = { path: string; value: unknown };
export type Vary = { path: string; values: unknown[] };

const SEGMENT = /([A-Za-z_][A-Za-z0-9_-]*)|\[(\d+)\]/y;

/** `pools[0].feePct` → ['pools', 0, 'feePct'], or a message. */
export function parsePath(path: string): PathKey[] | string {
  const keys: PathKey[] = [];
  let at = 0;
  while (at < path.length) {
    const from = at;
    const dotted = keys.length > 0 && path[at] === '.';
    if (dotted) at++;
    SEGMENT.lastIndex = at;
    const match = SEGMENT.exec(path);
    // After the first segment, a name follows a dot (a.b) and an index does not (a[0]).
    if (!match || match.index !== at || (keys.length > 0 && (match[1] !== undefined) !== dotted)) {
      return `is not a scenario path like network.hashrateEHs or fleet[0].count (at "${path.slice(from)}")`;
    }
    keys.push(match[1] !== undefined ? match[1] : Number(match[2]));
    at = SEGMENT.lastIndex;
  }
  return keys.length === 0 ? 'is empty' : keys;
}

/** A value as typed on a command line: YAML scalars (numbers, true/false, text; {a: 1} and [1, 2] too). */
export function parseValue(text: string): unknown {
  try {
    return parseYaml(text);
  } catch {
    return text;
  }
}

/** Parses `PATH=V1,V2,…` (values split on commas outside brackets). */
export function parseVary(text: string): Vary | string {
  const eq = text.indexOf('=');
  if (eq <= 0) return `must be PATH=V1,V2,… (e.g. pools[0].scheme=FPPS,PPLNS), got "${text}"`;
  const path = text.slice(0, eq);
  const problem = parsePath(path);
  if (typeof problem === 'string') return `${path} ${problem}`;
  const values: unknown[] = [];
  let depth = 0;
  let start = eq + 1;
  for (let i = eq + 1; i <= text.length; i++) {
    const c = text[i];
    if (c === '[' || c === '{') depth++;
    if (c === ']' || c === '}') depth--;
    if (i === text.length || (c === ',' && depth === 0)) {
      const piece = text.slice(start, i).trim();
      if (piece === '') return `${path} has an empty value in "${text}"`;
      values.push(parseValue(piece));
      start = i + 1;
    }
  }
  return { path, values };
}

/** A deep copy of the document with every override set; problems name the path. */
export function applyOverrides(document: unknown, overrides: Override[]): { document: unknown; issues: ScenarioIssue[] } {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    return { document, issues: [{ path: '(root)', message: 'must be a mapping of scenario keys (name, pools, fleet, …)' }] };
  }
  const copy = structuredClone(document) as Record<PathKey, unknown>;
  const issues: ScenarioIssue[] = [];
  for (const { path, value } of overrides) {
    const keys = parsePath(path);
    if (typeof keys === 'string') {
      issues.push({ path, message: keys });
      continue;
    }
    let node: Record<PathKey, unknown> | undefined = copy;
    for (let i = 0; i < keys.length && node; i++) {
      const key = keys[i];
      // A name on a list (fleet.count) would be set and then ignored by validation; an index past
      // the end would leave holes. Appending at the end (fleet[2] of 2 groups) is allowed.
      const problem = Array.isArray(node)
        ? typeof key === 'string' ? `${formatPath(keys.slice(0, i))} is a list; pick an item, e.g. ${formatPath([...keys.slice(0, i), 0])}`
          : key > node.length ? `${formatPath(keys.slice(0, i))} has ${node.length} item(s); the next one is [${node.length}]` : undefined
        : typeof key === 'number' ? `${formatPath(keys.slice(0, i))} is not a list` : undefined;
      if (problem) {
        issues.push({ path, message: problem });
        node = undefined;
        break;
      }
      if (i === keys.length - 1) {
        node[key] = value;
        break;
      }
      const next = node[key];
      if (next === undefined || next === null) {
        node[key] = typeof keys[i + 1] === 'number' ? [] : {};
      } else if (typeof next !== 'object') {
        issues.push({ path, message: `cannot set inside ${formatPath(keys.slice(0, i + 1))}, which is not a mapping or list` });
        node = undefined;
        break;
      }
      node = node[key] as Record<PathKey, unknown>;
    }
  }
  return { document: copy, issues };
}

/** Every combination of the varied values, in order (the first vary changes slowest). */
export function sweepCells(varies: Vary[]): Override[][] {
  let cells: Override[][] = [[]];
  for (const vary of varies) {
    cells = cells.flatMap((cell) => vary.values.map((value) => [...cell, { path: vary.path, value }]));
  }
  return cells;
}

/** Seed k of a sweep: the scenario's seed itself for k = 0, then seed+k (numbers) or seed/k (text). */
export function sweepSeed(baseSeed: string | number, k: number): string | number {
  if (k === 0) return baseSeed;
  return typeof baseSeed === 'number' ? baseSeed + k : `${baseSeed}/${k}`;
}
