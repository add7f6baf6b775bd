// Server-side rendering of a chart option to an SVG string (ECharts SSR), for the HTML report and tests.
import * as echarts from 'echarts';
import type { EChartsOption } from './types.js';

export function renderSvg(option: EChartsOption, width: number, height: number): string {
  if (!Number.isInteger(width) || width < 1) throw new RangeError(`width must be a whole number of px ≥ 1, got ${width}`);
  if (!Number.isInteger(height) || height < 1) throw new RangeError(`height must be a whole number of px ≥ 1, got ${height}`);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
