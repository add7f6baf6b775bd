// Two runs' series side by side and their difference (B − A) below, on a shared time axis. With the
// same seed both runs share random streams, so the difference is the change, not noise.
import { labelOf, unitOf } from '../names.js';
import { baseOption, buckets, round, timeUnit, valueAxisStyle } from './base.js';
import type { ChartResult, EChartsOption } from './types.js';

export type CompareRun = ChartResult & { name?: string };

function points(run: ChartResult, name: string, usPer: number): number[][] {
  const values = run.series.values[name] ?? [];
  const { starts, means } = buckets(values);
  return starts.map((start, k) => [round((start * run.series.slotUs) / usPer), means[k]]);
}

export function compareOption(a: CompareRun, b: CompareRun, seriesName: string): EChartsOption {
  if (!a.series.values[seriesName] && !b.series.values[seriesName]) {
    throw new RangeError(`seriesName must name a series of run A or B, got "${seriesName}"`);
  }
  const longer = a.series.slotUs * a.series.slots >= b.series.slotUs * b.series.slots ? a : b;
  const time = timeUnit(longer.series);
  const unit = unitOf(seriesName)?.symbol ?? '';
  const av = a.series.values[seriesName] ?? [];
  const bv = b.series.values[seriesName] ?? [];
  // The delta is slot by slot, so it needs the same slot length; over the slots both runs have.
  const sameSlots = a.series.slotUs === b.series.slotUs;
  const delta = sameSlots ? Array.from({ length: Math.min(av.length, bv.length) }, (_, i) => round(bv[i] - av[i])) : [];
  const deltaPoints = points({ series: { ...a.series, values: { delta } }, heatmaps: {} }, 'delta', time.usPer);
  const xAxis = (gridIndex: number, showName: boolean) => ({
    type: 'value' as const, gridIndex, min: 0, name: showName ? time.name : '', nameGap: 6, splitLine: { show: false },
    axisLine: { lineStyle: { color: '#94a3b8' } },
  });
  return {
    ...baseOption(`${labelOf(seriesName)}${unit ? ` (${unit})` : ''}: A, B and B − A`),
    tooltip: { trigger: 'axis' },
    legend: { top: 30, left: 12, itemWidth: 14, itemHeight: 8 },
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    grid: [{ left: 64, right: 28, top: 84, height: '44%' }, { left: 64, right: 28, top: '74%', bottom: 40 }],
    xAxis: [xAxis(0, false), xAxis(1, true)],
    yAxis: [
      { type: 'value', gridIndex: 0, name: unit, scale: true, ...valueAxisStyle },
      { type: 'value', gridIndex: 1, name: `Δ ${unit}`.trim(), scale: true, ...valueAxisStyle },
    ],
    dataZoom: [{ type: 'inside', xAxisIndex: [0, 1] }],
    series: [
      { type: 'line', name: `A${a.name ? `: ${a.name}` : ''}`, xAxisIndex: 0, yAxisIndex: 0, showSymbol: false, lineStyle: { width: 1.5 }, data: points(a, seriesName, time.usPer) },
      { type: 'line', name: `B${b.name ? `: ${b.name}` : ''}`, xAxisIndex: 0, yAxisIndex: 0, showSymbol: false, lineStyle: { width: 1.5 }, data: points(b, seriesName, time.usPer) },
      { type: 'line', name: 'B − A', xAxisIndex: 1, yAxisIndex: 1, showSymbol: false, lineStyle: { width: 1.2 }, areaStyle: { opacity: 0.15 }, color: '#475569', data: deltaPoints },
    ],
  };
}
