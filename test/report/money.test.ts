// Exact money as text and the quote's price map: micro-dollars rounded half-to-even at the shown digit
// (never through a float), and the heat map option with dollar cells and the quote's own cell outlined.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../src/report/charts/index.js';
import { formatMicroUsd } from '../../src/report/money.js';
import { quotePriceGridOption } from '../../src/report/quote-chart.js';
import { quoteInputsFrom, quotePriceGrid, quoteScenario } from '../../src/scenario/quote/index.js';

describe('formatMicroUsd', () => {
  it('rounds half-to-even at the shown digit and groups thousands', () => {
    expect(formatMicroUsd(1_234_565_000n)).toBe('$1,234.56'); // …565 → 56 (even)
    expect(formatMicroUsd(1_234_575_000n)).toBe('$1,234.58'); // …575 → 58 (even)
    expect(formatMicroUsd(1_234_565_001n)).toBe('$1,234.57');
    expect(formatMicroUsd(51_253n, 6)).toBe('$0.051253');
    expect(formatMicroUsd(95_000_000_000n, 0)).toBe('$95,000');
    expect(formatMicroUsd(0n)).toBe('$0.00');
    expect(formatMicroUsd(-33_463_464n)).toBe('−$33.46');
    expect(formatMicroUsd(-4_999n)).toBe('$0.00'); // rounds to zero: no sign
  });

  it('keeps every digit of amounts beyond a double’s precision', () => {
    expect(formatMicroUsd(123_456_789_012_345_678_901n)).toBe('$123,456,789,012,345.68');
  });

  it('refuses a number of decimals it cannot show', () => {
    expect(() => formatMicroUsd(1n, 7)).toThrow(/decimals must be a whole number from 0 to 6, got 7/);
  });
});

describe('quotePriceGridOption', () => {
  const checked = quoteInputsFrom({ hashrateTHs: 500, days: 30 });
  if (!checked.ok) throw new Error('inputs');
  const built = quoteScenario(readFileSync(new URL('../../scenarios/quote-base.yaml', import.meta.url), 'utf8'), checked.inputs);
  if (!built.ok) throw new Error('scenario');
  const grid = quotePriceGrid(checked.inputs, built.scenario);

  it('labels every cell in dollars, outlines the quote’s own cell and names the axes in dollars', () => {
    const option = quotePriceGridOption(grid) as unknown as {
      xAxis: { data: string[] }; yAxis: { data: string[] };
      series: { data: { value: number[]; label: { formatter: string }; itemStyle?: object }[] }[];
    };
    const cells = option.series[0].data;
    expect(cells).toHaveLength(grid.xValues.length * grid.yValues.length);
    for (const cell of cells) expect(cell.label.formatter).toBe(`$${cell.value[2].toFixed(4)}`);
    const outlined = cells.filter((c) => c.itemStyle !== undefined);
    expect(outlined.map((c) => c.value.slice(0, 2))).toEqual([[grid.atX, grid.atY]]);
    expect(option.xAxis.data[grid.atX]).toBe('$0.0650');
    expect(option.yAxis.data[grid.atY]).toBe('$95,000');
  });

  it('is plain, deterministic data that renders to SVG', () => {
    expect(JSON.stringify(quotePriceGridOption(grid))).toBe(JSON.stringify(quotePriceGridOption(grid)));
    const svg = renderSvg(quotePriceGridOption(grid), 800, 340);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('$0.0513');
  });
});
