// The default charts of a result, for the lab and the HTML report: the series grouped by what a
// planner compares (hashrate delivered vs sold, coin price, power, temperature, money), then every
// other series grouped by system and unit, then one chart per heat map. It reads names only, so a
// new system's series and heat maps appear without changes here.
import { labelOf, unitOf } from '../names.js';
import { slug } from './base.js';
import { heatmapHeightPx, heatmapOption } from './heatmap.js';
import { commonUnit, timeSeriesOption } from './time-series.js';
import type { ChartResult, ChartSpec } from './types.js';

/** More lines than this in one chart stop being readable; larger groups are split. */
const MAX_LINES = 8;
const LINE_HEIGHT_PX = 280;

type Rule = { id: string; title: string; matches: (name: string) => boolean };

const last = (name: string) => name.slice(name.lastIndexOf('.') + 1);
const dotted = (name: string) => name.includes('.');

/** The planner's charts first, in this order; a series joins the first rule it matches. */
const RULES: Rule[] = [
  { id: 'hashrate-delivered-sold', title: 'Hashrate delivered vs sold', matches: (n) => /^(delivered|sold|purchased|rented)THs$/i.test(last(n)) || /(Delivered|Sold|Purchased)THs$/.test(last(n)) },
  { id: 'coin-price', title: 'Coin price', matches: (n) => n === 'priceUsd' },
  { id: 'power', title: 'Power', matches: (n) => ['kW', 'MW'].includes(unitOf(n)?.symbol ?? '') },
  { id: 'temperature', title: 'Temperature', matches: (n) => unitOf(n)?.symbol === '°C' },
  { id: 'revenue-cost-margin', title: 'Revenue, cost and margin per slot', matches: (n) => !dotted(n) && unitOf(n)?.symbol === 'US$' },
];

type Group = { id: string; title: string; names: string[] };

/** Everything no rule took: dotted names by system and unit; top-level names by unit, unitless ones alone. */
function restGroups(names: string[]): Group[] {
  const groups = new Map<string, Group>();
  for (const name of names) {
    const unit = unitOf(name)?.symbol;
    const system = dotted(name) ? name.slice(0, name.indexOf('.')) : undefined;
    const key = system ? `${system}|${unit ?? ''}` : unit ? `|${unit}` : `|name:${name}`;
    const group = groups.get(key) ?? { id: slug(`series ${key}`), title: '', names: [] };
    group.names.push(name);
    groups.set(key, group);
  }
  return [...groups.values()].map((group) => ({ ...group, title: titleOf(group.names) }));
}

function titleOf(names: string[]): string {
  if (names.length === 1) return capitalise(labelOf(names[0]));
  const system = dotted(names[0]) ? names[0].slice(0, names[0].indexOf('.')) : '';
  const metrics = new Set(names.map(last));
  const metric = metrics.size === 1 ? labelOf(last(names[0])) : '';
  return capitalise([system, metric].filter(Boolean).join(' · ') || `Series in ${unitOf(names[0])?.symbol ?? ''}`.trim());
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function chunks(group: Group): Group[] {
  if (group.names.length <= MAX_LINES) return [group];
  const out: Group[] = [];
  for (let i = 0; i < group.names.length; i += MAX_LINES) {
    const part = out.length + 1;
    out.push({ id: `${group.id}-${part}`, title: `${group.title} (${part})`, names: group.names.slice(i, i + MAX_LINES) });
  }
  return out;
}

export function chartCatalogue(result: ChartResult): ChartSpec[] {
  const names = Object.keys(result.series.values).sort();
  const taken = new Set<string>();
  const groups: Group[] = [];
  for (const rule of RULES) {
    const matched = names.filter((n) => !taken.has(n) && rule.matches(n));
    matched.forEach((n) => taken.add(n));
    if (matched.length > 0) groups.push({ id: rule.id, title: rule.title, names: matched });
  }
  const rest = restGroups(names.filter((n) => !taken.has(n)));
  // Systems' groups before the fleet's leftovers, each part in name order.
  rest.sort((x, y) => Number(!dotted(x.names[0])) - Number(!dotted(y.names[0])) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const lines: ChartSpec[] = [...groups, ...rest].flatMap(chunks).map((group) => {
    const unit = commonUnit(group.names);
    return {
      id: group.id,
      title: group.title,
      kind: 'line',
      heightPx: LINE_HEIGHT_PX,
      option: timeSeriesOption(result, { title: unit ? `${group.title} (${unit})` : group.title, series: group.names, unit }),
    };
  });
  const heatmaps: ChartSpec[] = Object.keys(result.heatmaps).sort().map((key) => ({
    id: slug(`heatmap ${key}`),
    title: result.heatmaps[key].title,
    kind: 'heatmap',
    heightPx: heatmapHeightPx(result.heatmaps[key].rows.length),
    option: heatmapOption(result, key),
  }));
  return uniqueIds([...lines, ...heatmaps]);
}

/**
 * Slugs drop unit symbols, so two groups of one system (`ops` in % and `ops` unitless) can share an
 * id; the lab keys its charts by id and the report names SVG ids after it: later ones get `-2`, `-3`.
 */
function uniqueIds(specs: ChartSpec[]): ChartSpec[] {
  const seen = new Map<string, number>();
  return specs.map((spec) => {
    const count = (seen.get(spec.id) ?? 0) + 1;
    seen.set(spec.id, count);
    return count === 1 ? spec : { ...spec, id: `${spec.id}-${count}` };
  });
}
