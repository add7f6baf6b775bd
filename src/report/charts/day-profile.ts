// A series as a day × hour-of-day heat map: when in the day margin, power or prices rise and fall, and
// how that moves over the run (time-of-use tariffs, hot afternoons, curtailment windows).
import { labelOf, unitOf } from '../names.js';
import { baseOption, HEAT_RAMP, labelInterval, round, short } from './base.js';
import type { ChartResult, EChartsOption } from './types.js';

const US_PER_DAY = 86_400e6;
const US_PER_HOUR = 3_600e6;

/** Whether a result's slots tile a day (e.g. 15 min, 1 h, 6 h) with at least two days to show. */
export function hasDayProfile(result: ChartResult): boolean {
  const { slotUs, slots } = result.series;
  return US_PER_DAY % slotUs === 0 && US_PER_DAY / slotUs >= 4 && slots * slotUs >= 2 * US_PER_DAY;
}

/**
 * Cells of an hour when slots are shorter (their values summed, so a cell is the hour's total of a
 * per-slot quantity), else one cell per slot. Hours read better than 96 quarter-hour columns.
 */
export function dayProfileOption(result: ChartResult, seriesName: string): EChartsOption {
  const values = result.series.values[seriesName];
  if (!values) throw new RangeError(`seriesName must name a series of the result, got "${seriesName}"`);
  if (!hasDayProfile(result)) throw new RangeError(`the result's slots (${result.series.slotUs} µs) must tile a day, over two days or more`);
  const { slotUs } = result.series;
  const cellUs = slotUs < US_PER_HOUR && US_PER_HOUR % slotUs === 0 ? US_PER_HOUR : slotUs;
  const slotsPerCell = cellUs / slotUs;
  const perDay = US_PER_DAY / cellUs;
  const cells = new Map<number, number>();
  values.forEach((value, slot) => {
    const cell = Math.floor(slot / slotsPerCell);
    cells.set(cell, (cells.get(cell) ?? 0) + value);
  });
  const data = [...cells].map(([cell, sum]) => [cell % perDay, Math.floor(cell / perDay), round(sum)]);
  const sums = data.map((d) => d[2]);
  let min = Math.min(...sums);
  let max = Math.max(...sums);
  if (min === max) max = min + 1;
  const unit = unitOf(seriesName)?.symbol;
  const per = cellUs === US_PER_HOUR ? 'per hour' : 'per slot';
  const times = Array.from({ length: perDay }, (_, i) => {
    const minutes = Math.round((i * cellUs) / 60e6);
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  });
  return {
    ...baseOption(`${labelOf(seriesName)}${unit ? ` (${unit} ${per})` : ` (${per})`} by time of day`),
    grid: { left: 64, right: 28, top: 64, bottom: 44 },
    tooltip: { position: 'top' },
    xAxis: { type: 'category', name: 'time of day', nameGap: 6, data: times, axisTick: { show: false }, axisLabel: { interval: labelInterval(perDay, cellUs, 2 * US_PER_HOUR) } },
    yAxis: { type: 'category', data: Array.from({ length: Math.ceil(cells.size / perDay) }, (_, d) => `day ${d + 1}`), inverse: true, axisTick: { show: false }, axisLine: { show: false } },
    visualMap: {
      type: 'continuous', min: round(min), max: round(max), orient: 'horizontal', right: 16, top: 6,
      itemWidth: 12, itemHeight: 140, textGap: 6, text: [`${short(max)}${unit ? ` ${unit}` : ''}`, `${short(min)}`], inRange: { color: HEAT_RAMP },
    },
    series: [{ type: 'heatmap', name: labelOf(seriesName), data }],
  };
}
