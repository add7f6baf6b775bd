// The event log as a timeline: one row per event type, one dot per event, coloured by type.
import type { LogEntry } from '../../engine/index.js';
import type { TwinSeries } from '../../model/twin/index.js';
import { baseOption, round, timeUnit } from './base.js';
import type { EChartsOption } from './types.js';

export type EventsResult = { series: Pick<TwinSeries, 'slotUs' | 'slots'>; events: readonly LogEntry[] };

/** Event types with their counts, most frequent first (ties by name), for filters and legends. */
export function eventTypes(events: readonly LogEntry[]): { type: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const e of events) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  return [...counts].map(([type, count]) => ({ type, count })).sort((x, y) => y.count - x.count || (x.type < y.type ? -1 : 1));
}

export function eventTimelineOption(result: EventsResult, types?: readonly string[]): EChartsOption {
  const time = timeUnit(result.series);
  const shown = types ?? eventTypes(result.events).map((t) => t.type);
  const rows = [...shown].sort();
  return {
    ...baseOption('Events over time'),
    grid: { left: 150, right: 28, top: 44, bottom: 44 },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', name: time.name, nameGap: 6, min: 0, max: round((result.series.slots * result.series.slotUs) / time.usPer), splitLine: { show: false } },
    yAxis: { type: 'category', data: rows, axisTick: { show: false }, splitLine: { show: true, lineStyle: { color: '#f1f5f9' } } },
    series: rows.map((type) => ({
      type: 'scatter' as const,
      name: type,
      symbolSize: 7,
      data: result.events.filter((e) => e.type === type).map((e) => [round(e.atUs / time.usPer), type]),
    })),
  };
}
