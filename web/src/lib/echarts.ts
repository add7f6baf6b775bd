// ECharts for the page, built from its parts (lines, heat maps, scatter; canvas) rather than the full
// bundle. The chart builders in src/report/charts are imported file by file for the same reason: their
// index also exports the SVG renderer, which pulls in all of ECharts.
import { init, use, type ECharts } from 'echarts/core';
import { HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  AxisPointerComponent, DataZoomComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, VisualMapComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { dayProfileOption, hasDayProfile } from '../../../src/report/charts/day-profile.js';
import type { EChartsOption } from '../../../src/report/charts/types.js';
import { timeSeriesOption } from '../../../src/report/charts/time-series.js';

use([
  LineChart, HeatmapChart, ScatterChart, GridComponent, TooltipComponent, LegendComponent, TitleComponent, VisualMapComponent,
  DataZoomComponent, AxisPointerComponent, CanvasRenderer,
]);

export { init, type ECharts };
export type { EChartsOption, ChartSpec } from '../../../src/report/charts/types.js';
export { whatIfOption } from '../../../src/report/charts/what-if.js';
export { compareOption } from '../../../src/report/charts/compare.js';
export { eventTimelineOption, eventTypes } from '../../../src/report/charts/events.js';
export { PALETTE } from '../../../src/report/charts/base.js';
export { dayProfileOption, hasDayProfile };


/**
 * The option with heat maps drawn progressively, a few hundred cells per frame: a heat map of a week
 * of 15-minute slots has 672 cells and would otherwise be drawn in one task. (Only on the page: an
 * SVG rendered in node must be complete in one go, so the shared builders leave this out.)
 */
export function progressive(option: EChartsOption): EChartsOption {
  const series = option.series;
  if (!Array.isArray(series)) return option;
  return { ...option, series: series.map((s) => (s.type === 'heatmap' ? { ...s, progressive: 150, progressiveThreshold: 300 } : s)) };
}

/**
 * Draws a line chart and a heat map off screen once the page is idle, a step per task, with the real
 * builders (so the same fonts and components). The first charts a page draws pay for compiling
 * ECharts' code and resolving fonts (≈ 200 ms measured in headless Chromium on two cores); paying it
 * after load keeps every task of a run's results short.
 */
export function warmUpCharts(enqueue: (job: () => void) => void): void {
  const box = document.createElement('div');
  box.style.cssText = 'position:fixed;left:-10000px;top:0;width:640px;height:260px';
  document.body.append(box);
  const chart = init(box, null, { renderer: 'canvas' });
  const slots = 48;
  const wave = Array.from({ length: slots }, (_, i) => Math.sin(i / 5));
  const sample = { series: { slotUs: 3_600e6, slots, values: { marginUsd: wave, energyCostUsd: wave.map((v) => v + 1) } }, heatmaps: {} };
  enqueue(() => chart.setOption(timeSeriesOption(sample, { title: 'warm-up', series: ['marginUsd', 'energyCostUsd'] })));
  enqueue(() => chart.setOption(progressive(dayProfileOption(sample, 'marginUsd')), { notMerge: true }));
  enqueue(() => {
    chart.dispose();
    box.remove();
    document.documentElement.dataset.chartsWarm = 'true';
  });
}
