// A result as a short human summary for the terminal: the headline KPIs, the rest of the fleet's,
// then one titled section per pool, group and system (`colo`, `ops`, …), then the digest.
import type { DigestedResult } from './digest.js';

const HEADLINE = [
  'horizonDays', 'fleetHashrateNominalTHs', 'fleetHashrateEstimatedTHs', 'sharesAccepted', 'staleRatePct',
  'fleetBlocksFound', 'fleetEarnedSat', 'fleetEarnedUsd', 'energyCostUsd', 'marginUsd', 'marginPct',
  'breakEvenPowerPriceUsdPerKWh', 'fleetEarnedSatPerTHsDay', 'hashpriceStartSatPerTHsDay',
  'networkBlocks', 'networkRetargets', 'fleetAlerts',
];
/** KPI families named by two segments (`pool.<id>.…`, `group.<id>.…`); the rest by their first. */
const TWO_SEGMENT_SECTIONS = new Set(['pool', 'group']);

function formatValue(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toLocaleString('en-US', { maximumFractionDigits: 4 });
}

/** '' for the fleet's own KPIs, else the section a dotted KPI belongs to. */
function sectionOf(key: string): string {
  const parts = key.split('.');
  if (parts.length === 1) return '';
  return TWO_SEGMENT_SECTIONS.has(parts[0]) && parts.length > 2 ? `${parts[0]} ${parts[1]}` : parts[0];
}

export function summaryText(result: DigestedResult): string {
  const lines = [`${result.name}  (seed ${result.seed}, ${result.resolution}, ${result.series.slots} slots)`];
  const width = Math.max(...Object.keys(result.kpis).map((k) => k.length));
  const sections = new Map<string, string[]>([['', HEADLINE.filter((key) => key in result.kpis)]]);
  for (const key of Object.keys(result.kpis)) {
    const section = sectionOf(key);
    const keys = sections.get(section) ?? [];
    if (!keys.includes(key)) keys.push(key);
    sections.set(section, keys);
  }
  for (const [section, keys] of sections) {
    if (section !== '') lines.push(`[${section}]`);
    for (const key of keys) lines.push(`  ${key.padEnd(width)}  ${formatValue(result.kpis[key])}`);
  }
  lines.push(`  ${'events logged'.padEnd(width)}  ${result.events.length}${result.droppedEvents ? ` (+${result.droppedEvents} dropped)` : ''}`);
  lines.push(`digest ${result.digest}`);
  return lines.join('\n');
}
