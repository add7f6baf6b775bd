// The chart contract shared by the lab and the HTML report: a chart is an id, a title, a kind and a
// plain ECharts option (no functions, no DOM), so it can be drawn in a page or rendered to SVG in node.
import type { EChartsOption } from 'echarts';
import type { TwinResult } from '../../model/twin/index.js';

export type { EChartsOption };

export type ChartKind = 'line' | 'heatmap';

export interface ChartSpec {
  /** Stable and unique within a catalogue: derived from the series or heat-map names, never random. */
  id: string;
  title: string;
  kind: ChartKind;
  option: EChartsOption;
  /** Suggested drawing height in px (heat maps grow with their rows); width is the page's. */
  heightPx: number;
}

/** The parts of a result the chart builders read (a DigestedResult or a TwinResult will do). */
export type ChartResult = Pick<TwinResult, 'series' | 'heatmaps'>;
