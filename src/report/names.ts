// Result names → units, labels and formatted values. KPI and series names carry their unit in the name
// (STYLE.md: `marginUsd`, `itPowerKW`, `pool.<id>.luckPct`), so charts, KPI cards and reports of any
// system read them the same way without knowing the system.

export type Unit = { symbol: string; suffix: string };

/** Suffix → unit symbol, longest first so `UsdPerKWh` wins over `KWh` and `Usd`. */
const UNITS: [string, string][] = [
  ['SatPerTHsDay', 'sat/TH/s/day'], ['UsdPerTHsDay', 'US$/TH/s/day'], ['UsdPerKWh', 'US$/kWh'],
  ['JPerTH', 'J/TH'], ['USDperKWh', 'US$/kWh'], ['Usd', 'US$'], ['USD', 'US$'], ['Sat', 'sat'], ['Btc', 'BTC'], ['BTC', 'BTC'],
  ['EHs', 'EH/s'], ['PHs', 'PH/s'], ['THs', 'TH/s'], ['GHs', 'GH/s'], ['MHs', 'MH/s'], ['KHs', 'kH/s'],
  ['MWh', 'MWh'], ['KWh', 'kWh'], ['MW', 'MW'], ['KW', 'kW'], ['Pct', '%'], ['Hours', 'h'], ['Days', 'd'],
  ['Minutes', 'min'], ['Seconds', 's'], ['Ms', 'ms'], ['Us', 'µs'],
];

/** Temperatures end in a capital C after a lowercase letter (`rigTempC`, `ambientC`, `intakeC`). */
const CELSIUS = /[a-z]C$/;

function unitOfSegment(segment: string): Unit | undefined {
  for (const [suffix, symbol] of UNITS) {
    // The suffix must start a camelCase word (`energyCostUsd`, not `focus`); `Us` alone must follow a lowercase letter.
    if (segment.endsWith(suffix) && segment.length > suffix.length) return { symbol, suffix };
  }
  if (CELSIUS.test(segment)) return { symbol: '°C', suffix: 'C' };
  return undefined;
}

/** The unit a name carries, looking at its last dotted segment first (`ops.healthyPct.row-a` → %). */
export function unitOf(name: string): Unit | undefined {
  const segments = name.split('.');
  for (let i = segments.length - 1; i >= 0; i--) {
    const unit = unitOfSegment(segments[i]);
    if (unit) return unit;
  }
  return undefined;
}

function words(camel: string): string {
  return camel.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2').toLowerCase();
}

/** A readable label without the unit: `fleetEarnedUsd` → "fleet earned", `pool.fpps.luckPct` → "fpps · luck". */
export function labelOf(name: string): string {
  const segments = name.split('.');
  const unit = unitOf(name);
  const parts = segments.map((segment, i) => {
    const bare = unit && segment.endsWith(unit.suffix) && unitOfSegment(segment)?.suffix === unit.suffix
      ? segment.slice(0, -unit.suffix.length) : segment;
    // Entity ids (`s21-row-a`) stay as written; camelCase metric names become words.
    return /-|^[a-z0-9]+$/.test(bare) && i > 0 ? bare : words(bare);
  });
  // `pool.<id>.x` and `group.<id>.x`: the collection name adds nothing once the id is shown.
  const shown = segments.length >= 3 && (segments[0] === 'pool' || segments[0] === 'group') ? parts.slice(1) : parts;
  return shown.filter((p) => p !== '').join(' · ');
}

const plain = (value: number, digits: number) => value.toLocaleString('en-US', { maximumFractionDigits: digits });

/** A number with its unit for display: `$12,345.67`, `12.3 %`, `10,800 TH/s`, `1.23 M sat`. */
export function formatQuantity(value: number, symbol: string | undefined): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (symbol === 'US$') {
    const sign = value < 0 ? '−' : '';
    if (abs >= 1e6) return `${sign}$${plain(abs / 1e6, 2)} M`;
    const cents = abs < 1000 && !Number.isInteger(abs) ? 2 : 0;
    return `${sign}$${abs.toLocaleString('en-US', { minimumFractionDigits: cents, maximumFractionDigits: cents })}`;
  }
  // Large amounts of sat read better in BTC (1 BTC = 10^8 sat).
  if (symbol === 'sat' && abs >= 1e6) return `${plain(value / 1e8, 4)} BTC`;
  const digits = abs === 0 || Number.isInteger(value) ? 0 : abs >= 100 ? 1 : abs >= 1 ? 2 : 4;
  const number = abs >= 1e9 && symbol !== '%'
    ? value.toLocaleString('en-US', { notation: 'compact', maximumFractionDigits: 2 })
    : plain(value, digits);
  // One minus sign everywhere (toLocaleString gives a hyphen; money above uses U+2212).
  const signed = number.replace(/^-/, '−');
  if (!symbol) return signed;
  return symbol === '%' ? `${signed} %` : `${signed} ${symbol}`;
}

/** `formatQuantity` with the unit read from the name. */
export function formatNamed(name: string, value: number): string {
  return formatQuantity(value, unitOf(name)?.symbol);
}
