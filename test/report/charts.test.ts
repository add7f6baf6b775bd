// The chart contract: the catalogue covers every series and heat map of any result (systems' names
// included), options are plain deterministic data, and they render to SVG in node.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  chartCatalogue, compareOption, dayProfileOption, eventTimelineOption, hasDayProfile, heatmapOption, renderSvg, timeSeriesOption, whatIfOption,
  type ChartResult,
} from '../../src/report/charts/index.js';
import type { DigestedResult } from '../../src/report/index.js';
import { runScenario } from '../../src/worker/twin-runner.js';

async function run(file: string, seed?: number): Promise<DigestedResult> {
  const reply = await runScenario({ scenarioText: readFileSync(new URL(`../../scenarios/${file}`, import.meta.url), 'utf8'), seed });
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.result;
}

/** A result shaped like one from systems not yet in the scenarios: colo prices, rentals, a heat map with a missing row. */
function syntheticResult(slots: number): ChartResult {
  const ramp = (k: number) => Array.from({ length: slots }, (_, i) => k + (i % 7));
  return {
    series: {
      slotUs: 900e6,
      slots,
      values: {
        priceUsd: ramp(95_000), itPowerKW: ramp(300), marginUsd: ramp(-5), energyCostUsd: ramp(20),
        'colo.price.compute': ramp(1), 'colo.price.network': ramp(2), 'colo.price.storewidth': ramp(8),
        'rentals.deliveredTHs': ramp(90), 'rentals.soldTHs': ramp(100), 'iaas.burstUsd': ramp(3),
      },
    },
    heatmaps: {
      'colo.price': {
        title: 'Colo price by resource', unit: 'US$/slot',
        rows: [
          { label: 'compute', series: 'colo.price.compute' }, { label: 'network', series: 'colo.price.network' },
          { label: 'storewidth', series: 'colo.price.storewidth' }, { label: 'gpu (none yet)', series: 'colo.price.gpu' },
        ],
      },
    },
  };
}

type LineSeries = { name: string; data: number[][] };
const seriesOf = (option: unknown) => (option as { series: LineSeries[] }).series;

let hotSite: DigestedResult;
beforeAll(async () => {
  hotSite = await run('hot-site-summer.yaml');
});

describe('chartCatalogue', () => {
  it('draws every series of a real result once, and one chart per heat map', () => {
    const charts = chartCatalogue(hotSite);
    expect(new Set(charts.map((c) => c.id)).size).toBe(charts.length);
    const lineCount = charts.filter((c) => c.kind === 'line').reduce((s, c) => s + seriesOf(c.option).length, 0);
    expect(lineCount).toBe(Object.keys(hotSite.series.values).length);
    expect(charts.filter((c) => c.kind === 'heatmap').map((c) => c.id)).toEqual(['heatmap-site-temperature']);
    const order = charts.map((c) => c.id);
    expect(order.indexOf('coin-price')).toBeLessThan(order.indexOf('power'));
    expect(order.indexOf('power')).toBeLessThan(order.indexOf('temperature'));
    expect(order.indexOf('temperature')).toBeLessThan(order.indexOf('revenue-cost-margin'));
  });

  it('gives every chart its own id when one system has series in several units (default.yaml: every system on)', async () => {
    const everything = await run('default.yaml');
    const charts = chartCatalogue(everything);
    expect(new Set(charts.map((c) => c.id)).size).toBe(charts.length);
    const lineCount = charts.filter((c) => c.kind === 'line').reduce((s, c) => s + seriesOf(c.option).length, 0);
    expect(lineCount).toBe(Object.keys(everything.series.values).length);
    expect(charts.filter((c) => c.kind === 'heatmap')).toHaveLength(Object.keys(everything.heatmaps).length);
  });

  it("groups a new system's series by name alone: delivered vs sold first, colo prices together, the heat map last", () => {
    const charts = chartCatalogue(syntheticResult(96));
    expect(charts[0].id).toBe('hashrate-delivered-sold');
    expect(seriesOf(charts[0].option).map((s) => s.name)).toEqual(['rentals · delivered', 'rentals · sold']);
    const colo = charts.find((c) => c.title.startsWith('Colo'));
    expect(seriesOf(colo!.option)).toHaveLength(3);
    expect(charts.at(-1)!.kind).toBe('heatmap');
    expect(charts.find((c) => c.id === 'revenue-cost-margin')!.title).toBe('Revenue, cost and margin per slot');
  });

  it('is plain, deterministic data: the same options for the same result, through JSON and back', async () => {
    const again = await run('hot-site-summer.yaml');
    const first = chartCatalogue(hotSite);
    expect(JSON.stringify(chartCatalogue(again))).toBe(JSON.stringify(first));
    expect(JSON.parse(JSON.stringify(first))).toEqual(first);
    expect(first.every((c) => c.option.animation === false)).toBe(true);
  });
});

describe('heatmapOption', () => {
  it('keeps every row of the spec, even one whose series is missing, and fills rows × columns cells', () => {
    const result = syntheticResult(96);
    const option = heatmapOption(result, 'colo.price') as { yAxis: { data: string[] }; xAxis: { data: string[] }; series: { data: number[][] }[] };
    expect(option.yAxis.data).toEqual(['compute', 'network', 'storewidth', 'gpu (none yet)']);
    expect(option.xAxis.data).toHaveLength(96);
    expect(option.series[0].data).toHaveLength(3 * 96);
    expect(option.series[0].data.filter((d) => d[1] === 2).map((d) => d[2])).toEqual(result.series.values['colo.price.storewidth']);
  });

  it('averages a year of slots into at most 720 columns, keeping the mean', () => {
    const option = heatmapOption(syntheticResult(35_040), 'colo.price') as { series: { data: number[][] }[]; xAxis: { data: string[] } };
    expect(option.xAxis.data.length).toBeLessThanOrEqual(720);
    const row0 = option.series[0].data.filter((d) => d[1] === 0);
    const mean = row0.reduce((s, d) => s + d[2], 0) / row0.length;
    expect(mean).toBeCloseTo(1 + 3, 1);
  });

  it('names the heat maps there are when asked for one that is not', () => {
    expect(() => heatmapOption(syntheticResult(4), 'ops.health')).toThrow(/colo\.price.*got "ops\.health"/);
  });
});

describe('whatIfOption and compareOption', () => {
  it('labels each what-if cell with its formatted value and checks the grid shape', () => {
    const option = whatIfOption({
      xLabel: 'fleet[0].count', yLabel: 'site.powerPriceUSDperKWh', xValues: [40, 80], yValues: [0.05, 0.08], kpi: 'marginUsd',
      values: [[1200, 2500.5], [-300, 900]],
    }) as { series: { data: { value: number[]; label: { formatter: string } }[] }[]; title: { text: string } };
    expect(option.series[0].data.map((d) => d.label.formatter)).toEqual(['$1,200', '$2,501', '−$300', '$900']);
    expect(option.series[0].data[1].value).toEqual([1, 0, 2500.5]);
    expect(option.title.text).toBe('margin (US$) by fleet[0].count × site.powerPriceUSDperKWh');
    expect(() => whatIfOption({ xLabel: 'x', yLabel: 'y', xValues: [1, 2], yValues: [1], kpi: 'k', values: [[1]] })).toThrow(RangeError);
  });

  it('draws A, B and the slot-by-slot delta B − A', () => {
    const a = syntheticResult(8);
    const b: ChartResult = { ...a, series: { ...a.series, values: { ...a.series.values, marginUsd: a.series.values.marginUsd.map((v) => v + 2.5) } } };
    const series = seriesOf(compareOption(a, b, 'marginUsd'));
    expect(series.map((s) => s.name)).toEqual(['A', 'B', 'B − A']);
    expect(series[2].data.map((p) => p[1])).toEqual(Array(8).fill(2.5));
  });
});

describe('renderSvg', () => {
  it('renders a time series to an <svg> with a path per line and the legend names', () => {
    const svg = renderSvg(timeSeriesOption(hotSite, { title: 'Money', series: ['energyCostUsd', 'marginUsd'] }), 640, 280);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('width="640"');
    expect(svg).toContain('energy cost');
    expect(svg).toContain('margin');
    expect((svg.match(/<path /g) ?? []).length).toBeGreaterThan(2);
  });

  it('renders a heat map with its row labels and coloured cells, and the event timeline', () => {
    const svg = renderSvg(heatmapOption(hotSite, 'site.temperature'), 800, 300);
    for (const row of hotSite.heatmaps['site.temperature'].rows) expect(svg).toContain(row.label);
    expect((svg.match(/fill="rgb|fill="#/g) ?? []).length).toBeGreaterThan(100);
    const timeline = renderSvg(eventTimelineOption(hotSite), 800, 260);
    expect(timeline).toContain('RigsThrottled');
  });

  it('refuses sizes that are not whole pixels', () => {
    expect(() => renderSvg({}, 0, 10)).toThrow(/width must be/);
  });
});

describe('dayProfileOption', () => {
  it('sums quarter-hours into hour cells, a day per row, and refuses slots that do not tile a day', () => {
    const result = syntheticResult(3 * 96);
    const option = dayProfileOption(result, 'energyCostUsd') as { xAxis: { data: string[] }; yAxis: { data: string[] }; series: { data: number[][] }[] };
    expect(option.xAxis.data).toHaveLength(24);
    expect(option.xAxis.data.slice(0, 2)).toEqual(['00:00', '01:00']);
    expect(option.yAxis.data).toEqual(['day 1', 'day 2', 'day 3']);
    const values = result.series.values.energyCostUsd;
    expect(option.series[0].data[0]).toEqual([0, 0, values[0] + values[1] + values[2] + values[3]]);
    expect(option.series[0].data.reduce((s, d) => s + d[2], 0)).toBeCloseTo(values.reduce((s, v) => s + v, 0), 6);
    expect(hasDayProfile({ ...result, series: { ...result.series, slotUs: 7 * 60e6 } })).toBe(false);
    expect(() => dayProfileOption({ ...result, series: { ...result.series, slots: 96 } }, 'energyCostUsd')).toThrow(/two days/);
  });
});
