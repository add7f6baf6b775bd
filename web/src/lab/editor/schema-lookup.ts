// The JSON Schema node for a scenario path (types, enums, defaults, hints), so the form can describe any
// field, a new system's included, without knowing it.
import type { PathKey } from './yaml-edit';

export type SchemaNode = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  description?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
};

function variants(node: SchemaNode): SchemaNode[] {
  return node.anyOf ?? node.oneOf ?? [node];
}

/** The node at `keys`, taking the first union variant that has the next key. */
export function schemaAt(root: SchemaNode, keys: readonly PathKey[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  for (const key of keys) {
    if (!node) return undefined;
    const choices = variants(node);
    node = typeof key === 'number'
      ? choices.find((v) => v.items)?.items
      : choices.find((v) => v.properties?.[key])?.properties?.[key];
  }
  return node;
}

export type FieldKind = 'number' | 'integer' | 'text' | 'select' | 'boolean';

/** How a schema node is edited: enums pick, numbers type, unions (seed: number or text) take text. */
export function kindOf(node: SchemaNode | undefined): FieldKind {
  if (!node) return 'text';
  if (node.enum) return 'select';
  if (node.anyOf || node.oneOf) return 'text';
  if (node.type === 'integer') return 'integer';
  if (node.type === 'number') return 'number';
  if (node.type === 'boolean') return 'boolean';
  return 'text';
}
