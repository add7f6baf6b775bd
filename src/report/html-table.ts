// HTML building blocks for the self-contained report: escaping and plain tables. Every text that
// comes from a result (names, ids, table cells) passes through escapeHtml.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

export type Cell = string | { html: string; className?: string };

/** A cell's markup: text is escaped; `{ html }` is markup the caller built (already escaped). */
function cellHtml(tag: 'td' | 'th', cell: Cell): string {
  if (typeof cell === 'string') return `<${tag}>${escapeHtml(cell)}</${tag}>`;
  return `<${tag}${cell.className ? ` class="${cell.className}"` : ''}>${cell.html}</${tag}>`;
}

export const numberCell = (text: string): Cell => ({ html: escapeHtml(text), className: 'num' });

/** A table; a row that is a plain string becomes a group heading across every column. */
export function tableHtml(header: string[], rows: (Cell[] | string)[]): string {
  const body = rows.map((row) => (typeof row === 'string'
    ? `<tr class="group"><td colspan="${header.length}">${escapeHtml(row)}</td></tr>`
    : `<tr>${row.map((cell) => cellHtml('td', cell)).join('')}</tr>`));
  return `<table><thead><tr>${header.map((h) => cellHtml('th', h)).join('')}</tr></thead><tbody>${body.join('')}</tbody></table>`;
}
