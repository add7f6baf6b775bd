// Display formats for the lab: times within a run, durations, amounts in ledger units, KPI names.
export { formatNamed, formatQuantity, labelOf, unitOf } from '../../../src/report/names.js';

const US_PER_MINUTE = 60e6;

/** A time within a run: `d3 14:05` (day 1 is the first day). */
export function formatAt(atUs: number): string {
  const minutes = Math.floor(atUs / US_PER_MINUTE);
  const day = Math.floor(minutes / 1440) + 1;
  const hh = String(Math.floor((minutes % 1440) / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `d${day} ${hh}:${mm}`;
}

/** A span of µs for people: `7 d`, `12 h`, `15 min`. */
export function formatSpan(us: number): string {
  const minutes = us / US_PER_MINUTE;
  if (minutes >= 2 * 1440) return `${+(minutes / 1440).toFixed(1)} d`;
  if (minutes >= 120) return `${+(minutes / 60).toFixed(1)} h`;
  return `${+minutes.toFixed(1)} min`;
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

/** Ledger units and how many decimals their display unit has (sat → BTC, uUSD → US$). */
const LEDGER_UNITS: Record<string, { decimals: number; symbol: string }> = {
  sat: { decimals: 8, symbol: 'BTC' },
  wei: { decimals: 18, symbol: 'ETH' },
  uUSD: { decimals: 6, symbol: 'US$' },
};

/** An exact ledger amount (a decimal string in the smallest unit) in its display unit, without rounding. */
export function formatLedgerAmount(amount: string, unit: string): string {
  const known = LEDGER_UNITS[unit];
  if (!known) return `${BigInt(amount).toLocaleString('en-US')} ${unit}`;
  const value = BigInt(amount);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(known.decimals + 1, '0');
  const whole = BigInt(digits.slice(0, -known.decimals)).toLocaleString('en-US');
  const shown = known.symbol === 'US$' ? 2 : known.decimals;
  // US$ are shown to the cent (the ledger keeps micro-dollars); coin amounts to the smallest unit.
  const fraction = digits.slice(-known.decimals).slice(0, shown);
  return `${negative ? '−' : ''}${whole}.${fraction} ${known.symbol}`;
}

export function ledgerUnitLabel(unit: string): string {
  return LEDGER_UNITS[unit]?.symbol ?? unit;
}

/** `fleetEarnedUsd` → "Fleet earned". */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
