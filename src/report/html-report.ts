// A run as one self-contained HTML file (`hashtwin run FILE --report out.html`): the run's identity
// and digest, KPIs with units, the lab's charts rendered to SVG here (same option builders), events,
// the ledger by party and the systems' tables. No scripts, no external requests, no timestamps:
// the same result gives the same bytes.
import { formatDuration } from '../scenario/index.js';
import { chartCatalogue, eventTimelineOption, eventTypes, renderSvg } from './charts/index.js';
import type { DigestedResult } from './digest.js';
import { REPORT_CSS } from './html-report-style.js';
import { escapeHtml, numberCell, tableHtml, type Cell } from './html-table.js';
import { formatMicroUsd } from './money.js';
import { formatNamed, labelOf } from './names.js';

export interface HtmlReportOptions {
  /** The scenario file the run came from, for the header. */
  source?: string;
  chartWidthPx?: number;
  /** Rows shown per result table; the CSV export (--out) has them all. */
  maxTableRows?: number;
}

const DEFAULT_CHART_WIDTH_PX = 960;
const DEFAULT_MAX_TABLE_ROWS = 200;
const EVENTS_CHART_HEIGHT_PX = 300;

/**
 * An ECharts SSR string made fit to sit beside others in one page. Its ids and classes (`zr3-c0`,
 * `zr3-cls-41`) count renders and styles process-wide, so the same report would differ from run to
 * run and two charts could clash: each is renamed after the figure and renumbered in order of first
 * use. SVG inside HTML needs no namespace declarations (the HTML parser places <svg> in the SVG
 * namespace), so they go too, and the file holds no http(s) URL at all, not even an inert one.
 */
function inlineSvg(svg: string, figureId: string): string {
  const renamed = new Map<string, string>();
  const perKind = new Map<string, number>();
  return svg
    .replace(/\bzr\d+-([a-z]+-?)(\d+)\b/g, (token, kind: string) => {
      if (!renamed.has(token)) {
        const next = perKind.get(kind) ?? 0;
        perKind.set(kind, next + 1);
        renamed.set(token, `${figureId}-${kind}${next}`);
      }
      return renamed.get(token)!;
    })
    .replace(/\s+xmlns(:xlink)?="http:\/\/www\.w3\.org\/[^"]*"/g, '');
}

function section(id: string, title: string, body: string): string {
  return `<section id="${id}"><h2>${escapeHtml(title)}</h2>${body}</section>`;
}

const atDays = (atUs: number) => `${(atUs / 86_400e6).toFixed(2)} d`;

function headerHtml(result: DigestedResult, source: string | undefined): string {
  const facts: [string, string][] = [
    ...(source ? [['scenario', source] as [string, string]] : []),
    ['seed', String(result.seed)],
    ['resolution', result.resolution],
    ['horizon', `${formatDuration(result.horizonUs)} in ${result.series.slots} slots of ${formatDuration(result.series.slotUs)}`],
  ];
  return `<header><h1>${escapeHtml(result.name)}</h1><p>hashtwin run report: the same scenario and seed give the same digest, in node and in the browser lab.</p></header>`
    + section('run', 'Run', `<dl>${facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}`
      + `<dt>digest</dt><dd><code id="digest">${escapeHtml(result.digest)}</code></dd></dl>`);
}

/** KPIs in the result's order, grouped by everything before their last dot (`pool.fpps-pool`, `colo`). */
function kpisHtml(result: DigestedResult): string {
  const rows: (Cell[] | string)[] = [];
  let group = '';
  for (const [name, value] of Object.entries(result.kpis)) {
    const prefix = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : 'run';
    if (prefix !== group) rows.push((group = prefix));
    rows.push([labelOf(name), numberCell(formatNamed(name, value)), { html: `<code>${escapeHtml(name)}</code>` }]);
  }
  return section('kpis', 'KPIs', tableHtml(['KPI', 'value', 'name'], rows));
}

function chartsHtml(result: DigestedResult, widthPx: number): string {
  const figure = (id: string, kind: string, svg: string) => `<figure id="chart-${id}" data-chart="${kind}">${inlineSvg(svg, `chart-${id}`)}</figure>`;
  const figures = chartCatalogue(result).map((spec) => figure(spec.id, spec.kind, renderSvg(spec.option, widthPx, spec.heightPx)));
  if (result.events.length > 0) figures.push(figure('events', 'events', renderSvg(eventTimelineOption(result), widthPx, EVENTS_CHART_HEIGHT_PX)));
  return section('charts', 'Charts', figures.join(''));
}

function eventsHtml(result: DigestedResult): string {
  const rows = eventTypes(result.events).map(({ type, count }) => {
    const times = result.events.filter((e) => e.type === type).map((e) => e.atUs);
    return [type, numberCell(count.toLocaleString('en-US')), numberCell(atDays(times[0])), numberCell(atDays(times[times.length - 1]))];
  });
  const dropped = result.droppedEvents > 0 ? `<p class="note">${result.droppedEvents.toLocaleString('en-US')} more events were not kept in the log.</p>` : '';
  const body = rows.length > 0 ? tableHtml(['event', 'count', 'first', 'last'], rows) : '<p class="note">No events were logged.</p>';
  return section('events', 'Events', body + dropped);
}

function amountText(amount: string, unit: string): string {
  if (unit === 'uUSD') return formatMicroUsd(BigInt(amount));
  return `${BigInt(amount).toLocaleString('en-US')} ${unit}`;
}

/** Balances per account, accounts grouped by party (`miner:s21-row-a` → miner), one column per unit. */
function ledgerHtml(result: DigestedResult): string {
  const units = Object.keys(result.ledger.balances).sort();
  const accounts = [...new Set(units.flatMap((u) => Object.keys(result.ledger.balances[u])))].sort();
  const rows: (Cell[] | string)[] = [];
  let party = '';
  for (const account of accounts) {
    const owner = account.split(':')[0];
    if (owner !== party) rows.push((party = owner));
    rows.push([{ html: `<code>${escapeHtml(account)}</code>` }, ...units.map((u) => {
      const amount = result.ledger.balances[u][account];
      return numberCell(amount === undefined ? '' : amountText(amount, u));
    })]);
  }
  const note = `<p class="note">${result.ledger.entryCount.toLocaleString('en-US')} ledger entries; every transfer balances, so each unit's column sums to zero.</p>`;
  return section('ledger', 'Ledger by party', (accounts.length > 0 ? tableHtml(['account', ...units], rows) : '') + note);
}

function tablesHtml(result: DigestedResult, maxRows: number): string {
  const names = Object.keys(result.tables).sort();
  if (names.length === 0) return '';
  const parts = names.map((name) => {
    const table = result.tables[name];
    const header: string[] = [];
    for (const row of table) for (const key of Object.keys(row)) if (!header.includes(key)) header.push(key);
    const rows = table.slice(0, maxRows).map((row) => header.map((key): Cell => {
      const value = row[key];
      return typeof value === 'number' ? numberCell(formatNamed(key, value)) : String(value ?? '');
    }));
    const more = table.length > maxRows ? `<p class="note">First ${maxRows} of ${table.length} rows; <code>--out DIR</code> writes them all as CSV.</p>` : '';
    return `<h3 id="table-${escapeHtml(name)}">${escapeHtml(name)}</h3>${tableHtml(header, rows)}${more}`;
  });
  return section('tables', 'Tables', parts.join(''));
}

export function htmlReport(result: DigestedResult, options: HtmlReportOptions = {}): string {
  const widthPx = options.chartWidthPx ?? DEFAULT_CHART_WIDTH_PX;
  const body = [
    headerHtml(result, options.source),
    kpisHtml(result),
    chartsHtml(result, widthPx),
    eventsHtml(result),
    ledgerHtml(result),
    tablesHtml(result, options.maxTableRows ?? DEFAULT_MAX_TABLE_ROWS),
  ].join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="hashtwin">
<link rel="icon" href="data:,">
<title>${escapeHtml(result.name)} — hashtwin report</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
