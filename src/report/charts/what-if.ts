// The sweep's what-if grid: a KPI over two varied parameters, each cell labelled with its value.
import { formatNamed, labelOf, unitOf } from '../names.js';
import { baseOption, HEAT_RAMP, round, short } from './base.js';
import type { EChartsOption } from './types.js';

export type WhatIfRequest = {
  xLabel: string;
  yLabel: string;
  xValues: readonly unknown[];
  yValues: readonly unknown[];
  /** The KPI's name (its unit is read from it). */
  kpi: string;
  /** values[yIndex][xIndex]: the KPI (a mean over seeds) for x = xValues[xIndex], y = yValues[yIndex]. */
  values: readonly (readonly number[])[];
};

const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

export function whatIfOption(request: WhatIfRequest): EChartsOption {
  const { xValues, yValues, values, kpi } = request;
  if (values.length !== yValues.length || values.some((row) => row.length !== xValues.length)) {
    throw new RangeError(`values must be ${yValues.length} rows of ${xValues.length} (yValues × xValues), got ${values.length} rows of ${values.map((r) => r.length).join('/')}`);
  }
  const flat = values.flat().filter(Number.isFinite);
  let min = Math.min(...flat);
  let max = Math.max(...flat);
  if (!Number.isFinite(min)) [min, max] = [0, 1];
  if (min === max) max = min + 1;
  const unit = unitOf(kpi)?.symbol;
  const data = values.flatMap((row, y) => row.map((value, x) => ({
    value: [x, y, round(value)],
    // The cell's text is fixed here, not by a formatter function, so the option stays plain data.
    label: {
      show: true,
      formatter: formatNamed(kpi, value).replace(/[{}]/g, ''),
      // Light text on the ramp's dark lower part, dark text on its bright upper part.
      color: (value - min) / (max - min) < 0.6 ? '#ffffff' : '#0f172a',
    },
  })));
  return {
    ...baseOption(`${labelOf(kpi)}${unit ? ` (${unit})` : ''} by ${request.xLabel} × ${request.yLabel}`),
    grid: { left: 110, right: 28, top: 64, bottom: 56 },
    tooltip: { position: 'top' },
    xAxis: { type: 'category', name: request.xLabel, nameLocation: 'middle', nameGap: 30, data: xValues.map(text), splitArea: { show: true } },
    yAxis: { type: 'category', name: request.yLabel, nameLocation: 'end', data: yValues.map(text), splitArea: { show: true } },
    visualMap: {
      type: 'continuous', min: round(min), max: round(max), orient: 'horizontal', right: 16, top: 6,
      itemWidth: 12, itemHeight: 140, inRange: { color: HEAT_RAMP }, textGap: 6, text: [`${short(max)}`, `${short(min)}`],
    },
    series: [{
      type: 'heatmap',
      name: labelOf(kpi),
      data,
      label: { show: true, fontSize: 12, fontWeight: 600 },
    }],
  };
}
