// CSV exports of a result: per-slot series, KPIs, and the ledger's journal and balances.
import type { DigestedResult } from './digest.js';

function cell(value: unknown): string {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function rows(header: string[], body: unknown[][]): string {
  return [header, ...body].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

export function seriesCsv(result: DigestedResult): string {
  const names = Object.keys(result.series.values).sort();
  const body = Array.from({ length: result.series.slots }, (_, slot) => [
    slot, slot * result.series.slotUs, ...names.map((n) => result.series.values[n][slot]),
  ]);
  return rows(['slot', 'slotStartUs', ...names], body);
}

export function kpisCsv(result: DigestedResult): string {
  return rows(['kpi', 'value'], Object.entries(result.kpis).map(([k, v]) => [k, v]));
}

export function ledgerCsv(result: DigestedResult): string {
  return rows(['atUs', 'from', 'to', 'amount', 'unit', 'reason'], result.ledger.entries.map((e) => [e.atUs, e.from, e.to, e.amount, e.unit, e.reason]));
}

export function balancesCsv(result: DigestedResult): string {
  const body: unknown[][] = [];
  for (const [unit, accounts] of Object.entries(result.ledger.balances)) {
    for (const [account, amount] of Object.entries(accounts)) body.push([unit, account, amount]);
  }
  return rows(['unit', 'account', 'balance'], body);
}

/** One result table (`colo.tenants`, `ops.groups` …) as CSV: the union of its rows' keys, in first-seen order. */
export function tableCsv(result: DigestedResult, name: string): string {
  const table = result.tables[name] ?? [];
  const header: string[] = [];
  for (const row of table) for (const key of Object.keys(row)) if (!header.includes(key)) header.push(key);
  return rows(header, table.map((row) => header.map((key) => row[key] ?? '')));
}
