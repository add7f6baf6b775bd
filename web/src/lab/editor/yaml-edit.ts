// Edits to the scenario text from the form. An existing scalar is replaced in place, so comments,
// flow maps and folded text elsewhere stay exactly as written; new keys go through the YAML document.
import { isScalar, parse, parseDocument } from 'yaml';

export type PathKey = string | number;
export type Scalar = string | number | boolean;

/** YAML 1.2 core-schema numbers, as a user types them (`0.`, `-3`, `1e6`). */
const YAML_NUMBER = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** A value typed into a number field: a number when it reads as one, else the text (which validation reports). */
export function numberFromInput(text: string): Scalar {
  const trimmed = text.trim();
  return YAML_NUMBER.test(trimmed) ? Number(trimmed) : trimmed;
}

/** A scalar's YAML text: plain when it reads back as the same string, else double-quoted (JSON is valid YAML). */
export function scalarText(value: Scalar, typed?: string): string {
  if (typeof value === 'number' && typed !== undefined && YAML_NUMBER.test(typed.trim())) return typed.trim();
  if (typeof value !== 'string') return String(value);
  const plainSafe = value !== '' && !/^\s|\s$|[:#,[\]{}&*!|>'"%@`]/.test(value);
  if (plainSafe) {
    try {
      if (parse(value) === value) return value;
    } catch {
      // not plain-safe: quoted below
    }
  }
  return JSON.stringify(value);
}

/** The text with `keys` set to `value` (`typed` keeps a number as the user typed it), or unchanged if the YAML is broken. */
export function setIn(text: string, keys: PathKey[], value: Scalar, typed?: string): string {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) return text;
  const node = doc.getIn(keys, true);
  if (isScalar(node) && node.range) return text.slice(0, node.range[0]) + scalarText(value, typed) + text.slice(node.range[1]);
  doc.setIn(keys, value);
  return doc.toString({ lineWidth: 0 });
}

/** The text without `keys` (the schema's default applies again). */
export function deleteIn(text: string, keys: PathKey[]): string {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0 || !doc.hasIn(keys)) return text;
  doc.deleteIn(keys);
  return doc.toString({ lineWidth: 0 });
}

/** The text with `item` appended to the list at `keys` (a fleet group, a pool). */
export function appendIn(text: string, keys: PathKey[], item: unknown): string {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) return text;
  const node = doc.createNode(item);
  // A list written in flow style ({ … } per line) keeps that style for the new item.
  const items = (doc.getIn(keys, true) as { items?: { flow?: boolean }[] } | undefined)?.items;
  if (items?.[0]?.flow) (node as { flow?: boolean }).flow = true;
  doc.addIn(keys, node);
  return doc.toString({ lineWidth: 0 });
}
