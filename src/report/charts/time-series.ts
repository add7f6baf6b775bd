// Line charts of per-slot series over time: one line per named series, x in hours or days.
import { labelOf, unitOf } from '../names.js';
import { baseOption, buckets, round, timeUnit, valueAxisStyle } from './base.js';
import type { ChartResult, EChartsOption } from './types.js';

export type TimeSeriesRequest = { title: string; series: string[]; unit?: string };

/** The unit all the names share, or undefined when they differ or carry none. */
export function commonUnit(names: readonly string[]): string | undefined {
  const units = new Set(names.map((n) => unitOf(n)?.symbol));
  return units.size === 1 ? [...units][0] : undefined;
}

/** Legend names: readable labels, falling back to the raw name where two labels would collide. */
export function legendNames(names: readonly string[]): string[] {
  const labels = names.map(labelOf);
  return labels.map((label, i) => (labels.indexOf(label) !== labels.lastIndexOf(label) ? names[i] : label));
}

export function timeSeriesOption(result: ChartResult, request: TimeSeriesRequest): EChartsOption {
  const { series } = result;
  const present = request.series.filter((name) => series.values[name] !== undefined);
  const time = timeUnit(series);
  const slotX = series.slotUs / time.usPer;
  const unit = request.unit ?? commonUnit(present);
  const legend = legendNames(present);
  const base = baseOption(request.title);
  return {
    ...base,
    // Room for the legend row above the axis name when there are several lines.
    grid: { left: 64, right: 28, top: present.length > 1 ? 76 : 56, bottom: 44 },
    tooltip: { trigger: 'axis' },
    legend: present.length > 1 ? { type: 'scroll', top: 30, left: 12, right: 12, itemWidth: 14, itemHeight: 8 } : { show: false },
    xAxis: { type: 'value', name: time.name, nameGap: 6, min: 0, max: round(series.slots * slotX), axisLine: { lineStyle: { color: '#94a3b8' } }, splitLine: { show: false } },
    yAxis: { type: 'value', name: unit ?? '', scale: true, ...valueAxisStyle },
    dataZoom: [{ type: 'inside', xAxisIndex: 0 }],
    series: present.map((name, i) => {
      const { starts, means } = buckets(series.values[name]);
      return {
        type: 'line' as const,
        name: legend[i],
        showSymbol: false,
        sampling: 'lttb' as const,
        lineStyle: { width: 1.5 },
        data: starts.map((start, k) => [round(start * slotX), means[k]]),
      };
    }),
  };
}
