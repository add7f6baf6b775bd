// The report's stylesheet, inline so the file is self-contained: the lab's palette and type, tables
// that read on paper, and figures that never split across printed pages.
export const REPORT_CSS = `
:root { --ink: #0f172a; --ink-2: #334155; --ink-3: #64748b; --line: #e2e8f0; --panel-2: #f8fafc; --accent: #2563eb; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f6fa; color: var(--ink); font: 14px/1.45 Inter, "Segoe UI", system-ui, -apple-system, Roboto, sans-serif; }
main { max-width: 1040px; margin: 0 auto; padding: 28px 24px 48px; display: flex; flex-direction: column; gap: 20px; }
header h1 { margin: 0 0 6px; font-size: 22px; letter-spacing: -0.01em; }
header p { margin: 0; color: var(--ink-3); }
section { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 16px 18px; }
h2 { margin: 0 0 12px; font-size: 16px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
dt { color: var(--ink-3); }
dd { margin: 0; }
code, .mono { font-family: "JetBrains Mono", Menlo, Consolas, monospace; font-size: 12.5px; word-break: break-all; }
table { width: 100%; border-collapse: collapse; font-size: 12.5px; }
th { text-align: left; font-size: 11.5px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--ink-3); background: var(--panel-2); }
th, td { padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.group td { background: var(--panel-2); font-weight: 600; color: var(--ink-2); }
figure { margin: 0 0 16px; }
figure svg { display: block; max-width: 100%; height: auto; }
.note { color: var(--ink-3); font-size: 12px; margin: 8px 0 0; }
h3 { margin: 16px 0 8px; font-size: 14px; }
@media print {
  body { background: #fff; }
  main { padding: 0; max-width: none; }
  section { border: 0; padding: 0; break-inside: auto; }
  figure, tr { break-inside: avoid; }
  h2 { break-after: avoid; }
}
`;
