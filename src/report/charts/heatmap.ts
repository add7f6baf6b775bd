// A result heat map (rows × slots): each row names a series, so the matrix is read from the series.
import { baseOption, buckets, HEAT_RAMP, labelInterval, round, short, timeUnit } from './base.js';
import type { ChartResult, EChartsOption } from './types.js';

/** Columns beyond which slots are averaged: a cell narrower than a pixel shows nothing more. */
const MAX_COLUMNS = 720;

/** Height that keeps rows readable: 26 px each between the title/legend and the axis. */
export function heatmapHeightPx(rows: number): number {
  return Math.min(720, Math.max(240, 120 + 26 * rows));
}

export function heatmapOption(result: ChartResult, key: string): EChartsOption {
  const spec = result.heatmaps[key];
  if (!spec) throw new RangeError(`key must name one of the result's heat maps (${Object.keys(result.heatmaps).join(', ') || 'none'}), got "${key}"`);
  const { series } = result;
  const time = timeUnit(series);
  const data: [number, number, number][] = [];
  let columns: number[] = [];
  spec.rows.forEach((row, y) => {
    const values = series.values[row.series];
    if (!values) return;
    const { starts, means } = buckets(values, MAX_COLUMNS);
    if (starts.length > columns.length) columns = starts;
    means.forEach((value, x) => data.push([x, y, value]));
  });
  const columnUs = columns.length > 1 ? (columns[1] - columns[0]) * series.slotUs : series.slotUs;
  const interval = labelInterval(columns.length, columnUs, time.usPer);
  let min = Math.min(...data.map((d) => d[2]));
  let max = Math.max(...data.map((d) => d[2]));
  if (!Number.isFinite(min)) [min, max] = [0, 1];
  if (min === max) max = min + 1;
  return {
    ...baseOption(`${spec.title} (${spec.unit})`),
    grid: { left: 120, right: 28, top: 64, bottom: 44 },
    tooltip: { position: 'top' },
    xAxis: {
      type: 'category',
      name: time.name,
      nameGap: 6,
      data: columns.map((start) => String(round((start * series.slotUs) / time.usPer))),
      axisLabel: { interval },
      axisTick: { show: false },
      splitArea: { show: false },
    },
    yAxis: { type: 'category', data: spec.rows.map((row) => row.label), axisTick: { show: false }, axisLine: { show: false } },
    visualMap: {
      type: 'continuous',
      min: round(min),
      max: round(max),
      orient: 'horizontal',
      right: 16,
      top: 6,
      itemWidth: 12,
      itemHeight: 140,
      text: [`${short(max)} ${spec.unit}`, `${short(min)}`],
      textGap: 6,
      inRange: { color: HEAT_RAMP },
    },
    series: [{ type: 'heatmap', name: spec.title, data, emphasis: { itemStyle: { borderColor: '#0f172a', borderWidth: 1 } } }],
  };
}
