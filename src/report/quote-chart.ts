// The quote's price heat map: the what-if grid builder (charts/what-if.ts) over power price × coin
// price, with axes and cells in dollars, cell text readable on the dark and light ends of the ramp,
// and the quote's own cell outlined.
import type { QuotePriceGrid } from '../scenario/quote/index.js';
import type { EChartsOption } from './charts/types.js';
import { whatIfOption } from './charts/what-if.js';

type Cell = { value: [number, number, number]; label?: object; itemStyle?: object };

/** Below this share of the range the ramp is dark (viridis' blues and purples): white text reads there. */
const DARK_BELOW = 0.55;

const usd = (value: number, digits: number) => `$${value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;

export function quotePriceGridOption(grid: QuotePriceGrid): EChartsOption {
  const option = whatIfOption({
    ...grid,
    kpi: 'price',
    xValues: grid.xValues.map((v) => usd(v, 4)),
    yValues: grid.yValues.map((v) => usd(v, 0)),
  });
  const flat = grid.values.flat();
  const min = Math.min(...flat);
  const span = Math.max(...flat) - min || 1;
  const series = (option.series as { data: Cell[] }[])[0];
  const data = series.data.map((cell): Cell => {
    const [x, y, price] = cell.value;
    const own = x === grid.atX && y === grid.atY;
    const dark = (price - min) / span < DARK_BELOW;
    return {
      ...cell,
      label: { show: true, formatter: usd(price, 4), fontWeight: own ? 700 : 400, color: dark ? '#ffffff' : '#0f172a', textBorderWidth: 0 },
      ...(own ? { itemStyle: { borderColor: '#f97316', borderWidth: 3 } } : {}),
    };
  });
  return {
    ...option,
    title: { ...(option.title as object), text: `Price per TH/s per day by ${grid.xLabel} × ${grid.yLabel} (outlined: this quote)` },
    series: [{ ...series, data }],
  } as EChartsOption;
}
