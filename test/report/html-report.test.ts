// The self-contained HTML report: one inline <svg> per catalogue chart, the digest, KPIs with units,
// events, the ledger and tables — with no script, no http(s) URL, escaped text and the same bytes
// for the same result.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { chartCatalogue } from '../../src/report/charts/index.js';
import { htmlReport } from '../../src/report/html-report.js';
import type { DigestedResult } from '../../src/report/index.js';
import { runScenario } from '../../src/worker/twin-runner.js';

let result: DigestedResult;

beforeAll(async () => {
  const reply = await runScenario({ scenarioText: readFileSync(new URL('../../scenarios/default.yaml', import.meta.url), 'utf8') });
  if (!reply.ok) throw new Error(reply.error.message);
  result = reply.result;
});

const count = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].length;

describe('htmlReport', () => {
  it('draws every catalogue chart as an inline SVG, and the event timeline when there are events', () => {
    const html = htmlReport(result, { source: 'scenarios/default.yaml' });
    const charts = chartCatalogue(result);
    expect(charts.length).toBeGreaterThan(3);
    const figures = count(html, /<figure id="chart-[^"]+" data-chart="(line|heatmap)"><svg /g);
    expect(figures).toBe(charts.length);
    expect(count(html, /<svg /g)).toBe(charts.length + (result.events.length > 0 ? 1 : 0));
    for (const spec of charts) expect(html).toContain(`id="chart-${spec.id}"`);
  });

  it('names the run: scenario, seed and digest', () => {
    const html = htmlReport(result, { source: 'scenarios/default.yaml' });
    expect(html).toContain(`<code id="digest">${result.digest}</code>`);
    expect(html).toContain('<dd>scenarios/default.yaml</dd>');
    expect(html).toContain(`<dd>${result.seed}</dd>`);
    expect(html).toContain('<title>Default — a week at a hosting site, 100 rigs, every system on — hashtwin report</title>');
  });

  it('shows KPIs with their units and the ledger in exact money', () => {
    const html = htmlReport(result);
    expect(html).toMatch(/<td>margin<\/td><td class="num">\$[\d,]+<\/td><td><code>marginUsd<\/code><\/td>/);
    expect(html).toMatch(/<td>fleet hashrate nominal<\/td><td class="num">17,300 TH\/s<\/td>/);
    const power = BigInt(result.ledger.balances.uUSD['utility:power']);
    // µUSD to cents, exactly as the ledger holds it (half-to-even at the cent).
    const cents = (power + 5_000n) / 10_000n;
    expect(html).toContain(`$${(cents / 100n).toLocaleString('en-US')}.${String(cents % 100n).padStart(2, '0')}`);
    expect(html).toContain('<tr class="group"><td colspan="3">utility</td></tr>');
  });

  it('is self-contained: no script, no external reference, no http(s) URL at all', () => {
    const html = htmlReport(result);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/\s(src|href)="(?!data:)/i);
    expect(html).not.toMatch(/@import|url\((?!#)/i);
  });

  it('gives the same bytes for the same result, with chart ids unique across the page', () => {
    const first = htmlReport(result);
    expect(htmlReport(result)).toBe(first);
    const ids = [...first.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(first).not.toMatch(/zr\d+-/);
  });

  it('escapes names and table cells, lists event types and caps long tables', () => {
    const rows = Array.from({ length: 5 }, (_, i) => ({ tenant: `<b>t${i}</b>`, paidUsd: 234.5 + i }));
    const tricky: DigestedResult = {
      ...result,
      name: 'Fleet <script>alert(1)</script> & co',
      events: [{ atUs: 86_400e6, type: 'RigFailed', data: {} }, { atUs: 2 * 86_400e6, type: 'RigFailed', data: {} }, { atUs: 3e6, type: 'BlockFound', data: {} }],
      tables: { 'colo.tenants': rows },
    };
    const html = htmlReport(tricky, { maxTableRows: 3 });
    expect(html).toContain('Fleet &lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(html).not.toContain('<b>t0</b>');
    expect(html).toContain('&lt;b&gt;t2&lt;/b&gt;');
    expect(html).not.toContain('&lt;b&gt;t3&lt;/b&gt;');
    expect(html).toContain('First 3 of 5 rows');
    expect(html).toContain('<td class="num">$236.50</td>');
    expect(html).toMatch(/<td>RigFailed<\/td><td class="num">2<\/td><td class="num">1\.00 d<\/td><td class="num">2\.00 d<\/td>/);
  });
});
