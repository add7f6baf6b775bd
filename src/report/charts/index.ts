// Chart builders shared by the lab and the HTML report: plain, deterministic ECharts options from a
// result (no DOM, no node built-ins), and SVG rendering for pages built in node.
export type { ChartSpec, ChartKind, ChartResult, EChartsOption } from './types.js';
export { chartCatalogue } from './catalogue.js';
export { timeSeriesOption, commonUnit, type TimeSeriesRequest } from './time-series.js';
export { heatmapOption, heatmapHeightPx } from './heatmap.js';
export { whatIfOption, type WhatIfRequest } from './what-if.js';
export { compareOption, type CompareRun } from './compare.js';
export { dayProfileOption, hasDayProfile } from './day-profile.js';
export { eventTimelineOption, eventTypes, type EventsResult } from './events.js';
export { renderSvg } from './svg.js';
export { PALETTE, HEAT_RAMP, FONT_FAMILY } from './base.js';
