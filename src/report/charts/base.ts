// Pieces every chart shares: the palette, text styles, the time axis and downsampling, so the lab and
// the HTML report look alike. Animation is off: SSR renders one frame, and options stay deterministic.
import type { EChartsOption } from './types.js';
import type { TwinSeries } from '../../model/twin/index.js';

/** Colour-blind-friendly enough categorical palette (Tailwind 600s), in a fixed order. */
export const PALETTE = ['#2563eb', '#d97706', '#059669', '#dc2626', '#7c3aed', '#0891b2', '#db2777', '#65a30d', '#475569'];
/** Heat-map ramp: viridis (perceptually uniform, readable in grey and by colour-blind readers), low to high. */
export const HEAT_RAMP = ['#440154', '#482878', '#3e4989', '#31688e', '#26828e', '#1f9e89', '#35b779', '#6ece58', '#b5de2b', '#fde725'];
export const FONT_FAMILY = 'Inter, "Segoe UI", system-ui, -apple-system, Roboto, sans-serif';
const INK = '#334155';
const GRID_LINE = '#e2e8f0';

export function baseOption(title: string): EChartsOption {
  return {
    animation: false,
    color: PALETTE,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT_FAMILY, color: INK, fontSize: 11 },
    title: { text: title, left: 12, top: 8, textStyle: { fontSize: 13, fontWeight: 600, color: '#0f172a' } },
    grid: { left: 64, right: 28, top: 56, bottom: 44 },
  };
}

export const valueAxisStyle = {
  axisLine: { show: false },
  splitLine: { lineStyle: { color: GRID_LINE } },
  nameTextStyle: { color: '#64748b', align: 'left' as const },
};

/** Hours for runs up to two days, else days: the x unit of every time chart. */
export function timeUnit(series: Pick<TwinSeries, 'slotUs' | 'slots'>): { name: string; usPer: number } {
  const horizonUs = series.slotUs * series.slots;
  return horizonUs <= 2 * 86_400e6 ? { name: 'hours', usPer: 3_600e6 } : { name: 'days', usPer: 86_400e6 };
}

/** Points beyond which a series is averaged into buckets: a year of 15-minute slots is 35,040. */
export const MAX_POINTS = 1_500;

/**
 * Slot indices → bucket starts and bucket means, at most `maxPoints` of them. Each value is the mean
 * of its bucket, so a downsampled line keeps its level (peaks are softened, never invented).
 */
export function buckets(values: readonly number[], maxPoints = MAX_POINTS): { starts: number[]; means: number[] } {
  const size = Math.max(1, Math.ceil(values.length / maxPoints));
  const starts: number[] = [];
  const means: number[] = [];
  for (let start = 0; start < values.length; start += size) {
    const end = Math.min(values.length, start + size);
    let sum = 0;
    for (let i = start; i < end; i++) sum += values[i];
    starts.push(start);
    means.push(round(sum / (end - start)));
  }
  return { starts, means };
}

/** Six significant decimals: enough for a chart, and the same text in node and every browser. */
export const round = (value: number) => Number(value.toFixed(6));

/** Four significant digits, for legends and scale ends (57.415284 → 57.42). */
export const short = (value: number) => Number(value.toPrecision(4));

/**
 * Category-axis labels every `interval + 1` columns, so they fall on whole hours or days: columns of
 * `columnUs` each, labelled in units of `usPer`, about a dozen labels at most.
 */
export function labelInterval(columns: number, columnUs: number, usPer: number): number {
  let every = Math.max(1, Math.round(usPer / columnUs));
  while (columns / every > 14) every *= 2;
  return every - 1;
}

/** A stable id from names: lowercase, dashes. */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
