// What the scenario form shows: the fields planners change most (horizon, seed, power price, pools'
// schemes and fees, each fleet group's count, model and pool), and a few fields of every other section
// (the systems: pricing, splits …) as they appear in the document, described by the JSON Schema.
import { formatPath, type ScenarioCatalogue } from '../../../../src/worker/browser-twin-protocol.js';
import { capitalise, labelOf, unitOf } from '../../lib/format';
import { kindOf, schemaAt, type FieldKind, type SchemaNode } from './schema-lookup';
import type { PathKey } from './yaml-edit';

export type Option = { value: string; label: string };
export type Field = {
  keys: PathKey[]; path: string; label: string; kind: FieldKind; value: unknown;
  options?: Option[]; unit?: string; hint?: string; placeholder?: string;
};
export type Row = { keys: PathKey[]; id: string; fields: Field[] };
export type SystemSection = { name: string; title: string; fields: Field[] };
export type FormModel = { general: Field[]; market: Field[]; pools: Row[]; fleet: Row[]; systems: SystemSection[] };

/** Labels and units of the core fields (their keys alone read poorly: `usd`, `pue`). */
const CORE: Record<string, { label: string; unit?: string }> = {
  name: { label: 'Name' }, horizon: { label: 'Horizon', unit: 'e.g. 7d' }, slot: { label: 'Slot', unit: 'e.g. 15m' },
  seed: { label: 'Seed' }, resolution: { label: 'Resolution' },
  'site.powerPriceUSDperKWh': { label: 'Power price', unit: 'US$/kWh' }, 'site.pue': { label: 'PUE' },
  'site.capacityKW': { label: 'Grid capacity', unit: 'kW' }, 'network.hashrateEHs': { label: 'Network hashrate', unit: 'EH/s' },
  'network.price.usd': { label: 'Coin price', unit: 'US$' },
};
const GENERAL: PathKey[][] = [['name'], ['horizon'], ['slot'], ['seed'], ['resolution']];
const MARKET: PathKey[][] = [['site', 'powerPriceUSDperKWh'], ['site', 'pue'], ['site', 'capacityKW'], ['network', 'hashrateEHs'], ['network', 'price', 'usd']];
const POOL_COLUMNS = ['id', 'scheme', 'feePct'];
const FLEET_COLUMNS = ['id', 'count', 'model', 'pool'];
/** Sections the form covers above, or that stay in the YAML (description, monitoring). */
const CORE_KEYS = new Set(['name', 'description', 'seed', 'horizon', 'slot', 'resolution', 'network', 'site', 'pools', 'fleet', 'monitoring']);
const MAX_SYSTEM_FIELDS = 12;
const MAX_LIST_ITEMS = 4;

type Doc = Record<string, unknown>;

function valueAt(data: unknown, keys: readonly PathKey[]): unknown {
  let node = data;
  for (const key of keys) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PathKey, unknown>)[key];
  }
  return node;
}

function field(data: Doc, schema: SchemaNode, keys: PathKey[], options?: Option[]): Field {
  const path = formatPath(keys);
  const generic = path.replace(/\[\d+\]/g, '');
  const node = schemaAt(schema, keys);
  const name = String(keys.filter((k) => typeof k === 'string').at(-1));
  const core = CORE[generic];
  const enumOptions = node?.enum?.map((v) => ({ value: String(v), label: String(v) }));
  return {
    keys, path, value: valueAt(data, keys),
    label: core?.label ?? capitalise(labelOf(name)),
    kind: options ? 'select' : kindOf(node),
    options: options ?? enumOptions,
    unit: core?.unit ?? unitOf(name)?.symbol,
    hint: node?.description,
    placeholder: node?.default !== undefined && typeof node.default !== 'object' ? `${node.default} (default)` : undefined,
  };
}

function withCurrent(options: Option[], value: unknown): Option[] {
  return value === undefined || value === '' || options.some((o) => o.value === String(value)) ? options : [{ value: String(value), label: String(value) }, ...options];
}

/** Scalar leaves of a system's section, depth first, the first items of lists included. */
function leaves(value: unknown, keys: PathKey[], out: PathKey[][]): void {
  if (out.length >= MAX_SYSTEM_FIELDS) return;
  if (Array.isArray(value)) value.slice(0, MAX_LIST_ITEMS).forEach((item, i) => leaves(item, [...keys, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) leaves(v, [...keys, k], out);
  else out.push(keys);
}

export function formModel(data: Doc, catalogue: ScenarioCatalogue): FormModel {
  const schema = catalogue.jsonSchema as SchemaNode;
  const pools = Array.isArray(data.pools) ? (data.pools as Doc[]) : [];
  const fleet = Array.isArray(data.fleet) ? (data.fleet as Doc[]) : [];
  const poolOptions = pools.map((p) => ({ value: String(p.id), label: String(p.id) }));
  const modelOptions = catalogue.rigModels.map((m) => ({ value: m.id, label: `${m.name} · ${m.hashrateTHs} TH/s` }));
  return {
    general: GENERAL.map((keys) => field(data, schema, keys)),
    market: MARKET.filter((keys) => keys[0] !== 'network' || keys.length < 3 || valueAt(data, keys) !== undefined).map((keys) => field(data, schema, keys)),
    pools: pools.map((pool, i) => ({
      keys: ['pools', i], id: String(pool.id ?? `pool ${i + 1}`),
      fields: POOL_COLUMNS.map((column) => field(data, schema, ['pools', i, column])),
    })),
    fleet: fleet.map((group, i) => ({
      keys: ['fleet', i], id: String(group.id ?? `group ${i + 1}`),
      fields: FLEET_COLUMNS.map((column) => {
        const keys = ['fleet', i, column];
        if (column === 'model') return field(data, schema, keys, withCurrent([{ value: '', label: 'custom (hashrateTHs, powerW)' }, ...modelOptions], group.model));
        if (column === 'pool') return field(data, schema, keys, withCurrent(poolOptions, group.pool));
        return field(data, schema, keys);
      }),
    })),
    systems: Object.keys(data).filter((key) => !CORE_KEYS.has(key)).map((name) => {
      const paths: PathKey[][] = [];
      leaves(data[name], [name], paths);
      return { name, title: capitalise(labelOf(name)), fields: paths.map((keys) => field(data, schema, keys)) };
    }),
  };
}
